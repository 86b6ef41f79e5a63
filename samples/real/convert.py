#!/usr/bin/env python3
"""Converts the real outbreak data in ../shared/data/real/ to ctrace's inputs (SPEC §2, §8).

    python3 samples/real/convert.py [SOURCE_DIR]     (default: ../shared/data/real)

Writes samples/real/{singapore,tianjin,korea}/ (cases.csv, links.csv or persons.csv), byte for
byte the same on every run: standard library only, rows sorted, LF line ends. What each column
becomes, and what is left out and why, is in samples/real/README.md.
"""
import csv
import os
import re
import sys
from datetime import date

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = ["person_id", "classification", "onset_date", "sample_date", "isolation_date", "infector"]


def iso(text):
    """A source date as yyyy-MM-dd: accepts yyyy-mm-dd and d/m/yyyy; NA and blanks are unknown."""
    text = text.strip()
    if text in ("", "NA"):
        return ""
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if m:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if m:
        return date(int(m[3]), int(m[2]), int(m[1])).isoformat()
    raise ValueError("not a date: %r" % text)


def earliest(*dates):
    known = [d for d in dates if d]
    return min(known) if known else ""


def number_key(case_id):
    digits = re.sub(r"\D", "", case_id)
    return (int(digits) if digits else 0, case_id)


def write(folder, name, header, rows):
    os.makedirs(os.path.join(HERE, folder), exist_ok=True)
    with open(os.path.join(HERE, folder, name), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def singapore(src):
    """Tindale et al. 2020, Singapore: 93 cases; 'Related cases' and 'Cluster links' as related links."""
    path = os.path.join(src, "tindale2020_singapore_tianjin", "COVID-19_Singapore_data_revised.csv")
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    cases, pairs = [], {}
    for r in rows:
        cid = r["CaseID"].strip()
        cases.append([cid, "confirmed", iso(r["date_onset_symptoms"]), iso(r["date_confirmation"]),
                      earliest(iso(r["date_quarantine"]), iso(r["date_hospital"])), ""])
        for column in ("Related cases", "Cluster links"):
            for other in re.split(r"[,\s]+", r[column]):
                if other in ("", "NA") or other == cid:  # case 71 lists itself
                    continue
                key = tuple(sorted((cid, other), key=number_key))
                pairs.setdefault(key, set()).add(column)
    cases.sort(key=lambda c: number_key(c[0]))
    links = [[a, b, "", "related", "; ".join(sorted(cols))] for (a, b), cols in sorted(
        pairs.items(), key=lambda p: (number_key(p[0][0]), number_key(p[0][1])))]
    write("singapore", "cases.csv", CASES, cases)
    write("singapore", "links.csv", ["from", "to", "date", "kind", "note"], links)
    # The Ministry of Health's own cluster labels, to compare with the link-based clusters.
    write("singapore", "moh-clusters.csv", ["person_id", "moh_cluster"],
          sorted(([r["CaseID"].strip(), "" if r["cluster"] == "NA" else r["cluster"]] for r in rows),
                 key=lambda c: number_key(c[0])))
    return len(cases), len(links)


def tianjin(src):
    """Tindale et al. 2020, Tianjin: 135 cases; the cases named in 'Infection_source' as reported infectors."""
    path = os.path.join(src, "tindale2020_singapore_tianjin", "Tianjin135cases_revised.csv")
    with open(path, encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    cases, links = [], []
    for r in rows:
        cid = r["case_id"].strip()
        confirmed = iso(r["confirm_date"])
        cases.append([cid, "confirmed", iso(r["symptom_onset"]), confirmed, confirmed, ""])
        text = r["Infection_source"]
        named = re.findall(r"\bTJ\s*(\d+)", text) + re.findall(r"\bcases?\s+(\d+)\b", text)
        seen = []
        for n in named:
            source = "TJ" + n
            if source != cid and source not in seen:
                seen.append(source)
        for source in seen:
            links.append([source, cid, "", "reported", " ".join(text.split())])
    cases.sort(key=lambda c: number_key(c[0]))
    links.sort(key=lambda l: (number_key(l[1]), number_key(l[0])))
    write("tianjin", "cases.csv", CASES, cases)
    write("tianjin", "links.csv", ["from", "to", "date", "kind", "note"], links)
    return len(cases), len(links)


def korea(src):
    """DS4C PatientInfo.csv: every patient with a date; 'infected_by' as the infector column."""
    path = os.path.join(src, "ds4c_korea", "PatientInfo.csv")
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    cases, persons, dropped, self_links = [], [], [], []
    for r in rows:
        pid = r["patient_id"].strip()
        onset, confirmed = iso(r["symptom_onset_date"]), iso(r["confirmed_date"])
        if not onset and not confirmed:
            dropped.append(pid)
            continue
        infector = r["infected_by"].strip()
        if infector == pid:
            self_links.append(pid)
            infector = ""
        cases.append([pid, "confirmed", onset, confirmed, confirmed, infector])
        persons.append([pid, "", "", r["province"].strip(), r["city"].strip(), "", "", ""])
    cases.sort()
    persons.sort()
    write("korea", "cases.csv", CASES, cases)
    write("korea", "persons.csv", ["person_id", "name", "phone", "city", "district", "town", "village",
                                   "household_id"], persons)
    return len(cases), dropped, self_links


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "shared", "data", "real")
    print("singapore: %d cases, %d related links" % singapore(src))
    print("tianjin: %d cases, %d reported links" % tianjin(src))
    n, dropped, self_links = korea(src)
    print("korea: %d cases; left out without any date: %s; self-infection cleared: %s"
          % (n, " ".join(dropped), " ".join(self_links)))


if __name__ == "__main__":
    main()
