/**
 * The playground server: the workbook's tabs as HTML tables (every cell escaped) and the snapshot as
 * JSON, over node:http.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPlaygroundServer, displayCell } from '../../../src/local/playground/server';
import { LocalAcademy } from '../../../src/local/runtime/session';
import { zonedToUtc } from '../../../src/local/runtime/time';

const BUNDLE = `
function prepare() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Comuni <b>');
  sheet.getRange(1, 1, 2, 4).setValues([['Comune', 'Quota pagata', 'Data', 'Ore'], ['<script>alert(1)</script> & Co', true, new Date('2027-03-02T00:00:00+01:00'), 2.5]]);
}
`;

const dir = mkdtempSync(join(tmpdir(), 'a4pa-playground-'));
writeFileSync(join(dir, 'Code.js'), BUNDLE);

let server: Server;
let base: string;

beforeAll(async () => {
  const academy = LocalAcademy.fresh({ start: '2027-02-01T09:00:00+01:00', bundle: join(dir, 'Code.js') });
  expect(academy.call('prepare')).toMatchObject({ ok: true });
  server = createPlaygroundServer(academy);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
});

describe('the playground server', () => {
  it('lists the tabs and shows the chosen one as an escaped table', async () => {
    const response = await fetch(`${base}/?tab=${encodeURIComponent('Comuni <b>')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain(
      '<a href="/?tab=Comuni%20%3Cb%3E" data-tab="Comuni &lt;b&gt;" aria-current="page">Comuni &lt;b&gt;</a>',
    );
    expect(html).toContain('aria-label="Comune, riga 2">&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</td>');
    expect(html).toContain('<input type="checkbox" aria-label="Quota pagata, riga 2" checked>');
    expect(html).toContain('aria-label="Data, riga 2">02/03/2027</td>');
    expect(html).toContain('aria-label="Ore, riga 2">2,5</td>');
    expect(html).not.toContain('<script>alert(1)');
  });

  it('serves the snapshot as JSON', async () => {
    const response = await fetch(`${base}/api/snapshot`);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const snapshot = (await response.json()) as { sheets: Record<string, { rows: unknown[] }>; results: unknown[] };
    expect(snapshot.sheets['Comuni <b>']?.rows).toHaveLength(1);
    expect(snapshot.results).toEqual([]);
  });

  it('answers 404 in Italian for an unknown page and 405 for anything but reading', async () => {
    const missing = await fetch(`${base}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('Pagina non trovata.');
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
  });
});

describe('cell display', () => {
  it('shows dates, times, checkboxes and decimals as an Italian spreadsheet does', () => {
    expect(displayCell(new Date('2027-03-02T00:00:00+01:00'))).toBe('02/03/2027');
    expect(displayCell(new Date('2027-03-02T14:30:00+01:00'))).toBe('02/03/2027 14:30');
    expect(displayCell(new Date(zonedToUtc({ year: 1899, month: 12, day: 30, hour: 9, minute: 0, second: 0 })))).toBe(
      '09:00',
    );
    expect(displayCell(false)).toBe('☐');
    expect(displayCell(6.5)).toBe('6,5');
    expect(displayCell('')).toBe('');
  });
});
