import { comunePageCsv, type ComunePage } from './comune-page';

describe('comunePageCsv', () => {
  it('neutralises text Excel would run as a formula and quotes separators, with decimal commas', () => {
    const page: ComunePage = {
      comune: 'Crema',
      year: 2027,
      target: 40,
      atTarget: 0,
      totalHours: 2.5,
      employees: [
        {
          firstName: '=HYPERLINK("http://x")',
          lastName: 'Rossi; De Luca',
          email: 'a@b.it',
          hours: 2.5,
          target: 40,
          missing: 37.5,
          reached: false,
          attended: ['GDPR', '+Excel'],
          booked: [],
          certificates: [],
        },
      ],
    };
    const [, line] = comunePageCsv(page).split('\r\n');
    expect(line).toBe(`"Rossi; De Luca";"'=HYPERLINK(""http://x"")";a@b.it;2,5;40;37,5;no;GDPR, +Excel;;`);
  });
});
