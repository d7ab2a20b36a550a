import { Workspace } from '../../runtime/workspace';
import { scriptGlobals } from '.';

/* eslint-disable @typescript-eslint/no-explicit-any -- the emulated services are untyped script globals */

function utilities(): any {
  return scriptGlobals(Workspace.create({ startMs: Date.parse('2027-02-01T09:00:00+01:00') })).Utilities;
}

describe('Utilities.parseDate', () => {
  // catalogue: UTIL-PARSE-DATE
  test('reads Italian-style dates in the given zone, across the DST change', () => {
    const U = utilities();
    expect(U.parseDate('02/03/2027 09:30', 'Europe/Rome', 'dd/MM/yyyy HH:mm').toISOString()).toBe(
      '2027-03-02T08:30:00.000Z',
    );
    expect(U.parseDate('2027-03-29 09:30', 'Europe/Rome', 'yyyy-MM-dd HH:mm').toISOString()).toBe(
      '2027-03-29T07:30:00.000Z',
    );
  });

  // catalogue: UTIL-PARSE-DATE
  test('month names, a 12-hour clock, milliseconds and an offset in the text', () => {
    const U = utilities();
    expect(U.parseDate('Mar 2, 2027 3:05 PM', 'GMT', 'MMM d, yyyy h:mm a').toISOString()).toBe(
      '2027-03-02T15:05:00.000Z',
    );
    expect(U.parseDate('2027-03-02T09:00:00.250+0100', 'GMT', "yyyy-MM-dd'T'HH:mm:ss.SSSZ").toISOString()).toBe(
      '2027-03-02T08:00:00.250Z',
    );
    expect(U.parseDate('20270302', 'UTC', 'yyyyMMdd').toISOString()).toBe('2027-03-02T00:00:00.000Z');
  });

  // catalogue: UTIL-PARSE-DATE, SCRIPT-SIGNATURE-MISMATCH
  test('text that does not fit is refused; a Date where text is due is a signature mismatch', () => {
    const U = utilities();
    expect(() => U.parseDate('2 marzo 2027', 'Europe/Rome', 'dd/MM/yyyy')).toThrow('Unparseable date: "2 marzo 2027"');
    expect(() => U.parseDate('13/13/2027', 'Europe/Rome', 'dd/MM/yyyy')).toThrow('Unparseable date');
    expect(() => U.parseDate(new Date(), 'Europe/Rome', 'dd/MM/yyyy')).toThrow(
      "The parameters (Date,String,String) don't match the method signature for Utilities.parseDate.",
    );
    expect(() => U.formatDate('2027-03-02', 'Europe/Rome', 'dd/MM/yyyy')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });
});
