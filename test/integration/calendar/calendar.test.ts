import { LocalAcademy } from '../../../src/local/runtime/session';
import { calendarNotifications, setConferencePending, snapshotCalendar } from '../../../src/local/services/calendar';
import { snapshotSheets, uiState } from '../../../src/local/services/spreadsheet';
import { prepareAcademy } from '../../../src/local/scenario/runner';
import { injectRestFault } from '../../../src/local/rest/faults';

const START = '2027-02-01T09:00:00+01:00';

type Row = Record<string, string | number | boolean>;

const COMUNI: Row[] = [{ 'Codice ISTAT': '019035', Comune: 'Crema', Provincia: 'CR', 'Quota pagata': true }];
const PEOPLE = ['anna.bassi', 'luca.ferrari', 'giulia.riva', 'marco.neri'];
const DIPENDENTI: Row[] = PEOPLE.map((p) => {
  const [first, last] = p.split('.') as [string, string];
  return {
    Nome: first,
    Cognome: last,
    Email: `${p}@comune.crema.cr.it`,
    Comune: 'Crema',
    Ruolo: 'Dipendente',
    Attivo: true,
  };
});

function course(code: string, mode: string, extra: Row = {}): Row {
  return {
    Codice: code,
    Titolo: `Corso ${code}`,
    Area: 'Competenze digitali',
    Docente: 'Marco Villa',
    Ore: 6,
    Modalità: mode,
    Sede: 'Sala consiliare, Crema',
    Posti: 20,
    Stato: 'Iscrizioni aperte',
    ...extra,
  };
}

function session(courseCode: string, date: string, start = '09:00', end = '12:00', extra: Row = {}): Row {
  return { Corso: courseCode, Data: date, Inizio: start, Fine: end, Stato: 'Programmata', ...extra };
}

async function academyWith(registry: Record<string, Row[]>): Promise<LocalAcademy> {
  const academy = LocalAcademy.fresh({ start: START });
  await prepareAcademy(academy, {
    settings: { 'Anno formativo': 2027 },
    registry: { Comuni: COMUNI, Dipendenti: DIPENDENTI, ...registry },
  });
  return academy;
}

