import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runScenario } from '../../../src/local/scenario/runner';
import { parseScenario } from '../../../src/local/scenario/schema';

describe('waitlist-and-calendar scenario', () => {
  it('ends with two Meet events across the DST change whose attendees are Luca and Giulia', async () => {
    const file = resolve(__dirname, '../../fixtures/scenarios/waitlist-and-calendar.json');
    const snapshot = await runScenario(parseScenario(readFileSync(file, 'utf8')));
    const syncs = snapshot.results.filter((_, i) => i === 6 || i === 8);
    expect(syncs.every((r) => r.ok)).toBe(true);
    const events = snapshot.calendar.filter((e) => e.sessionId !== '');
    expect(events.map((e) => [e.sessionId, e.start, e.status])).toEqual([
      ['EXC-BASE-S1', '2027-03-02T09:00:00+01:00', 'confirmed'],
      ['EXC-BASE-S2', '2027-03-30T09:00:00+02:00', 'confirmed'],
    ]);
    for (const e of events) {
      expect(e.meet).toMatch(/^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
      expect([...e.attendees].sort()).toEqual([
        'giulia.riva@comune.offanengo.cr.it',
        'luca.ferrari@comune.crema.cr.it',
      ]);
    }
    const sessions = snapshot.sheets.Sessioni?.rows ?? [];
    expect(sessions.map((r) => [r['ID evento'], r['Link Meet']])).toEqual(events.map((e) => [e.id, e.meet]));
  });
});
