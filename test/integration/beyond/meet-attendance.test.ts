/**
 * Attendance from Meet: the conference records of an online or mixed session's space are read through
 * the Meet REST API, matched to the enrollees and written into `Presenze` (catalogue: REST-MEET-RECORDS,
 * REST-MEET-USER, REST-PEOPLE-ACCOUNT-EMAIL, REST-MEET-ANONYMOUS-REJOIN).
 */
import { LocalAcademy } from '../../../src/local/runtime/session';
import { prepareAcademy } from '../../../src/local/scenario/runner';
import { rows, step } from '../enrollment/helpers';

jest.setTimeout(50_000);

const PEOPLE = [
  ['D00001', 'Paola', 'Neri', 'paola.neri@consorzio.example.it'],
  ['D00002', 'Anna', 'Bassi', 'anna.bassi@comune.crema.cr.it'],
  ['D00003', 'Luca', 'Ferrari', 'luca.ferrari@comune.crema.cr.it'],
  ['D00004', 'Marco', 'Conti', 'marco.conti@comune.crema.cr.it'],
] as const;

interface Report {
  message: string;
  sessions: Array<{
    session: string;
    participants: number;
    written: Array<{ employeeId: string; present: boolean; hours: number | null }>;
    kept: Array<{ employeeId: string; hours: number | null; meetHours: number | null }>;
    toConfirm: Array<{ employeeId: string; displayName: string; hours: number }>;
    unmatched: Array<{ displayName: string; hours: number }>;
    absent: Array<{ employeeId: string; name: string }>;
  }>;
  skipped: Array<{ session: string; reason: string }>;
}

async function academy(start: string, mode = 'Online'): Promise<LocalAcademy> {
  const a = LocalAcademy.fresh({ start });
  prepareAcademy(a, {
    settings: { 'Anno formativo': 2027 },
    registry: {
      Comuni: [{ 'Codice ISTAT': '019035', Comune: 'Crema', Provincia: 'CR', 'Quota pagata': true }],
      Dipendenti: PEOPLE.map(([ID, Nome, Cognome, Email]) => ({
        ID,
        Nome,
        Cognome,
        Email,
        Comune: 'Crema',
        Ruolo: 'Dipendente',
        Attivo: true,
      })),
      Corsi: [
        {
          Codice: 'WEB-PA',
          Titolo: 'Siti web della PA',
          Ore: 3,
          Modalità: mode,
          Posti: 20,
          Stato: 'Iscrizioni chiuse',
        },
      ],
      Sessioni: [
        {
          Corso: 'WEB-PA',
          Data: '2027-03-10',
          Inizio: '09:00',
          Fine: '12:00',
          'Link Meet': 'https://meet.google.com/abc-defg-hij',
          Stato: 'Programmata',
        },
      ],
      Iscrizioni: PEOPLE.map(([id, , , email]) => ({
        'Data richiesta': '2027-02-20T10:00:00+01:00',
        Corso: 'WEB-PA',
        Email: email,
        Dipendente: id,
        Stato: 'Confermata',
        Origine: 'Manuale',
      })),
    },
  });
  return a;
}

/** Paola (signed in, the academy's domain) leaves and rejoins; Anna and Marco join as guests; a stranger. */
const CALL = {
  do: 'meet' as const,
  session: 'WEB-PA-S1',
  participants: [
    { email: 'paola.neri@consorzio.example.it', name: 'Paola Neri', from: '08:50', to: '10:00' },
    { email: 'paola.neri@consorzio.example.it', name: 'Paola Neri', from: '10:10', to: '12:05' },
    { name: 'anna bassi', from: '09:00', to: '09:20' },
    { name: 'anna bassi', from: '09:15', to: '09:40' },
    { name: 'Marco Conti', from: '09:00', to: '09:10' },
    { email: 'ospite@gmail.com', name: 'Ospite Esterno', from: '09:00', to: '11:00' },
  ],
};

