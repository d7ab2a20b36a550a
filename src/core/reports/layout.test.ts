import { REPORT_HEADERS } from '../registry/tabs';
import { computeReports, type ReportInput } from './compute';
import { FORMAT, reportTabs } from './layout';
import { comuneSummaries, periodLabel, summaryDedupeKey } from './summary';

function input(): ReportInput {
  return {
    year: 2027,
    targetHours: 40,
    now: '2027-04-01 12:00',
    comuni: [
      { istat: '019067', name: 'Pandino', referentEmail: 'Ref@Comune.Pandino.cr.it', annualFee: 900, feePaid: true },
      { istat: '019035', name: 'Crema', referentEmail: '', annualFee: 1500, feePaid: false },
    ],
    employees: [
      { id: 'D00001', firstName: 'Sara', lastName: 'Galli', email: 'sara@p.it', comune: 'Pandino', active: true },
      {
        id: 'D00002',
        firstName: '<b>Paolo</b>',
        lastName: 'Conti & C.',
        email: 'paolo@p.it',
        comune: 'Pandino',
        active: true,
      },
      { id: 'D00003', firstName: 'Anna', lastName: 'Bassi', email: 'anna@c.it', comune: 'Crema', active: true },
      { id: 'D00004', firstName: 'Ugo', lastName: 'Alti', email: 'ugo@p.it', comune: 'Pandino', active: true },
    ],
    courses: [{ code: 'GDPR', title: 'GDPR', hours: 4, seats: 0, cost: 400, status: 'Concluso' }],
    sessions: [
      { id: 'GDPR-S1', course: 'GDPR', date: '2027-03-10', start: '14:00', end: '18:00', status: 'Programmata' },
    ],
    enrollments: [],
    attendance: [{ session: 'GDPR-S1', employeeId: 'D00001', present: true, hours: null }],
    certificates: [],
    externalTraining: [{ email: 'ugo@p.it', hours: 40, date: '2027-01-10' }],
  };
}

describe('report tabs', () => {
  it('writes the documented headers and numbers as numbers, an empty cell where a figure does not apply', () => {
    const [employees, comuni, courses, balance] = reportTabs(computeReports(input()));
    expect(employees?.header).toEqual(REPORT_HEADERS.reportDipendenti);
    expect(employees?.rows[0]).toEqual(['D00001', 'Sara', 'Galli', 'Pandino', 4, 40, 36, 1, false]);
    expect(comuni?.rows[0]).toEqual(['Pandino', 3, 2, 44, 14.67, 0.3333, 900, true, 400]);
    // No seats, nobody confirmed: fill and attendance rates are empty, not zero.
    expect(courses?.rows[0]).toEqual(['GDPR', 'GDPR', 0, 0, 0, '', '', 0, 0, '', 400, 100]);
    expect(balance?.rows).toEqual([
      ['Quote dovute', 2400],
      ['Quote incassate', 900],
      ['Costi corsi', 400],
      ['Saldo', 500],
      ['Costo per ora-partecipante', 100],
    ]);
  });

  it('formats euros, percentages and hours by column block, and charts comuni, fill rates and the budget', () => {
    const [employees, comuni, courses, balance] = reportTabs(computeReports(input()));
    expect(employees?.formats).toContainEqual({ column: 5, columns: 3, format: FORMAT.hours });
    expect(comuni?.formats).toEqual(
      expect.arrayContaining([
        { column: 6, columns: 1, format: '0%' },
        { column: 9, columns: 1, format: '#,##0.00 "€"' },
      ]),
    );
    expect(employees?.chart).toBeNull();
    expect(comuni?.chart).toMatchObject({ kind: 'COLUMN', columns: [1, 5], rows: 2 });
    expect(comuni?.chart?.title).toContain('40 ore');
    expect(courses?.chart).toMatchObject({ kind: 'BAR', columns: [1, 6], rows: 1 });
    expect(balance?.chart).toMatchObject({ kind: 'COLUMN', columns: [1, 2], rows: 4 });
  });
});

describe('comune summaries', () => {
  it('writes one mail per comune with a referent, listing who is short with hours and missing hours, HTML-escaped', () => {
    const mails = comuneSummaries(computeReports(input()), '2027-04');
    expect(mails.map((m) => [m.to, m.dedupeKey, m.comune])).toEqual([
      ['ref@comune.pandino.cr.it', 'summary:019067:2027-04', '019067'],
    ]);
    const mail = mails[0];
    expect(mail?.subject).toBe('Formazione 2027: riepilogo del Comune di Pandino (aprile 2027)');
    expect(mail?.body).toContain("Hanno raggiunto l'obiettivo: 1 su 3 (33%)");
    expect(mail?.body).toContain('- Conti & C. <b>Paolo</b>: 0 ore svolte, ne mancano 40');
    expect(mail?.body).toContain('- Galli Sara: 4 ore svolte, ne mancano 36');
    expect(mail?.body).not.toContain('Alti Ugo');
    expect(mail?.htmlBody).toContain('Conti &amp; C. &lt;b&gt;Paolo&lt;/b&gt;');
    expect(mail?.htmlBody).not.toContain('<b>Paolo');
  });

  it('congratulates a comune where everyone reached the target', () => {
    const data = input();
    data.externalTraining = ['sara@p.it', 'paolo@p.it', 'ugo@p.it'].map((email) => ({
      email,
      hours: 40,
      date: '2027-02-02',
    }));
    const mail = comuneSummaries(computeReports(data), '2027-04')[0];
    expect(mail?.body).toContain("Tutti i dipendenti hanno raggiunto l'obiettivo annuo");
  });

  it('names the period and keys a comune without ISTAT code by its name', () => {
    expect(periodLabel('2027-12')).toBe('dicembre 2027');
    expect(summaryDedupeKey({ istat: '', name: 'San Bassano' }, '2027-12')).toBe('summary:san bassano:2027-12');
  });
});
