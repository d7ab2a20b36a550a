import { parseViewer, readsMail, viewerCookie } from './viewer';

const OWNER = 'formazione@consorzio.example.it';

describe('whose eyes the playground looks through', () => {
  test('staff by default, and for anything the cookie cannot prove', () => {
    expect(parseViewer(null, OWNER)).toEqual({ kind: 'staff', email: OWNER });
    expect(parseViewer('employee:not-an-email', OWNER)).toEqual({ kind: 'staff', email: OWNER });
    expect(parseViewer('root:x@y.it', OWNER)).toEqual({ kind: 'staff', email: OWNER });
  });

  test('an employee or a referent by their e-mail, lower-cased; the cookie round-trips', () => {
    const viewer = parseViewer('employee: Anna.Bassi@Comune.Crema.cr.it', OWNER);
    expect(viewer).toEqual({ kind: 'employee', email: 'anna.bassi@comune.crema.cr.it' });
    const cookie = decodeURIComponent(viewerCookie(viewer).split(';')[0]?.split('=')[1] ?? '');
    expect(parseViewer(cookie, OWNER)).toEqual(viewer);
  });

  test('staff read every mail; others only what was sent or copied to them', () => {
    const anna = { kind: 'employee', email: 'anna@comune.crema.cr.it' } as const;
    expect(readsMail({ kind: 'staff', email: OWNER }, 'x@y.it', '')).toBe(true);
    expect(readsMail(anna, 'Anna@comune.crema.cr.it', '')).toBe(true);
    expect(readsMail(anna, 'x@y.it', 'z@y.it, anna@comune.crema.cr.it')).toBe(true);
    expect(readsMail(anna, 'annalisa@comune.crema.cr.it', '')).toBe(false);
  });
});
