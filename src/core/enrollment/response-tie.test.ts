import { addressAfterTie, addressTitle, parseResponseTie, responseTieText, type ResponseTie } from './response-tie';

const TIE: ResponseTie = { watermark: 1000, tab: 'Risposte del modulo 1', row: 7, emailTitle: 'Indirizzo email' };
const cells = { 'Informazioni cronologiche': '02/12/2026 21:40:00', 'Indirizzo email': ' anna@comune.it ' };

describe('the tie to the last proven response', () => {
  test('reads back what it wrote, and nothing from a value that is not a tie', () => {
    expect(parseResponseTie(responseTieText(TIE))).toEqual(TIE);
    for (const text of [null, '', '{"row":', '[]', '{"watermark":1,"tab":"","row":3,"emailTitle":"x"}'])
      expect(parseResponseTie(text)).toBeNull();
    expect(parseResponseTie(JSON.stringify({ ...TIE, row: 1 }))).toBeNull();
    expect(parseResponseTie(JSON.stringify({ ...TIE, row: 7.5 }))).toBeNull();
  });

  test('an event on the next row of the same tab, after the same watermark, gives its address from the event', () => {
    expect(addressAfterTie(TIE, 1000, { tab: TIE.tab, row: 8, cells })).toBe('anna@comune.it');
  });

  test('any other watermark, tab or row, or a missing or empty address column, is no tie', () => {
    expect(addressAfterTie(null, 1000, { tab: TIE.tab, row: 8, cells })).toBeNull();
    expect(addressAfterTie(TIE, 1001, { tab: TIE.tab, row: 8, cells })).toBeNull();
    expect(addressAfterTie(TIE, 1000, { tab: 'Risposte del modulo 2', row: 8, cells })).toBeNull();
    for (const row of [6, 7, 9]) expect(addressAfterTie(TIE, 1000, { tab: TIE.tab, row, cells })).toBeNull();
    expect(addressAfterTie(TIE, 1000, { tab: TIE.tab, row: 8, cells: { 'Email Address': 'a@b.it' } })).toBeNull();
    expect(addressAfterTie(TIE, 1000, { tab: TIE.tab, row: 8, cells: { 'Indirizzo email': ' ' } })).toBeNull();
  });

  test('the address column is the one title holding the sender’s address, whatever its case', () => {
    expect(addressTitle(cells, 'ANNA@comune.it')).toBe('Indirizzo email');
    expect(addressTitle(cells, 'luca@comune.it')).toBeNull();
    expect(addressTitle({ ...cells, 'Email di contatto': 'anna@comune.it' }, 'anna@comune.it')).toBeNull();
    expect(addressTitle(cells, '')).toBeNull();
  });
});