/** The register's marks by employee ID (the tab itself is ordered by surname). */
function register(a: LocalAcademy): Array<[unknown, unknown, unknown]> {
  return rows(a, 'Presenze')
    .map((r): [unknown, unknown, unknown] => [r.Dipendente, r.Presente, r.Ore])
    .sort((x, y) => String(x[0]).localeCompare(String(y[0])));
}

function importMeet(a: LocalAcademy, ...args: unknown[]): Report {
  const run = step(a, { do: 'call', fn: 'importMeetAttendance', args });
  if (!run.ok) throw new Error(run.error);
  return run.value as Report;
}

describe('attendance from Meet', () => {
  test('rejoins count once, inside the scheduled time, rounded down to the quarter hour; names wait for staff', async () => {
    const a = await academy('2027-03-10T15:00:00+01:00');
    expect(step(a, CALL).ok).toBe(true);
    const report = importMeet(a, 'WEB-PA');
    const s = report.sessions[0]!;
    // Paola: 09:00-10:00 and 10:10-12:00 (her minutes before the start and after the end do not count) = 170 minutes.
    expect(s.written).toEqual([expect.objectContaining({ employeeId: 'D00001', present: true, hours: 2.75 })]);
    // Anna's two overlapping joins are 40 minutes: half an hour; Marco's 10 minutes are under a quarter.
    expect(s.toConfirm.map((c) => [c.employeeId, c.displayName, c.hours])).toEqual([
      ['D00002', 'anna bassi', 0.5],
      ['D00004', 'Marco Conti', 0],
    ]);
    expect(s.unmatched.map((u) => [u.displayName, u.hours])).toEqual([['Ospite Esterno', 2]]);
    expect(s.absent.map((p) => p.name)).toEqual(['Luca Ferrari']);
    expect(register(a)).toEqual([
      ['D00001', true, 2.75],
      ['D00002', false, ''],
      ['D00003', false, ''],
      ['D00004', false, ''],
    ]);
    expect(report.message).toBe(
      'Presenze da Meet: 1 sessioni lette, 1 righe aggiornate. 2 nomi da confermare. 1 partecipanti non riconosciuti.',
    );
  });

  test('a name staff confirm counts from then on; a second run changes nothing; a cell staff changed is kept', async () => {
    const a = await academy('2027-03-10T15:00:00+01:00');
    step(a, CALL);
    importMeet(a, 'WEB-PA');
    const confirmed = importMeet(a, 'WEB-PA', { confirm: [{ name: 'anna bassi', employeeId: 'D00002' }] });
    expect(confirmed.sessions[0]?.written.map((w) => [w.employeeId, w.hours])).toEqual([['D00002', 0.5]]);
    const again = importMeet(a, 'WEB-PA');
    expect(again.sessions[0]?.written).toEqual([]);
    expect(again.sessions[0]?.toConfirm.map((c) => c.employeeId)).toEqual(['D00004']);
    expect(register(a)).toEqual([
      ['D00001', true, 2.75],
      ['D00002', true, 0.5],
      ['D00003', false, ''],
      ['D00004', false, ''],
    ]);
    expect(step(a, { do: 'edit', tab: 'Presenze', where: { Dipendente: 'D00001' }, set: { Ore: 3 } }).ok).toBe(true);
    const kept = importMeet(a, 'WEB-PA');
    expect(kept.sessions[0]?.kept).toEqual([
      expect.objectContaining({ employeeId: 'D00001', hours: 3, meetHours: 2.75 }),
    ]);
    expect(register(a)[0]).toEqual(['D00001', true, 3]);
  });

  test('a mixed session keeps the ticks of the people in the room and adds the Meet hours', async () => {
    const a = await academy('2027-03-10T15:00:00+01:00', 'Mista');
    step(a, { do: 'call', fn: 'prepareAttendance', args: ['WEB-PA'] });
    expect(step(a, { do: 'edit', tab: 'Presenze', where: { Dipendente: 'D00003' }, set: { Presente: true } }).ok).toBe(
      true,
    );
    step(a, CALL);
    const s = importMeet(a, 'WEB-PA').sessions[0]!;
    expect(s.absent).toEqual([]);
    expect(s.kept.map((k) => k.employeeId)).toEqual(['D00003']);
    expect(register(a)).toEqual([
      ['D00001', true, 2.75],
      ['D00002', false, ''],
      ['D00003', true, 3],
      ['D00004', false, ''],
    ]);
  });

  test('the daily run imports the sessions that ended, once', async () => {
    const a = await academy('2027-03-10T13:00:00+01:00');
    step(a, CALL);
    step(a, { do: 'advance', minutes: 19 * 60 }); // the daily run of 11 March at 07:00
    expect(register(a)[0]).toEqual(['D00001', true, 2.75]);
    const log = () => rows(a, 'Registro').filter((r) => r.Azione === 'Presenze importate da Meet');
    expect(log()).toHaveLength(1);
    step(a, { do: 'advance', minutes: 24 * 60 });
    expect(log()).toHaveLength(1);
  });

  test('the preview reads the call and decides as the import would, and writes nothing', async () => {
    const a = await academy('2027-03-10T15:00:00+01:00');
    step(a, CALL);
    const run = step(a, { do: 'call', fn: 'previewMeetAttendance', args: ['WEB-PA'] });
    if (!run.ok) throw new Error(run.error);
    const preview = run.value as Report;
    expect(rows(a, 'Presenze')).toEqual([]);
    expect(rows(a, 'Registro').filter((r) => String(r.Azione).includes('Meet'))).toEqual([]);
    expect(preview.message).toBe(
      'Anteprima presenze da Meet: 1 sessioni lette, 1 righe da compilare. 2 nomi da confermare. 1 partecipanti non riconosciuti.',
    );
    const imported = importMeet(a, 'WEB-PA');
    expect(preview.sessions).toEqual(imported.sessions);
    const all = step(a, { do: 'call', fn: 'previewMeetAttendance', args: [] });
    expect((all.value as Report).sessions.map((s) => s.written)).toEqual([[]]);
  });

  test('a daily run with no online session ended since its last read of Meet reads no tab and calls no API for it', async () => {
    const reads = (a: LocalAcademy, fn: () => void): { sheets: number; apis: number } => {
      const before = { ...a.ws.methodCounts };
      fn();
      const delta = (k: string): number => (a.ws.methodCounts[k] ?? 0) - (before[k] ?? 0);
      return { sheets: delta('Spreadsheet.getSheetValues'), apis: delta('UrlFetch.fetch') };
    };
    const daily = (a: LocalAcademy): { meetSessions: number } => {
      const run = step(a, { do: 'call', fn: 'runDailyTasks' });
      if (!run.ok) throw new Error(run.error);
      return run.value as { meetSessions: number };
    };
    const online = await academy('2027-03-11T08:00:00+01:00');
    step(online, CALL);
    const first = reads(online, () => expect(daily(online).meetSessions).toBe(1));
    const idle = reads(online, () => expect(daily(online).meetSessions).toBe(0));
    // The same registry with the course in the room: its daily run never had anything to read from Meet.
    const room = await academy('2027-03-11T08:00:00+01:00', 'In presenza');
    daily(room);
    const roomIdle = reads(room, () => daily(room));
    expect(idle).toEqual(roomIdle);
    // What the reminders and follow-ups read themselves: Impostazioni, Dipendenti, Iscrizioni, Comuni, Corsi,
    // Sessioni and Presenze, one read each (the Meet step used to read five more).
    expect(idle).toEqual({ sheets: 7, apis: 0 });
    expect(first.sheets).toBeGreaterThan(idle.sheets);
    expect(first.apis).toBeGreaterThan(0);
  });

  test('a session still under way or without a call is not imported', async () => {
    const a = await academy('2027-03-10T11:00:00+01:00');
    expect(importMeet(a, 'WEB-PA').sessions).toEqual([]);
    step(a, { do: 'advance', minutes: 120 });
    expect(importMeet(a, 'WEB-PA').skipped).toEqual([
      { session: 'WEB-PA-S1', reason: 'nessuna chiamata Meet registrata in quel giorno' },
    ]);
  });
});
