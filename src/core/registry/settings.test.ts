import { decodeSettings, defaultSettingRows } from './settings';

describe('settings', () => {
  test('defaults for every documented key', () => {
    const rows = defaultSettingRows(2027);
    expect(rows).toHaveLength(15);
    expect(rows.slice(0, 4)).toEqual([
      { key: 'Anno formativo', value: '2027' },
      { key: 'Ore obiettivo annue', value: '40' },
      { key: 'Soglia frequenza % predefinita', value: '75' },
      { key: 'Richiedi quota pagata', value: 'No' },
    ]);
  });

  test('values typed as Sì/No/TRUE, numbers as text, keys ignoring case and accents', () => {
    const { settings, problems } = decodeSettings(
      [
        { row: 2, key: 'anno formativo', value: '2028' },
        { row: 3, key: 'Richiedi quota pagata', value: 'Sì' },
        { row: 4, key: 'APPROVAZIONE REFERENTE', value: true },
        { row: 5, key: 'Staff autorizzati', value: 'Anna@X.it, luca@x.it' },
        { row: 6, key: 'Soglia frequenza % predefinita', value: '80,5' },
        { row: 7, key: 'Posti massimi per comune', value: '' },
        { row: 8, key: 'Colore preferito', value: 'blu' },
      ],
      2027,
    );
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      year: 2028,
      requireFeePaid: true,
      referentApproval: true,
      staff: ['anna@x.it', 'luca@x.it'],
      defaultThreshold: 80.5,
      maxSeatsPerComune: null,
      targetHours: 40,
      reminderDaysBefore: 2,
    });
    expect(settings.extra['Colore preferito']).toBe('blu');
  });

  test('an unreadable value falls back to its default and is reported', () => {
    const { settings, problems } = decodeSettings([{ row: 3, key: 'Ore obiettivo annue', value: 'quaranta' }], 2027);
    expect(settings.targetHours).toBe(40);
    expect(problems).toEqual([
      {
        tab: 'Impostazioni',
        row: 3,
        column: 'Valore',
        message: 'Ore obiettivo annue: «quaranta» non è un numero valido tra 0 e 1000: uso il valore predefinito',
      },
    ]);
  });
});
