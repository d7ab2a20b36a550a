import { CREMASCO_COMUNI } from './comuni-cremasco';
import { annualFee, demoRegistry, domainLabel } from './academy';

describe('the demo academy', () => {
  const registry = demoRegistry();

  it('serves the 50 comuni of the Cremasco with their real ISTAT codes in the province of Cremona', () => {
    expect(registry.Comuni).toHaveLength(50);
    for (const c of registry.Comuni ?? []) {
      expect(c['Codice ISTAT']).toMatch(/^019\d{3}$/);
      expect(c.Provincia).toBe('CR');
    }
    expect(registry.Comuni?.find((c) => c.Comune === 'Crema')?.['Codice ISTAT']).toBe('019035');
    expect(registry.Comuni?.find((c) => c.Comune === 'Pandino')?.['Codice ISTAT']).toBe('019067');
  });

  it('charges a base fee plus a per-inhabitant part, and leaves a few fees unpaid', () => {
    expect(annualFee(33091)).toBe(3050);
    const unpaid = (registry.Comuni ?? []).filter((c) => c['Quota pagata'] === false);
    expect(unpaid.length).toBeGreaterThanOrEqual(2);
    expect(unpaid.length).toBeLessThanOrEqual(6);
  });

  it('has about 1,000 employees, proportional to population, with unique e-mails on their comune domain', () => {
    const employees = registry.Dipendenti ?? [];
    expect(employees.length).toBeGreaterThan(950);
    expect(employees.length).toBeLessThan(1100);
    const emails = employees.map((e) => String(e.Email));
    expect(new Set(emails).size).toBe(emails.length);
    for (const e of employees) {
      expect(String(e.Email)).toBe(String(e.Email).toLowerCase());
      expect(String(e.Email)).toMatch(new RegExp(`@comune\\.${domainLabel(String(e.Comune))}\\.cr\\.it$`));
    }
    const crema = employees.filter((e) => e.Comune === 'Crema').length;
    const ticengo = employees.filter((e) => e.Comune === 'Ticengo').length;
    expect(crema).toBeGreaterThan(10 * ticengo);
  });

  it('mixes roles: one secretary per comune, managers, employees', () => {
    const employees = registry.Dipendenti ?? [];
    const roles = new Map<string, number>();
    for (const e of employees) roles.set(String(e.Ruolo), (roles.get(String(e.Ruolo)) ?? 0) + 1);
    expect(roles.get('Segretario comunale')).toBe(CREMASCO_COMUNI.length);
    expect(roles.get('Responsabile di servizio')).toBeGreaterThan(100);
    expect(roles.get('Dipendente')).toBeGreaterThan(600);
  });

  it('offers every course family, about 60 courses and 200 sessions whose hours add up to the course hours', () => {
    const courses = registry.Corsi ?? [];
    const sessions = registry.Sessioni ?? [];
    expect(courses.length).toBeGreaterThanOrEqual(45);
    expect(courses.length).toBeLessThanOrEqual(70);
    expect(sessions.length).toBeGreaterThanOrEqual(180);
    for (const family of [
      'WRD',
      'EXC',
      'GWS',
      'TEL',
      'COM-TEC',
      'LEAD-COLL',
      'LEAD-REM',
      'SUAP',
      'SUE',
      'SPOL',
      'PAGOPA',
      'APPIO',
      'GDPR',
      'CYBER',
      'DOCDIG',
    ]) {
      expect(courses.some((c) => String(c.Codice).startsWith(family))).toBe(true);
    }
    const minutes = (t: unknown): number => {
      const [h, m] = String(t).split(':').map(Number);
      return (h ?? 0) * 60 + (m ?? 0);
    };
    for (const course of courses) {
      const own = sessions.filter((s) => s.Corso === course.Codice);
      expect(own.length).toBeGreaterThan(0);
      const hours = own.reduce((sum, s) => sum + (minutes(s.Fine) - minutes(s.Inizio)) / 60, 0);
      expect(hours).toBeCloseTo(Number(course.Ore));
      for (const s of own) expect(String(s.Data)).toMatch(/^2027-\d{2}-\d{2}$/);
    }
  });

  it('is deterministic and scales its employees for the benchmark', () => {
    expect(demoRegistry()).toEqual(registry);
    const big = demoRegistry({ employees: 10000 });
    expect((big.Dipendenti ?? []).length).toBeGreaterThan(9500);
    expect(new Set((big.Dipendenti ?? []).map((e) => e.Email)).size).toBe((big.Dipendenti ?? []).length);
  });
});
