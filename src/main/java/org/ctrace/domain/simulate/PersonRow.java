package org.ctrace.domain.simulate;

import org.ctrace.domain.Area;

/**
 * A row of the simulated persons.csv. Persons and households are numbered from 0; a file
 * names them from 1.
 *
 * @param person the person's number
 * @param household the household's number; housemates share it and their area
 * @param area city, district, town and village
 * @param name given and family name in the simulation's language
 * @param phone eleven digits, some with a {@code +86 } prefix
 */
public record PersonRow(int person, int household, Area area, String name, String phone) {
}
