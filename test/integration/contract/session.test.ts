/**
 * LocalAcademy drives a bundle the way Google drives a deployed script: staff edits fire the edit
 * triggers (installable and simple) with the right event, time passing fires clock triggers, a link
 * runs doGet anonymously, and the workbook survives a save and an open. A small purpose-written bundle
 * makes each of these observable.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalAcademy } from '../../../src/local/runtime/session';

const BUNDLE = `
function prepare() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  ss.insertSheet('T').getRange(1, 1, 1, 3).setValues([['Codice', 'Stato', 'Note']]);
  ss.insertSheet('Log').getRange(1, 1, 1, 6).setValues([['Chi', 'Dove', 'Valore', 'Prima', 'Modo', 'Utente']]);
  ScriptApp.newTrigger('installed').forSpreadsheet(ss).onEdit().create();
  ScriptApp.newTrigger('tick').timeBased().everyMinutes(30).create();
}
function record(kind, e) {
  var log = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Log');
  log.appendRow([kind, e.range ? e.range.getA1Notation() : '', String(e.value), String(e.oldValue), String(e.authMode), Session.getActiveUser().getEmail()]);
}
function installed(e) { record('installabile', e); }
function onEdit(e) { record('semplice', e); }
function tick(e) { record('orologio', {}); }
function echo(x) { return { got: x }; }
function fail() { throw new Error('Qualcosa non va'); }
function doGet(e) {
  if (e.parameter.formato === 'testo') return ContentService.createTextOutput('codice=' + e.parameter.codice);
  return HtmlService.createHtmlOutput('<h1>Verifica</h1><p>' + e.parameter.codice + ' &amp; ' + e.parameters.n.join('+') + '</p>');
}
`;

const dir = mkdtempSync(join(tmpdir(), 'a4pa-session-'));
const bundle = join(dir, 'Code.js');
writeFileSync(bundle, BUNDLE);

function academy(): LocalAcademy {
  const a = LocalAcademy.fresh({ start: '2027-02-01T09:00:00+01:00', bundle });
  expect(a.call('prepare')).toMatchObject({ ok: true });
  return a;
}

function log(a: LocalAcademy): string[][] {
  return (a.readTab('Log')?.rows ?? []).map((r) => r.map(String));
}

describe('LocalAcademy', () => {
  it('calls server functions through the google.script.run bridge and reports a throw as a failure', () => {
    const a = academy();
    expect(a.call('echo', [{ n: 1, s: 'è' }])).toMatchObject({ ok: true, value: { got: { n: 1, s: 'è' } } });
    expect(a.call('fail')).toMatchObject({ ok: false, error: 'Qualcosa non va' });
    expect(a.call('missing')).toMatchObject({ ok: false, error: 'Script function not found: missing' });
  });

  it('fires the installable and the simple edit trigger once per edited cell, with value and old value', () => {
    const a = academy();
    a.append('T', [
      { Codice: 'A', Stato: 'x' },
      { Codice: 'B', Stato: 'y' },
    ]);
    const before = log(a).length;
    const outcome = a.edit('T', { Codice: 'A' }, { Stato: 'z', Note: 'n' });
    expect(outcome.cells).toBe(2);
    expect(outcome.runs.every((r) => r.ok)).toBe(true);
    expect(log(a).slice(before)).toEqual([
      ['installabile', 'B2', 'z', 'x', 'FULL', 'formazione@consorzio.example.it'],
      ['semplice', 'B2', 'z', 'x', 'LIMITED', ''],
      ['installabile', 'C2', 'n', 'undefined', 'FULL', 'formazione@consorzio.example.it'],
      ['semplice', 'C2', 'n', 'undefined', 'LIMITED', ''],
    ]);
  });

  it('fires one edit event for a block of appended rows', () => {
    const a = academy();
    const outcome = a.append('T', [{ Codice: 'A', Stato: 'x' }, { Codice: 'B' }]);
    expect(outcome).toMatchObject({ cells: 6 });
    expect(outcome.runs).toHaveLength(2);
    expect(log(a)).toEqual([
      ['installabile', 'A2:C3', 'undefined', 'undefined', 'FULL', 'formazione@consorzio.example.it'],
      ['semplice', 'A2:C3', 'undefined', 'undefined', 'LIMITED', ''],
    ]);
    expect(a.readTab('T')?.rows).toEqual([
      ['A', 'x', ''],
      ['B', '', ''],
    ]);
  });

  it('runs each due occurrence of a clock trigger when time passes', () => {
    const a = academy();
    expect(a.advance(59)).toHaveLength(1);
    expect(a.advance(1)).toHaveLength(1);
    expect(log(a).map((r) => r[0])).toEqual(['orologio', 'orologio']);
  });

  it('answers a visit with the page text of an HtmlOutput or the content of a TextOutput', () => {
    const a = academy();
    expect(a.visit('https://script.google.com/macros/s/x/exec?codice=X1&n=1&n=2')).toMatchObject({
      ok: true,
      value: 'Verifica\nX1 & 1+2',
    });
    expect(a.visit('https://script.google.com/macros/s/x/exec?formato=testo&codice=X1')).toMatchObject({
      ok: true,
      value: 'codice=X1',
    });
  });

  it('injects faults into the next calls of a service', () => {
    const a = academy();
    a.fault('Spreadsheet', 1, 'Service unavailable');
    expect(a.call('tick')).toMatchObject({ ok: false, error: 'Service unavailable' });
    expect(a.call('tick')).toMatchObject({ ok: true });
  });

  it('keeps the workbook across save and open', () => {
    const a = academy();
    a.append('T', [{ Codice: 'A', Stato: 'x' }]);
    const file = join(dir, 'workbook.bin');
    a.save(file);
    const b = LocalAcademy.open(file, bundle);
    expect(b?.readTab('T')?.rows).toEqual([['A', 'x', '']]);
    expect(b?.now()).toBe(a.now());
    expect(LocalAcademy.open(join(dir, 'none.bin'), bundle)).toBeNull();
  });
});
