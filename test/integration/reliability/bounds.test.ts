/**
 * The smaller findings of the security review: unbounded numbers summed into the reports, text over
 * Google's 50,000 characters a cell, and a `javascript:` URL typed into `Link Meet` reaching the sidebar.
 */
import { outbox } from '../../../src/local/services/mail';
import { academyWith, COMUNI, course, PEOPLE, publish, rows, SESSIONS, step } from './helpers';

jest.setTimeout(30_000);

const [anna] = PEOPLE.map((p) => p.Email) as [string];

interface Dashboard {
  problems: Array<{ tab: string; row: number; column: string; message: string }>;
  nextSessions: Array<{ id: string; meetLink: string }>;
}

describe('bounds', () => {
  test('a cost of 1e308 and hours of 1e300 are problems to fix, never summed into Bilancio', async () => {
    const academy = await academyWith({
      registry: {
        Comuni: COMUNI,
        Dipendenti: PEOPLE,
        Corsi: [course({ 'Costo (€)': 1e308 }), course({ Codice: 'WRD-BASE', Ore: 1e300, 'Costo (€)': 500 })],
        Sessioni: SESSIONS,
      },
    });
    const reports = academy.call('refreshReports');
    expect(reports.ok).toBe(true);
    const bilancio = rows(academy, 'Bilancio');
    expect(bilancio.find((r) => r.Voce === 'Costi corsi')?.['Importo (€)']).toBe(0);
    for (const r of bilancio) expect(Number.isFinite(Number(r['Importo (€)']) || 0)).toBe(true);
    const dash = academy.call('getDashboard').value as Dashboard;
    expect(dash.problems.filter((p) => p.tab === 'Corsi').map((p) => `${p.row} ${p.column}`)).toEqual([
      '2 Costo (€)',
      '3 Ore',
    ]);
  });

  test('a reason of 60,000 characters reaches Registro cut under 50,000, with an ellipsis', async () => {
    const academy = await academyWith();
    publish(academy);
    step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] });
    const run = academy.call('cancelEnrollment', ['I00001', 'x'.repeat(60_000)]);
    expect(run.ok).toBe(true);
    const line = rows(academy, 'Registro').find((r) => r.Azione === 'Iscrizione annullata');
    const details = String(line?.Dettagli);
    expect(details.length).toBeLessThanOrEqual(50_000);
    expect(details.endsWith('…')).toBe(true);
  });

  test('only https://meet.google.com links become links: a javascript: or data: URL reaches neither sidebar nor mail', async () => {
    const academy = await academyWith({
      registry: {
        Comuni: COMUNI,
        Dipendenti: PEOPLE,
        Corsi: [course()],
        Sessioni: [
          { ...SESSIONS[0], 'Link Meet': 'javascript:alert(document.domain)' },
          { ...SESSIONS[1], 'Link Meet': 'data:text/html,<script>alert(1)</script>' },
        ],
      },
    });
    publish(academy);
    step(academy, { do: 'submit', email: anna, courses: ['EXC-BASE'] });
    const dash = academy.call('getDashboard').value as Dashboard;
    expect(dash.nextSessions.map((s) => s.meetLink)).toEqual(['', '']);
    const view = academy.call('getCourseView', ['EXC-BASE']).value as { sessions: Array<{ meetLink: string }> };
    expect(view.sessions.map((s) => s.meetLink)).toEqual(['', '']);
    const mail = outbox(academy.ws);
    expect(mail).toHaveLength(1);
    expect(`${mail[0]?.body}${mail[0]?.htmlBody}`).not.toMatch(/javascript:|data:text/);
  });
});
