package org.ctrace.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * A five-person input set whose quarantine list (cn-9, as of 2024-03-15) is worked out by
 * hand from SPEC §3 and §5:
 *
 * <ul>
 *   <li>C1: onset 2024-03-10, isolated 2024-03-12, so its window is [03-06 00:00, 03-13 00:00).
 *   <li>P1: meal with C1 on 03-09 10:00-10:30: close; home quarantine from 03-13, but cn-9
 *       wants centralized: action upgrade. Its phone "+86 ..." must be escaped.
 *   <li>P2: work with C1 on 03-11 08:00-09:15 at 0.5 m: close; named "=cmd" (escaped); phone
 *       "-5" (a number: not escaped).
 *   <li>S1: household with P1 on 03-12 18:00-18:45, inside P1's window [03-09 10:00, 03-14
 *       00:00): secondary, 7 days home; phone "@home" (escaped). Its meal with C1 on 03-16 is
 *       after the as-of day and not used.
 * </ul>
 */
final class SmallSet {

    private SmallSet() {
    }

    static final String[] PERSONS = {
        "person_id,name,phone,city,district,town,village,household_id",
        "C1,Case One,13800000000,Huaxi,Beihu,Huayu Town,Weijie Village,H1",
        "P1,Ann Li,+86 138 0000 0001,Huaxi,Beihu,Huayu Town,Weijie Village,H2",
        "P2,=cmd,-5,Huaxi,Nanshan,Anwei Town,Huayun Village,H3",
        "S1,Sam Wu,@home,Huaxi,Nanshan,Anwei Town,Huayun Village,H4",
    };

    static final String[] CASES = {
        "person_id,classification,onset_date,sample_date,isolation_date",
        "C1,confirmed,2024-03-10,,2024-03-12",
    };

    static final String[] CONTACTS = {
        "person_a,person_b,start,end,duration_min,setting,distance_m,protected",
        "C1,P1,2024-03-09 10:00,,30,meal,,no",
        "P2,C1,2024-03-11 08:00,2024-03-11 09:15,,work,0.5,",
        "P1,S1,2024-03-12 18:00,,45,household,,",
        "C1,S1,2024-03-16 10:00,,30,meal,,",
    };

    static final String[] QUARANTINE = {
        "person_id,status,start_date,end_date,site_id",
        "P1,home,2024-03-13,2024-03-20,",
    };

    static final String P1_ROW = "P1,Ann Li,close,C1,2024-03-09 10:00,2024-03-09 10:30,centralized,2024-03-16,"
            + "2024-03-19,'+86 138 0000 0001,Huaxi,Beihu,Huayu Town,Weijie Village,home,upgrade,"
            + Ctrace.cn9Basis("2024-03-09", "C1", "meal");
    static final String P2_ROW = "P2,'=cmd,close,C1,2024-03-11 08:00,2024-03-11 09:15,centralized,2024-03-18,"
            + "2024-03-21,-5,Huaxi,Nanshan,Anwei Town,Huayun Village,none,quarantine,"
            + Ctrace.cn9Basis("2024-03-11", "C1", "work");
    static final String S1_ROW = "S1,Sam Wu,secondary,P1,2024-03-12 18:00,2024-03-12 18:45,home,2024-03-19,,"
            + "'@home,Huaxi,Nanshan,Anwei Town,Huayun Village,none,quarantine,"
            + "last exposure 2024-03-12 to P1 (household); cn-9: 7 days home";

    /** The whole quarantine list as CSV. */
    static final String LIST_CSV = String.join("\n", Ctrace.LIST_HEADER, P1_ROW, P2_ROW, S1_ROW) + "\n";

    /** The input files, by option. */
    record Files(Path persons, Path cases, Path contacts, Path quarantine) {

        /** --persons, --cases, --contacts and --quarantine with these files. */
        String[] args() {
            return new String[] {"--persons", persons.toString(), "--cases", cases.toString(),
                "--contacts", contacts.toString(), "--quarantine", quarantine.toString()};
        }

        List<Path> all() {
            return List.of(persons, cases, contacts, quarantine);
        }
    }

    /** Writes the set under its standard names. */
    static Files write(Path dir) {
        return new Files(Ctrace.write(dir, "persons.csv", PERSONS), Ctrace.write(dir, "cases.csv", CASES),
                Ctrace.write(dir, "contacts.csv", CONTACTS), Ctrace.write(dir, "quarantine.csv", QUARANTINE));
    }
}
