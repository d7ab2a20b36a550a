import { zonedToUtc } from '../../../core/time/zone';
import { AUTOMATIC_FORMAT, formatCell, IT_IT, type NumberLocale } from './number-format';

const EN_US: NumberLocale = { ...IT_IT, decimal: '.', grouping: ',', booleans: ['TRUE', 'FALSE'] };

function local(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(zonedToUtc({ year, month, day, hour, minute, second: 0 }));
}

// catalogue: SHEETS-DISPLAY-LOCALE
describe('a value under a number format, as an it_IT spreadsheet shows it', () => {
  test('percentages are multiplied by 100 and rounded to the pattern: the fill rate 1.0667 reads 107%', () => {
    expect(formatCell(1.0667, '0%')).toBe('107%');
    expect(formatCell(0.0625, '0%')).toBe('6%');
    expect(formatCell(0.0625, '0.0%')).toBe('6,3%');
  });

  test('euro amounts group thousands with a dot and keep two decimals, the symbol quoted or bare', () => {
    expect(formatCell(1234.5, '#,##0.00 "€"')).toBe('1.234,50 €');
    expect(formatCell(1234567.891, '#,##0.00 €')).toBe('1.234.567,89 €');
    expect(formatCell(0, '#,##0.00 "€"')).toBe('0,00 €');
    expect(formatCell(-42.5, '#,##0.00 "€"')).toBe('-42,50 €');
  });

  test('decimals round half away from zero and optional digits drop trailing zeros', () => {
    expect(formatCell(2.5, '0')).toBe('3');
    expect(formatCell(-2.5, '0')).toBe('-3');
    expect(formatCell(1.005, '0.00')).toBe('1,01');
    expect(formatCell(7.5, '0.0')).toBe('7,5');
    expect(formatCell(7.5, '0.##')).toBe('7,5');
    expect(formatCell(7, '0.##')).toBe('7');
    expect(formatCell(-0.001, '0.0')).toBe('0,0');
    expect(formatCell(1e-7, '0.00')).toBe('0,00');
  });

  test('a negative section shows the value without its sign', () => {
    expect(formatCell(-3, '0;(0)')).toBe('(3)');
    expect(formatCell(0, '0;(0);"zero"')).toBe('zero');
  });

  test('an unformatted number shows as typed with the decimal comma, up to 15 significant digits', () => {
    expect(formatCell(1.0667)).toBe('1,0667');
    expect(formatCell(0.1 + 0.2, AUTOMATIC_FORMAT)).toBe('0,3');
    expect(formatCell(1500, 'General')).toBe('1500');
  });

  test('dates and times read dd/MM/yyyy and HH.mm.ss by default, or by their pattern', () => {
    expect(formatCell(local(2027, 3, 2))).toBe('02/03/2027');
    expect(formatCell(local(2027, 3, 2, 9, 30))).toBe('02/03/2027 09.30.00');
    expect(formatCell(local(1899, 12, 30, 14, 5))).toBe('14.05.00');
    expect(formatCell(local(1899, 12, 30, 14, 5), 'HH:mm')).toBe('14:05');
    expect(formatCell(local(2027, 3, 2), 'd mmmm yyyy')).toBe('2 marzo 2027');
  });

  test('a serial number under a date pattern is a day counted from 30 December 1899', () => {
    expect(formatCell(46447, 'dd/MM/yyyy')).toBe('01/03/2027');
    expect(formatCell(0.5, 'HH:mm')).toBe('12:00');
  });

  test('booleans, text and empty cells', () => {
    expect(formatCell(true)).toBe('VERO');
    expect(formatCell(false)).toBe('FALSO');
    expect(formatCell('Iscrizioni aperte', '0%')).toBe('Iscrizioni aperte');
    expect(formatCell(null, '0%')).toBe('');
    expect(formatCell(12.5, '@')).toBe('12,5');
  });

  test('another locale changes the characters shown, not the pattern', () => {
    expect(formatCell(1234.5, '#,##0.00 "€"', EN_US)).toBe('1,234.50 €');
    expect(formatCell(true, undefined, EN_US)).toBe('TRUE');
  });
});
