/**
 * A person's closed years as the course view shows them beside a request: the hours each archive
 * recorded for the employee at its year change (newest year first). A year whose archive does not name
 * the person (not yet employed, or a request not linked to an employee) is not shown.
 */
export interface ArchivedYearHours {
  year: number;
  hoursByEmployee: ReadonlyMap<string, number>;
}

export interface PastYear {
  year: number;
  hours: number;
}

export function pastYearsOf(employeeId: string, archived: readonly ArchivedYearHours[]): PastYear[] {
  const id = employeeId.trim();
  if (id === '') return [];
  return archived
    .flatMap(({ year, hoursByEmployee }) => {
      const hours = hoursByEmployee.get(id);
      return hours === undefined ? [] : [{ year, hours }];
    })
    .sort((a, b) => b.year - a.year);
}

/** "2027: 12 ore · 2026: 8 ore", as the course view writes it ('' without past years). */
export function pastYearsText(years: readonly PastYear[]): string {
  return years
    .map(
      ({ year, hours }) =>
        `${year}: ${String(Math.round(hours * 10) / 10).replace('.', ',')} ${hours === 1 ? 'ora' : 'ore'}`,
    )
    .join(' · ');
}
