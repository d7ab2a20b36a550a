import { Runtime } from '../../../src/local/runtime/runtime';
import { Workspace } from '../../../src/local/runtime/workspace';
import { createSpreadsheet, hostAppendRecords, snapshotSheets } from '../../../src/local/services/spreadsheet';
import { spreadsheetData } from '../../../src/local/services/spreadsheet/model';
import { triggerState } from '../../../src/local/runtime/triggers';
import { DOCUMENTED_TABS } from '../../fixtures/documented-tabs';

const START = Date.parse('2027-02-01T09:00:00+01:00');

function fresh(): { ws: Workspace; rt: Runtime; ssId: string } {
  const ws = Workspace.create({ startMs: START });
  const ssId = createSpreadsheet(ws, 'Academy4PA', { bind: true });
  const rt = Runtime.fromBundle(ws);
  return { ws, rt, ssId };
}

function setup(rt: Runtime): void {
  const result = rt.run('setupAcademy');
  if (!result.ok) throw new Error(result.error);
}

describe('setupAcademy on an empty spreadsheet', () => {
  test('creates every tab with the documented headers in order, default settings and one edit trigger', () => {
    const { rt, ws, ssId } = fresh();
    setup(rt);
    const snap = snapshotSheets(ws, ssId);
    const headers = Object.fromEntries(Object.keys(DOCUMENTED_TABS).map((tab) => [tab, snap[tab]?.header]));
    expect(headers).toEqual(DOCUMENTED_TABS);
    const settings = Object.fromEntries((snap.Impostazioni?.rows ?? []).map((r) => [r.Chiave, r.Valore]));
    expect(settings).toMatchObject({
      'Anno formativo': '2027',
      'Ore obiettivo annue': '40',
      'Soglia frequenza % predefinita': '75',
      'Richiedi quota pagata': 'No',
      'Approvazione referente': 'No',
      'Promemoria giorni prima': '2',
      'Posti massimi per comune': '',
    });
    expect(Object.keys(settings)).toEqual(
      expect.arrayContaining([
        'Staff autorizzati',
        'ID calendario',
        'ID modulo iscrizioni',
        'ID modello attestato',
        'ID cartella attestati',
        'Nome mittente',
        'Nome ente',
        'Email staff per notifiche',
      ]),
    );
    const edit = triggerState(ws).triggers.filter((t) => t.handler === 'onRegistryEdit');
    expect(edit).toHaveLength(1);
    const sheet = spreadsheetData(ws, ssId).sheets.find((s) => s.name === 'Dipendenti');
    expect(sheet?.frozenRows).toBe(1);
  });

  test('dropdowns, checkboxes, formats and warning-only protections; ISTAT codes keep their zero', () => {
    const { rt, ws, ssId } = fresh();
    setup(rt);
    const data = spreadsheetData(ws, ssId);
    const tab = (name: string) => data.sheets.find((s) => s.name === name);
    const cell = (name: string, row: number, col: number) => tab(name)?.rows[row - 1]?.[col - 1];
    expect(cell('Comuni', 2, 1)?.nf).toBe('@');
    expect(cell('Comuni', 2, 7)?.dv?.type).toBe('CHECKBOX');
    expect(cell('Dipendenti', 2, 7)?.dv).toMatchObject({
      type: 'VALUE_IN_LIST',
      values: [['Dipendente', 'Responsabile di servizio', 'Segretario comunale', 'Amministratore'], true],
    });
    expect(cell('Dipendenti', 2, 6)?.dv?.type).toBe('VALUE_IN_RANGE');
    expect(cell('Sessioni', 2, 2)?.dv?.type).toBe('VALUE_IN_RANGE');
    expect(cell('Sessioni', 2, 3)?.nf).toBe('dd/MM/yyyy');
    expect(cell('Sessioni', 2, 4)?.nf).toBe('HH:mm');
    const protections = data.protections.map((p) => [
      data.sheets.find((s) => s.id === p.sheetId)?.name,
      p.type,
      p.description,
      p.warningOnly,
    ]);
    expect(protections).toEqual(
      expect.arrayContaining([
        ['Dipendenti', 'RANGE', 'Academy4PA: colonna di sistema «ID»', true],
        ['Sessioni', 'RANGE', 'Academy4PA: colonna di sistema «Link Meet»', true],
        ['Iscrizioni', 'RANGE', 'Academy4PA: colonna di sistema «ID risposta»', true],
        ['Attestati', 'SHEET', 'Academy4PA: foglio scritto dal componente aggiuntivo', true],
        ['Bilancio', 'SHEET', 'Academy4PA: foglio scritto dal componente aggiuntivo', true],
      ]),
    );
    hostAppendRecords(ws, ssId, 'Comuni', [{ 'Codice ISTAT': '019035', Comune: 'Crema' }]);
    expect(snapshotSheets(ws, ssId).Comuni?.rows[0]?.['Codice ISTAT']).toBe('019035');
  });

  test('running setup twice duplicates nothing', () => {
    const { rt, ws, ssId } = fresh();
    setup(rt);
    const first = snapshotSheets(ws, ssId);
    const protections = spreadsheetData(ws, ssId).protections.length;
    setup(rt);
    const second = snapshotSheets(ws, ssId);
    expect(Object.keys(second)).toEqual(Object.keys(first));
    for (const tab of Object.keys(DOCUMENTED_TABS)) expect(second[tab]?.header).toEqual(first[tab]?.header);
    expect(second.Impostazioni?.rows).toEqual(first.Impostazioni?.rows);
    expect(spreadsheetData(ws, ssId).protections.length).toBe(protections);
    expect(triggerState(ws).triggers.filter((t) => t.handler === 'onRegistryEdit')).toHaveLength(1);
  });
});
