import { Runtime } from '../../../src/local/runtime/runtime';
import { triggerState } from '../../../src/local/runtime/triggers';
import { Execution, Workspace } from '../../../src/local/runtime/workspace';
import { createGlobals } from '../../../src/local/services';
import {
  appendRowsToSheet,
  createSpreadsheet,
  editEvent,
  ensureSheet,
  hostAppendRecords,
  snapshotSheets,
  uiState,
} from '../../../src/local/services/spreadsheet';
import { cellAt, spreadsheetData } from '../../../src/local/services/spreadsheet/model';
import type * as IdsModule from '../../../src/gas/registry/ids';
import type * as TableModule from '../../../src/gas/registry/table';
import type * as SettingsModule from '../../../src/gas/registry/settings';
import type * as LogModule from '../../../src/gas/registry/log';
import { ANNA } from '../../fixtures/small-academy';

const START = Date.parse('2027-02-01T09:00:00+01:00');

function fresh(): { ws: Workspace; rt: Runtime; ssId: string } {
  const ws = Workspace.create({ startMs: START });
  const ssId = createSpreadsheet(ws, 'Academy4PA', { bind: true });
  return { ws, rt: Runtime.fromBundle(ws), ssId };
}

function ok(result: { ok: boolean; error?: string; value: unknown }): unknown {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function sheetOf(ws: Workspace, ssId: string, name: string) {
  const sheet = spreadsheetData(ws, ssId).sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no tab ${name}`);
  return sheet;
}

function noteAt(ws: Workspace, ssId: string, tab: string, row: number, column: number): string {
  return cellAt(sheetOf(ws, ssId, tab), row, column)?.note ?? '';
}

interface Gas {
  table: typeof TableModule;
  ids: typeof IdsModule;
  settings: typeof SettingsModule;
  log: typeof LogModule;
}

/** Runs the gas modules straight from TypeScript in one emulated execution (fresh module state). */
function inExecution<T>(ws: Workspace, fn: (gas: Gas) => T): T {
  const globals = createGlobals(ws);
  const g = globalThis as Record<string, unknown>;
  const saved = Object.keys(globals).map((k) => [k, g[k]] as const);
  Object.assign(g, globals);
  ws.execution = new Execution('call', ws.state.owner, ws.now());
  try {
    let out: T | undefined;
    jest.isolateModules(() => {
      out = fn({
        table: jest.requireActual<typeof TableModule>('../../../src/gas/registry/table'),
        ids: jest.requireActual<typeof IdsModule>('../../../src/gas/registry/ids'),
        settings: jest.requireActual<typeof SettingsModule>('../../../src/gas/registry/settings'),
        log: jest.requireActual<typeof LogModule>('../../../src/gas/registry/log'),
      });
    });
    return out as T;
  } finally {
    ws.execution = null;
    for (const [k, v] of saved) g[k] = v;
  }
}

const LUCA = {
  Nome: 'Luca',
  Cognome: 'Rossi',
  Email: 'luca.rossi@comune.crema.cr.it',
  Comune: 'Crema',
  Ruolo: 'Dipendente',
  Attivo: true,
};

describe('setup on a half-built spreadsheet', () => {
  test('adds the missing tab and header, keeps staff columns, order and rows, assigns IDs', () => {
    const { ws, rt, ssId } = fresh();
    ensureSheet(ws, ssId, 'Dipendenti');
    appendRowsToSheet(ws, ssId, 'Dipendenti', [
      ['Cognome', 'Nome', 'Telefono', 'ID', 'Email', 'Comune', 'Ruolo', 'Attivo', 'Codice fiscale'],
      ['Bassi', 'Anna', '0373 1', '', 'anna.bassi@comune.crema.cr.it', 'Crema', 'Dipendente', true, ''],
      ['Rossi', 'Luca', '0373 2', 'D00007', 'luca.rossi@comune.crema.cr.it', 'Crema', 'Dipendente', true, ''],
    ]);
    const result = ok(rt.run('setupAcademy')) as { createdTabs: string[]; addedColumns: string[] };
    expect(result.createdTabs).toContain('Comuni');
    expect(result.createdTabs).not.toContain('Dipendenti');
    expect(result.addedColumns).toEqual(['Dipendenti › Ufficio']);
    const snap = snapshotSheets(ws, ssId);
    expect(snap.Dipendenti?.header).toEqual([
      'Cognome',
      'Nome',
      'Telefono',
      'ID',
      'Email',
      'Comune',
      'Ruolo',
      'Attivo',
      'Codice fiscale',
      'Ufficio',
    ]);
    expect(snap.Dipendenti?.rows).toEqual([
      expect.objectContaining({ Cognome: 'Bassi', Telefono: '0373 1', ID: 'D00008' }),
      expect.objectContaining({ Cognome: 'Rossi', Telefono: '0373 2', ID: 'D00007' }),
    ]);
    ok(rt.run('setupAcademy'));
    const again = snapshotSheets(ws, ssId);
    expect(again.Dipendenti).toEqual(snap.Dipendenti);
    expect(Object.keys(again)).toEqual(Object.keys(snap));
  });

  test('settings staff changed are kept; only missing keys are added', () => {
    const { ws, rt, ssId } = fresh();
    ensureSheet(ws, ssId, 'Impostazioni');
    appendRowsToSheet(ws, ssId, 'Impostazioni', [
      ['Chiave', 'Valore'],
      ['Ore obiettivo annue', '24'],
    ]);
    ok(rt.run('setupAcademy'));
    const rows = snapshotSheets(ws, ssId).Impostazioni?.rows ?? [];
    expect(rows.filter((r) => r.Chiave === 'Ore obiettivo annue')).toEqual([
      { Chiave: 'Ore obiettivo annue', Valore: '24' },
    ]);
    expect(rows).toHaveLength(15);
  });
});

describe('IDs', () => {
  test('the edit trigger assigns IDs once; a deleted ID is never reused; sessions count per course', () => {
    const { ws, rt, ssId } = fresh();
    ok(rt.run('setupAcademy'));
    hostAppendRecords(ws, ssId, 'Comuni', [{ 'Codice ISTAT': '019035', Comune: 'Crema' }]);
    const at = hostAppendRecords(ws, ssId, 'Dipendenti', [ANNA, LUCA]);
    const [trigger] = triggerState(ws).triggers.filter((t) => t.handler === 'onRegistryEdit');
    if (!trigger) throw new Error('no edit trigger');
    ok(rt.fire(trigger, editEvent(ws, ssId, 'Dipendenti', at.row, 1, 2, at.numColumns)));
    expect(snapshotSheets(ws, ssId).Dipendenti?.rows.map((r) => r.ID)).toEqual(['D00001', 'D00002']);
    ok(rt.fire(trigger, editEvent(ws, ssId, 'Dipendenti', at.row, 1, 2, at.numColumns)));
    expect(snapshotSheets(ws, ssId).Dipendenti?.rows.map((r) => r.ID)).toEqual(['D00001', 'D00002']);

    sheetOf(ws, ssId, 'Dipendenti').rows.splice(2, 1);
    const next = hostAppendRecords(ws, ssId, 'Dipendenti', [{ ...LUCA, Email: 'luca.bis@comune.crema.cr.it' }]);
    ok(rt.fire(trigger, editEvent(ws, ssId, 'Dipendenti', next.row, 1, 1, next.numColumns)));
    expect(snapshotSheets(ws, ssId).Dipendenti?.rows.map((r) => r.ID)).toEqual(['D00001', 'D00003']);

    hostAppendRecords(ws, ssId, 'Sessioni', [
      { Corso: 'EXC-BASE', Data: '2027-03-02', Inizio: '09:00', Fine: '12:00' },
      { Corso: 'GDPR', Data: '2027-03-03', Inizio: '09:00', Fine: '11:00' },
      { Corso: 'EXC-BASE', Data: '2027-03-30', Inizio: '09:00', Fine: '12:00' },
    ]);
    ok(rt.run('setupAcademy'));
    expect(snapshotSheets(ws, ssId).Sessioni?.rows.map((r) => r.ID)).toEqual(['EXC-BASE-S1', 'GDPR-S1', 'EXC-BASE-S2']);
  });

  test('nextIds reserves IDs after the tab and the issued counter, one property read and write', () => {
    const { ws, rt, ssId } = fresh();
    ok(rt.run('setupAcademy'));
    hostAppendRecords(ws, ssId, 'Iscrizioni', [
      { ID: 'I00004', 'Data richiesta': '01/02/2027 09:00', Corso: 'X', Email: 'a@b.it', Stato: 'Confermata' },
    ]);
    ws.resetCounts();
    const issued = inExecution(ws, ({ table, ids }) => {
      const t = table.readTable('Iscrizioni');
      return [...ids.nextIds(t, 'I', 2), ids.nextId(t, 'I')];
    });
    expect(issued).toEqual(['I00005', 'I00006', 'I00007']);
    expect(ws.methodCounts['Properties.getProperties']).toBe(1);
    expect(ws.methodCounts['Properties.setProperties']).toBe(2);
  });
});

describe('validation reporting', () => {
  test('a bad row gets a note and a problem while the good row next to it has none; fixing it clears the note', () => {
    const { ws, rt, ssId } = fresh();
    ok(rt.run('setupAcademy'));
    sheetOf(ws, ssId, 'Corsi');
    hostAppendRecords(ws, ssId, 'Corsi', [
      {
        Codice: 'EXC-BASE',
        Titolo: 'Excel di base',
        Ore: 6,
        Modalità: 'Online',
        Posti: 20,
        Stato: 'Iscrizioni aperte',
      },
      {
        Codice: 'EXC-ADV',
        Titolo: 'Excel avanzato',
        Ore: 'sei',
        Modalità: 'Online',
        Posti: 20,
        Stato: 'Iscrizioni aperte',
      },
    ]);
    const corsi = sheetOf(ws, ssId, 'Corsi');
    corsi.rows[2]![5]!.note = 'Chiedere al docente';
    const result = ok(rt.run('setupAcademy')) as {
      problems: Array<{ tab: string; row: number; column: string; message: string }>;
    };
    expect(result.problems).toEqual([{ tab: 'Corsi', row: 3, column: 'Ore', message: 'Ore: «sei» non è un numero' }]);
    expect(noteAt(ws, ssId, 'Corsi', 3, 6)).toBe('Chiedere al docente\n\n⚠ Academy4PA: Ore: «sei» non è un numero');
    expect(noteAt(ws, ssId, 'Corsi', 2, 6)).toBe('');

    const [trigger] = triggerState(ws).triggers.filter((t) => t.handler === 'onRegistryEdit');
    corsi.rows[2]![5]!.v = 8;
    ok(rt.fire(trigger!, editEvent(ws, ssId, 'Corsi', 3, 6, 1, 1)));
    expect(noteAt(ws, ssId, 'Corsi', 3, 6)).toBe('Chiedere al docente');
  });
});

describe('table codec through the emulated Sheets', () => {
  test('readTable is one Spreadsheet call per tab, whatever its size', () => {
    const { ws, rt, ssId } = fresh();
    ok(rt.run('setupAcademy'));
    hostAppendRecords(
      ws,
      ssId,
      'Dipendenti',
      Array.from({ length: 300 }, (_, i) => ({
        ...ANNA,
        ID: `D${String(i + 1).padStart(5, '0')}`,
        Email: `p${i}@x.it`,
      })),
    );
    const counts = inExecution(ws, ({ table }) => {
      table.readTable('Corsi');
      ws.resetCounts();
      const t = table.readTable('Dipendenti');
      return { rows: t.rows.length, calls: ws.counts.Spreadsheet, methods: { ...ws.methodCounts } };
    });
    expect(counts.rows).toBe(300);
    expect(counts.calls).toBe(1);
    expect(counts.methods).toEqual({ 'Spreadsheet.getSheetValues': 1 });
  });

  test('a date repeated on many rows is formatted once per execution', () => {
    const { ws, rt, ssId } = fresh();
    ok(rt.run('setupAcademy'));
    // 200 sessions on two days and two start times: two distinct instants for Data and Inizio, one
    // for Fine, so five calls of Utilities.formatDate at most where there were 600.
    const days = [new Date('2027-03-02T11:00:00Z'), new Date('2027-03-30T10:00:00Z')];
    hostAppendRecords(
      ws,
      ssId,
      'Sessioni',
      Array.from({ length: 200 }, (_, i) => ({
        ID: `S${String(i + 1).padStart(5, '0')}`,
        Corso: 'EXC-BASE',
        Data: days[i % 2],
        Inizio: new Date(Date.UTC(1899, 11, 30, 8 + (i % 2), 0)),
        Fine: new Date(Date.UTC(1899, 11, 30, 11, 0)),
        Stato: 'Programmata',
      })),
    );
    const read = inExecution(ws, ({ table }) => {
      ws.resetCounts();
      const t = table.readTable('Sessioni');
      return {
        dates: [...new Set(t.rows.map((r) => (r.record as { date: string }).date))],
        rows: t.rows.length,
        formatted: ws.methodCounts['Utilities.formatDate'] ?? 0,
      };
    });
    expect(read.rows).toBe(200);
    expect(read.dates).toEqual(['2027-03-02', '2027-03-30']);
    expect(read.formatted).toBeLessThanOrEqual(2 + 2 + 1);
    expect(read.formatted).toBeGreaterThan(0);
  });

  test('injection strings are stored as text, never as formulas; writes are one block', () => {
    const { ws, rt, ssId } = fresh();
    ok(rt.run('setupAcademy'));
    const evil = ['=1+1', '+39 0373 1', '-5', '@x', '\tx', '\rx'];
    const methods = inExecution(ws, ({ table, log }) => {
      const t = table.readTable('Iscrizioni');
      ws.resetCounts();
      table.appendRecords(
        t,
        evil.map((notes, i) => ({
          id: `I0000${i + 1}`,
          requestedAt: new Date(START),
          course: 'EXC',
          email: 'a@b.it',
          employeeId: '',
          status: 'Confermata' as const,
          waitPosition: null,
          origin: 'Modulo' as const,
          responseId: '',
          notes,
        })),
      );
      const appended = { ...ws.methodCounts };
      ws.resetCounts();
      table.updateRecords(t, [
        { row: 2, patch: { notes: '=HYPERLINK("http://x")', status: 'Annullata' } },
        { row: 3, patch: { status: 'Annullata' } },
      ]);
      const updated = { ...ws.methodCounts };
      log.logEvent('Prova', '=2+2', '@who');
      log.flushLog();
      return { appended, updated };
    });
    expect(methods.appended).toEqual({ 'Spreadsheet.getRange': 1, 'Spreadsheet.setValues': 1 });
    // One block written; beside it, the figures record's mark of the two rows changed (one Script
    // Properties write under the script lock).
    expect(methods.updated).toEqual({
      'Spreadsheet.getRange': 1,
      'Spreadsheet.setValues': 1,
      'Lock.getScriptLock': 1,
      'Lock.hasLock': 1,
      'Properties.getScriptProperties': 1,
      'Properties.setProperties': 1,
      'Utilities.getUuid': 1,
    });
    const snap = snapshotSheets(ws, ssId);
    expect(snap.Iscrizioni?.formulas).toEqual([]);
    expect(snap.Registro?.formulas).toEqual([]);
    expect(snap.Iscrizioni?.rows.map((r) => r.Note)).toEqual(['=HYPERLINK("http://x")', ...evil.slice(1)]);
    expect(snap.Iscrizioni?.rows.map((r) => r.Stato)).toEqual([
      'Annullata',
      'Annullata',
      'Confermata',
      'Confermata',
      'Confermata',
      'Confermata',
    ]);
    expect(snap.Registro?.rows.at(-1)).toMatchObject({ Chi: '@who', Azione: 'Prova', Dettagli: '=2+2' });
  });

  test('writeSetting updates a key in place or appends a new one', () => {
    const { ws, rt, ssId } = fresh();
    ok(rt.run('setupAcademy'));
    const settings = inExecution(ws, ({ settings }) => {
      settings.writeSetting('calendarId', 'abc@group.calendar.google.com');
      settings.writeSetting('Ultima sincronizzazione', '2027-02-01');
      return settings.readSettings();
    });
    expect(settings.calendarId).toBe('abc@group.calendar.google.com');
    expect(settings.extra['Ultima sincronizzazione']).toBe('2027-02-01');
    const rows = snapshotSheets(ws, ssId).Impostazioni?.rows ?? [];
    expect(rows).toHaveLength(16);
  });
});

describe('menu and access', () => {
  test('onOpen (a simple trigger) builds the Academy4PA menu with every workflow', () => {
    const { ws, rt, ssId } = fresh();
    ok(rt.run('onOpen', [], { kind: 'simple' }));
    const menu = uiState(ws, ssId).menus.find((m) => m.title === 'Academy4PA');
    expect(menu?.items.filter((i) => i.kind === 'item').map((i) => [i.caption, i.functionName])).toEqual([
      ['Apri pannello', 'showSidebar'],
      ['Configura', 'setupAcademy'],
      ['Pubblica modulo iscrizioni', 'publishEnrollmentForm'],
      ['Sincronizza calendario', 'showCalendarSyncPreview'],
      ['Prepara registro presenze', 'prepareAttendanceForSelection'],
      ['Importa presenze da Meet', 'importMeetAttendanceFromMenu'],
      ['Emetti attestati', 'showCertificatesPreview'],
      ['Aggiorna report', 'refreshReports'],
      ['Invia riepilogo ai comuni', 'showComuniSummariesPreview'],
      ['Pubblica questionario di gradimento', 'showFeedbackFormPreview'],
      ['Applica conservazione dati', 'showRetentionPreview'],
      ['Nuovo anno formativo', 'startNextTrainingYear'],
    ]);
  });

  test('showSidebar opens the sidebar titled Academy4PA', () => {
    const { ws, rt, ssId } = fresh();
    ok(rt.run('showSidebar'));
    expect(uiState(ws, ssId).sidebars.map((s) => s.title)).toEqual(['Academy4PA']);
  });

  test('setup by someone who is not staff is refused in Italian and logged', () => {
    const { ws, rt, ssId } = fresh();
    ok(rt.run('setupAcademy'));
    const refused = rt.run('setupAcademy', [], { as: 'intruso@example.com' });
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(/^Operazione non consentita: «Configura»/);
    const anonymous = rt.run('setupAcademy', [], { as: '' });
    expect(anonymous.error).toMatch(/^Operazione non consentita/);
    const log = snapshotSheets(ws, ssId).Registro?.rows ?? [];
    expect(log.filter((r) => r.Azione === 'Accesso negato')).toHaveLength(2);
  });
});