function sync(academy: LocalAcademy, courseCode?: string): unknown {
  const result = academy.call('syncCalendar', courseCode === undefined ? [] : [courseCode]);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function sessionsTab(academy: LocalAcademy): Array<Record<string, unknown>> {
  return snapshotSheets(academy.ws, academy.spreadsheetId).Sessioni?.rows ?? [];
}

function events(academy: LocalAcademy): ReturnType<typeof snapshotCalendar> {
  return snapshotCalendar(academy.ws).filter((e) => e.sessionId !== '');
}

function calendarWrites(academy: LocalAcademy): number {
  const m = academy.ws.methodCounts;
  return (
    (m['Calendar.insert'] ?? 0) + (m['Calendar.patch'] ?? 0) + (m['Calendar.update'] ?? 0) + (m['Calendar.remove'] ?? 0)
  );
}

function enroll(academy: LocalAcademy, courseCode: string, people: string[]): void {
  const rows = people.map((p) => ({
    'Data richiesta': '2027-02-10 10:00',
    Corso: courseCode,
    Email: `${p}@comune.crema.cr.it`,
    Stato: 'Confermata',
    Origine: 'Manuale',
  }));
  const outcome = academy.append('Iscrizioni', rows);
  const failed = outcome.runs.find((r) => !r.ok);
  if (failed) throw new Error(failed.error);
}

function setEnrollment(academy: LocalAcademy, courseCode: string, person: string, status: string): void {
  academy.edit('Iscrizioni', { Corso: courseCode, Email: `${person}@comune.crema.cr.it` }, { Stato: status });
}

describe('syncCalendar', () => {
  it('makes one event per session, with Meet only for Online and Mista and the venue for In presenza and Mista', async () => {
    const academy = await academyWith({
      Corsi: [
        course('ONL', 'Online'),
        course('MIX', 'Mista'),
        course('PRE', 'In presenza'),
        course('DRAFT', 'Online', { Stato: 'Bozza' }),
      ],
      Sessioni: [
        session('ONL', '2027-03-02'),
        session('MIX', '2027-03-03', '14:00', '17:00', { Sede: 'Biblioteca di Crema' }),
        session('PRE', '2027-03-04'),
        session('DRAFT', '2027-03-05'),
      ],
    });
    sync(academy);
    const bySession = new Map(events(academy).map((e) => [e.sessionId, e]));
    expect([...bySession.keys()].sort()).toEqual(['MIX-S1', 'ONL-S1', 'PRE-S1']);
    expect(bySession.get('ONL-S1')?.meet).toMatch(/^https:\/\/meet\.google\.com\//);
    expect(bySession.get('ONL-S1')?.location).toBe('');
    expect(bySession.get('MIX-S1')?.meet).toMatch(/^https:\/\/meet\.google\.com\//);
    expect(bySession.get('MIX-S1')?.location).toBe('Biblioteca di Crema');
    expect(bySession.get('PRE-S1')?.meet).toBe('');
    expect(bySession.get('PRE-S1')?.location).toBe('Sala consiliare, Crema');
    expect(bySession.get('ONL-S1')?.summary).toBe('Corso ONL (ONL)');
    expect(bySession.get('ONL-S1')?.description).toContain('Incontro 1 di 1');

    const rows = new Map(sessionsTab(academy).map((r) => [r.ID, r]));
    for (const id of ['ONL-S1', 'MIX-S1', 'PRE-S1']) expect(rows.get(id)?.['ID evento']).toBe(bySession.get(id)?.id);
    expect(rows.get('ONL-S1')?.['Link Meet']).toBe(bySession.get('ONL-S1')?.meet);
    expect(rows.get('PRE-S1')?.['Link Meet']).toBe('');
    expect(rows.get('DRAFT-S1')?.['ID evento']).toBe('');
  });

  it('resolves Europe/Rome wall-clock times on both sides of the March and October DST changes', async () => {
    const academy = await academyWith({
      Corsi: [course('DST', 'Online')],
      Sessioni: [
        session('DST', '2027-03-02'),
        session('DST', '2027-03-30'),
        session('DST', '2027-10-30'),
        session('DST', '2027-11-02'),
      ],
    });
    sync(academy);
    const starts = events(academy).map((e) => [e.start, e.end]);
    expect(starts).toEqual([
      ['2027-03-02T09:00:00+01:00', '2027-03-02T12:00:00+01:00'],
      ['2027-03-30T09:00:00+02:00', '2027-03-30T12:00:00+02:00'],
      ['2027-10-30T09:00:00+02:00', '2027-10-30T12:00:00+02:00'],
      ['2027-11-02T09:00:00+01:00', '2027-11-02T12:00:00+01:00'],
    ]);
  });

  it('makes no Calendar write on a second sync with nothing changed', async () => {
    const academy = await academyWith({
      Corsi: [course('ONL', 'Online'), course('PRE', 'In presenza')],
      Sessioni: [session('ONL', '2027-03-02'), session('PRE', '2027-03-04')],
    });
    enroll(academy, 'ONL', ['anna.bassi']);
    sync(academy);
    const before = calendarWrites(academy);
    expect(before).toBe(2);
    const sheetBefore = sessionsTab(academy);
    sync(academy);
    sync(academy, 'ONL');
    expect(calendarWrites(academy)).toBe(before);
    expect(sessionsTab(academy)).toEqual(sheetBefore);
    expect(events(academy)).toHaveLength(2);
  });

  it('keeps the event id when a session is rescheduled, and patches only that event', async () => {
    const academy = await academyWith({
      Corsi: [course('ONL', 'Online')],
      Sessioni: [session('ONL', '2027-03-02'), session('ONL', '2027-03-09')],
    });
    sync(academy);
    const [first, second] = events(academy);
    academy.edit('Sessioni', { ID: 'ONL-S2' }, { Data: '2027-03-30', Inizio: '10:00' });
    academy.ws.resetCounts();
    sync(academy);
    expect(academy.ws.methodCounts['Calendar.patch']).toBe(1);
    expect(academy.ws.methodCounts['Calendar.insert']).toBeUndefined();
    const after = events(academy);
    expect(after).toHaveLength(2);
    expect(after[1]?.id).toBe(second?.id);
    expect(after[1]?.start).toBe('2027-03-30T10:00:00+02:00');
    expect(after[1]?.meet).toBe(second?.meet);
    expect(after[0]).toEqual(first);
  });

  it('cancels the event of a cancelled session and tells its attendees, renumbering the others', async () => {
    const academy = await academyWith({
      Corsi: [course('ONL', 'Online')],
      Sessioni: [session('ONL', '2027-03-02'), session('ONL', '2027-03-09')],
    });
    enroll(academy, 'ONL', ['anna.bassi']);
    sync(academy);
    academy.edit('Sessioni', { ID: 'ONL-S1' }, { Stato: 'Annullata' });
    sync(academy);
    const [s1, s2] = events(academy);
    expect(s1?.status).toBe('cancelled');
    expect(s2?.status).toBe('confirmed');
    expect(s2?.description).toContain('Incontro 1 di 1');
    const cancelled = calendarNotifications(academy.ws).filter((n) => JSON.stringify(n).includes('cancel'));
    expect(cancelled.length).toBeGreaterThan(0);
    expect(sessionsTab(academy).find((r) => r.ID === 'ONL-S1')?.['Link Meet']).toBe('');
    const writes = calendarWrites(academy);
    sync(academy);
    expect(calendarWrites(academy)).toBe(writes);
  });

  it('cancels every event of a cancelled course', async () => {
    const academy = await academyWith({
      Corsi: [course('ONL', 'Online'), course('PRE', 'In presenza')],
      Sessioni: [session('ONL', '2027-03-02'), session('ONL', '2027-03-09'), session('PRE', '2027-03-04')],
    });
    sync(academy);
    academy.edit('Corsi', { Codice: 'ONL' }, { Stato: 'Annullato' });
    sync(academy);
    const status = Object.fromEntries(events(academy).map((e) => [e.sessionId, e.status]));
    expect(status).toEqual({ 'ONL-S1': 'cancelled', 'ONL-S2': 'cancelled', 'PRE-S1': 'confirmed' });
  });

  it('finds the same event by session ID when ID evento was cleared, without a duplicate', async () => {
    const academy = await academyWith({ Corsi: [course('ONL', 'Online')], Sessioni: [session('ONL', '2027-03-02')] });
    sync(academy);
    const [original] = events(academy);
    academy.edit('Sessioni', { ID: 'ONL-S1' }, { 'ID evento': '', 'Link Meet': '' });
    academy.ws.resetCounts();
    sync(academy);
    expect(academy.ws.methodCounts['Calendar.insert']).toBeUndefined();
    expect(events(academy)).toHaveLength(1);
    const row = sessionsTab(academy)[0];
    expect(row?.['ID evento']).toBe(original?.id);
    expect(row?.['Link Meet']).toBe(original?.meet);
  });

  it('leaves exactly one event per session after transient Calendar faults', async () => {
    const academy = await academyWith({
      Corsi: [course('ONL', 'Online')],
      Sessioni: [session('ONL', '2027-03-02'), session('ONL', '2027-03-09')],
    });
    academy.fault('Calendar', 3, 'Service unavailable');
    const value = sync(academy) as { message: string };
    expect(value.message).toContain('2 di 2');
    academy.fault('Calendar', 2, 'API call to calendar.events.patch failed with error: Rate Limit Exceeded');
    sync(academy);
    const list = events(academy);
    expect(list.map((e) => e.sessionId)).toEqual(['ONL-S1', 'ONL-S2']);
    expect(list.every((e) => e.status === 'confirmed' && e.meet !== '')).toBe(true);
  });

  it('keeps the attendees equal to the confirmed enrollees through enrollments and cancellations', async () => {
    const academy = await academyWith({
      Corsi: [course('ONL', 'Online', { Posti: 2 }), course('PRE', 'In presenza')],
      Sessioni: [session('ONL', '2027-03-02'), session('ONL', '2027-03-09'), session('PRE', '2027-03-04')],
    });
    sync(academy);
    const attendees = (id: string): string[] =>
      events(academy)
        .find((e) => e.sessionId === id)
        ?.attendees.slice()
        .sort() ?? [];
    const confirmed = (code: string): string[] =>
      (snapshotSheets(academy.ws, academy.spreadsheetId).Iscrizioni?.rows ?? [])
        .filter((r) => r.Corso === code && r.Stato === 'Confermata')
        .map((r) => String(r.Email))
        .sort();
    const steps: Array<() => void> = [
      () => enroll(academy, 'ONL', ['anna.bassi', 'luca.ferrari']),
      () => enroll(academy, 'ONL', ['giulia.riva']),
      () => setEnrollment(academy, 'ONL', 'anna.bassi', 'Annullata'),
      () => setEnrollment(academy, 'ONL', 'luca.ferrari', 'Annullata'),
      () => enroll(academy, 'ONL', ['marco.neri']),
    ];
    for (const step of steps) {
      step();
      sync(academy, 'ONL');
      expect(attendees('ONL-S1')).toEqual(confirmed('ONL'));
      expect(attendees('ONL-S2')).toEqual(confirmed('ONL'));
    }
    expect(confirmed('ONL').length).toBeGreaterThan(0);
    expect(attendees('ONL-S1')).not.toContain('anna.bassi@comune.crema.cr.it');
    expect(attendees('PRE-S1')).toEqual([]);
    const writes = calendarWrites(academy);
    sync(academy);
    expect(calendarWrites(academy)).toBe(writes);
  });

  it('fills in the Meet link of a conference Google answered pending', async () => {
    const academy = await academyWith({ Corsi: [course('ONL', 'Online')], Sessioni: [session('ONL', '2027-03-02')] });
    setConferencePending(academy.ws, 1);
    sync(academy);
    const [event] = events(academy);
    expect(event?.meet).toMatch(/^https:\/\/meet\.google\.com\//);
    expect(sessionsTab(academy)[0]?.['Link Meet']).toBe(event?.meet);
  });

  it('refuses a draft course and a missing one in Italian', async () => {
    const academy = await academyWith({
      Corsi: [course('DRAFT', 'Online', { Stato: 'Bozza' })],
      Sessioni: [session('DRAFT', '2027-03-02')],
    });
    expect(academy.call('syncCalendar', ['DRAFT']).error).toContain('Bozza');
    expect(academy.call('syncCalendar', ['NOPE']).error).toContain('non trovato');
  });
});

describe('a whole year in slices', () => {
  it('resumes by the job trigger until every session has exactly one event', async () => {
    // 720 sessions fit one execution through the batch endpoint: the first 500 go out together and
    // Calendar refuses every attempt at them (REST faults on the batch), so the job has to resume.
    const courses = Array.from({ length: 60 }, (_, i) =>
      course(`C${String(i + 1).padStart(2, '0')}`, i % 3 === 0 ? 'In presenza' : 'Online'),
    );
    const sessions: Row[] = [];
    for (const c of courses) {
      for (let n = 0; n < 12; n++)
        sessions.push(
          session(String(c.Codice), `2027-${String(3 + (n % 9)).padStart(2, '0')}-${String(1 + n).padStart(2, '0')}`),
        );
    }
    const academy = await academyWith({ Corsi: courses, Sessioni: sessions });
    injectRestFault(academy.ws, { api: 'calendar', status: 503, times: 40, when: 'before', match: /\/batch\// });
    const first = sync(academy) as { progress: { done: number; total: number; status: string } };
    expect(first.progress.status).toBe('in corso');
    expect(first.progress.done).toBe(220);
    expect(first.progress.done).toBeGreaterThan(0);
    expect(first.progress.done).toBeLessThan(sessions.length);
    const runs = academy.advance(30);
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.every((r) => r.ok)).toBe(true);
    const list = events(academy);
    expect(list).toHaveLength(sessions.length);
    expect(new Set(list.map((e) => e.sessionId)).size).toBe(sessions.length);
    const rows = sessionsTab(academy);
    expect(rows.every((r) => r['ID evento'] !== '')).toBe(true);
    academy.ws.resetCounts();
    const again = sync(academy) as { message: string };
    expect(again.message).toContain('già aggiornato');
    expect(calendarWrites(academy)).toBe(0);
  });
});

describe('without a configured calendar', () => {
  it('refuses in Italian and starts no job', async () => {
    const academy = await academyWith({ Corsi: [course('ONL', 'Online')], Sessioni: [session('ONL', '2027-03-02')] });
    academy.edit('Impostazioni', { Chiave: 'ID calendario' }, { Valore: '' });
    const result = academy.call('syncCalendar');
    expect(result.ok).toBe(false);
    expect(result.error).toContain('ID calendario');
    const jobs = academy.call('getJobsProgress');
    expect(jobs.value).toEqual([]);
  });
});

describe('setup', () => {
  it('creates the academy calendar in Europe/Rome once, records its id, and adopts it when the id is lost', async () => {
    const academy = await academyWith({});
    const idOf = (): unknown =>
      (snapshotSheets(academy.ws, academy.spreadsheetId).Impostazioni?.rows ?? []).find(
        (r) => r.Chiave === 'ID calendario',
      )?.Valore;
    const first = idOf();
    expect(first).not.toBe('');
    expect(academy.call('setupAcademy').ok).toBe(true);
    expect(idOf()).toBe(first);
    academy.edit('Impostazioni', { Chiave: 'ID calendario' }, { Valore: '' });
    expect(academy.call('setupAcademy').ok).toBe(true);
    expect(idOf()).toBe(first);
    expect(academy.ws.methodCounts['Calendar.calendars.insert']).toBe(1);
  });
});

describe('the sync previewed (menu and sidebar)', () => {
  function preview(academy: LocalAcademy, courseCode?: string): { message: string; writes: unknown[] } {
    const result = academy.call('previewCalendarSync', courseCode === undefined ? [] : [courseCode]);
    if (!result.ok) throw new Error(result.error);
    return result.value as { message: string; writes: unknown[] };
  }

  it('lists the events a sync would create with their guests and writes nothing; after the sync there is nothing left', async () => {
    const academy = await academyWith({
      Corsi: [course('ONL', 'Online'), course('PRE', 'In presenza')],
      Sessioni: [session('ONL', '2027-03-02'), session('ONL', '2027-03-09'), session('PRE', '2027-03-04')],
    });
    enroll(academy, 'ONL', ['anna.bassi', 'luca.ferrari']);
    const writes = calendarWrites(academy);
    const one = preview(academy, 'ONL');
    expect(one.writes).toEqual([
      { sessionId: 'ONL-S1', course: 'ONL', date: '2027-03-02', start: '09:00', kind: 'insert', guests: 2 },
      { sessionId: 'ONL-S2', course: 'ONL', date: '2027-03-09', start: '09:00', kind: 'insert', guests: 2 },
    ]);
    expect(one.message).toMatch(/^2 eventi da creare, 0 da aggiornare, 0 da annullare/);
    expect(preview(academy).writes).toHaveLength(3);
    expect(calendarWrites(academy)).toBe(writes);
    expect(events(academy)).toEqual([]);
    sync(academy);
    expect(preview(academy)).toMatchObject({
      message: expect.stringMatching(/^Calendario già aggiornato/),
      writes: [],
    });
    expect(() => preview(academy, 'NOPE')).toThrow(/Corso NOPE non trovato/);
  });

  it('the menu item shows the plan in a dialog; only its confirming button syncs, and a second confirmation writes nothing', async () => {
    const academy = await academyWith({ Corsi: [course('ONL', 'Online')], Sessioni: [session('ONL', '2027-03-02')] });
    academy.runtime.run('onOpen', [{ authMode: 'LIMITED', source: null }], { kind: 'simple' });
    const menu = uiState(academy.ws, academy.spreadsheetId).menus.find((m) => m.title === 'Academy4PA');
    const fn = menu?.items.find((i) => i.kind === 'item' && i.caption === 'Sincronizza calendario')?.functionName;
    expect(fn).toBe('showCalendarSyncPreview');
    expect(academy.call(String(fn)).ok).toBe(true);
    const dialog = uiState(academy.ws, academy.spreadsheetId).dialogs.at(-1);
    expect(dialog?.html).toContain('Eventi da creare (1)');
    expect(dialog?.html).toContain('Conferma: sincronizzazione di 1 eventi');
    expect(events(academy)).toEqual([]);
    const action = JSON.parse(
      /<script type="application\/json" id="a4pa-action">(.*?)<\/script>/s.exec(dialog?.html ?? '')?.[1] ?? '{}',
    ) as { fn: string; args: unknown[] };
    expect(action).toEqual({ fn: 'syncCalendar', args: [] });
    expect(academy.call(action.fn, action.args).ok).toBe(true);
    expect(events(academy)).toHaveLength(1);
    const writes = calendarWrites(academy);
    expect(academy.call(action.fn, action.args).ok).toBe(true);
    expect(calendarWrites(academy)).toBe(writes);
  });
});
