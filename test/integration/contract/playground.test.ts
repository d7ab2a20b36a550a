/**
 * The playground server over node:http: the workbook's tabs as Sheets shows them (every cell escaped,
 * values under their number format as `getDisplayValues` gives them, checkboxes and dropdowns from the
 * data validation, notes), the snapshot as JSON, Google links served locally, the viewer switch and
 * the time controls, and Italian errors.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPlaygroundServer } from '../../../src/local/playground/server';
import { LocalAcademy } from '../../../src/local/runtime/session';

const BUNDLE = `
function onOpen() {
  SpreadsheetApp.getUi().createMenu('Academy4PA').addItem('Prepara', 'prepare').addItem('Conferma', 'confirm').addToUi();
}
function confirm() {
  var ui = SpreadsheetApp.getUi();
  if (ui.alert('Conferma', 'Procedere?', ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
  SpreadsheetApp.getActiveSpreadsheet().insertSheet('Confermato');
  ui.alert('Fatto');
}
function prepare() {
  var app = SpreadsheetApp;
  var sheet = app.getActiveSpreadsheet().insertSheet('Comuni <b>');
  sheet.getRange(1, 1, 2, 7).setValues([
    ['Comune', 'Quota pagata', 'Data', 'Ore', 'Riempimento %', 'Quota (€)', 'Stato'],
    ['<script>alert(1)</script> & Co', true, new Date('2027-03-02T00:00:00+01:00'), 2.5, 1.0667, 1234.5, 'Aperto']
  ]);
  sheet.getRange('B2').setDataValidation(app.newDataValidation().requireCheckbox().build());
  sheet.getRange('E2').setNumberFormat('0%');
  sheet.getRange('F2').setNumberFormat('#,##0.00 "€"');
  sheet.getRange('G2').setDataValidation(app.newDataValidation().requireValueInList(['Aperto', 'Chiuso']).build());
  sheet.getRange('A2').setNote('Nota <i>');
  sheet.setFrozenRows(1);
  return app.getActiveSpreadsheet().getUrl();
}
function meetLink() { return 'Entra: https://meet.google.com/abc-defg-hij e https://example.org/altro'; }
`;

const dir = mkdtempSync(join(tmpdir(), 'a4pa-playground-'));
writeFileSync(join(dir, 'Code.js'), BUNDLE);

let server: Server;
let base: string;
let spreadsheetUrl = '';

beforeAll(async () => {
  const academy = LocalAcademy.fresh({ start: '2027-02-01T09:00:00+01:00', bundle: join(dir, 'Code.js') });
  const prepared = academy.call('prepare');
  expect(prepared).toMatchObject({ ok: true });
  spreadsheetUrl = String(prepared.value);
  server = createPlaygroundServer(academy);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
});

async function page(path: string): Promise<string> {
  const response = await fetch(`${base}${path}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  return response.text();
}

describe('the playground server', () => {
  it('shows the chosen tab as Sheets does, escaped, with the sheet tabs at the bottom', async () => {
    const html = await page(`/?tab=${encodeURIComponent('Comuni <b>')}`);
    expect(html).toContain(
      '<a href="/?tab=Comuni+%3Cb%3E" data-tab="Comuni &lt;b&gt;" aria-current="page">Comuni &lt;b&gt;</a>',
    );
    expect(html).toMatch(
      /<td class="editable has-note"[^>]* title="Nota &lt;i&gt;"[^>]*>&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; Co<\/td>/,
    );
    expect(html).toContain('<input type="checkbox" aria-label="Quota pagata, riga 2" checked>');
    expect(html).toMatch(/aria-label="Data, riga 2">02\/03\/2027<\/td>/);
    expect(html).toMatch(/aria-label="Ore, riga 2">2,5<\/td>/);
    expect(html).toMatch(/aria-label="Riempimento %, riga 2">107%<\/td>/);
    expect(html).toMatch(/aria-label="Quota \(€\), riga 2">1\.234,50 €<\/td>/);
    expect(html).toMatch(
      /class="editable dropdown"[^>]*data-list="\[&quot;Aperto&quot;,&quot;Chiuso&quot;\]">Aperto<\/td>/,
    );
    expect(html).toContain('<tr class="frozen">');
    expect(html).not.toContain('<script>alert(1)');
  });

  it('runs onOpen as the spreadsheet opens, so the menu bar holds the add-on menu and its items', async () => {
    const html = await page('/');
    expect(html).toContain('<button type="button" role="menuitem" data-fn="prepare">Prepara</button>');
  });

  // catalogue: HTML-ALERT-ANSWER
  it("asks a menu item's question on the page and runs the item again with the button clicked", async () => {
    const menu = async (answers: string[]): Promise<{ ok: boolean; shown: { alerts: unknown[] } }> => {
      const response = await fetch(`${base}/api/menu`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ fn: 'confirm', answers }),
      });
      return (await response.json()) as { ok: boolean; shown: { alerts: unknown[] } };
    };
    const tabs = async (): Promise<string[]> => {
      const snapshot = (await (await fetch(`${base}/api/snapshot`)).json()) as { sheets: Record<string, unknown> };
      return Object.keys(snapshot.sheets);
    };
    const asked = await menu([]);
    expect(asked.shown.alerts).toEqual([
      { title: 'Conferma', prompt: 'Procedere?', buttons: 'YES_NO', answer: 'CLOSE', unanswered: true },
    ]);
    expect(await tabs()).not.toContain('Confermato');
    expect((await menu(['NO'])).shown.alerts).toEqual([]);
    expect(await tabs()).not.toContain('Confermato');
    const done = await menu(['YES']);
    expect(done).toMatchObject({ ok: true });
    expect(done.shown.alerts).toEqual([{ title: '', prompt: 'Fatto', buttons: 'OK', answer: 'OK', unanswered: false }]);
    expect(await tabs()).toContain('Confermato');
  });

  it('serves the snapshot as JSON', async () => {
    const response = await fetch(`${base}/api/snapshot`);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const snapshot = (await response.json()) as { sheets: Record<string, { rows: unknown[] }>; results: unknown[] };
    expect(snapshot.sheets['Comuni <b>']?.rows).toHaveLength(1);
    expect(snapshot.results).toEqual([]);
  });

  it("turns Google's URLs in a server function's answer into the playground's pages, and drops others", async () => {
    const response = await fetch(`${base}/api/run`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fn: 'meetLink', args: [] }),
    });
    expect(await response.json()).toEqual({
      ok: true,
      value: 'Entra: /meet/abc-defg-hij e https://example.org/altro',
      error: null,
    });
    const id = /\/d\/([\w-]+)/.exec(spreadsheetUrl)?.[1] ?? '';
    expect(id).not.toBe('');
    const sheet = await page(`/?ss=${encodeURIComponent(id)}`);
    expect(sheet).toContain('id="grid"');
  });

  it('keeps whose eyes in a cookie and moves the clock from any page, back to it', async () => {
    const switched = await fetch(`${base}/viewer`, {
      method: 'POST',
      body: new URLSearchParams({ viewer: 'employee:anna.bassi@comune.crema.cr.it', back: '/' }),
      redirect: 'manual',
    });
    expect(switched.status).toBe(303);
    expect(switched.headers.get('location')).toBe('/form');
    const cookie = (switched.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const asEmployee = await (await fetch(`${base}/`, { headers: { cookie } })).text();
    expect(asEmployee).toContain("Devi disporre dell'autorizzazione");
    expect(asEmployee).not.toContain('id="grid"');

    const moved = await fetch(`${base}/clock`, {
      method: 'POST',
      body: new URLSearchParams({ minutes: '1440', back: '/mail?q=x' }),
      redirect: 'manual',
    });
    expect(moved.status).toBe(303);
    expect(moved.headers.get('location')).toBe(
      '/mail?q=x&esito=Orologio+avanzato+di+1+giorno%3B+trigger+eseguiti%3A+0.',
    );
  });

  it('answers 404 in Italian for an unknown page and 405 for anything but reading', async () => {
    const missing = await fetch(`${base}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('Pagina non trovata.');
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
  });

  it('serves its scripts and libraries itself: the bridge bundled from TypeScript, Chart.js and pdf.js', async () => {
    for (const asset of ['bridge.js', 'sheet.js', 'pdf-viewer.js', 'chart.umd.js', 'pdfjs/pdf.min.mjs']) {
      const response = await fetch(`${base}/assets/${asset}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    }
    expect((await fetch(`${base}/assets/../package.json`)).status).toBe(404);
  });
});
