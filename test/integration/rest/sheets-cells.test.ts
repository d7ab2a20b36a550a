/**
 * The Sheets v4 requests a report tab needs, through the real googleapis client: values cleared in one
 * `values.batchClear`, number formats (`repeatCell`), notes (`updateCells`), and a chart added, listed,
 * respecified and deleted; a batch with a bad request applies nothing.
 */
import type { Server } from 'node:http';
import { google, type sheets_v4 } from 'googleapis';
import { OAuth2Client } from 'google-auth-library';
import { LocalAcademy } from '../../../src/local/runtime/session';
import { prepareAcademy } from '../../../src/local/scenario/runner';
import { startRestServer } from '../../../src/local/rest/server';
import { sheetByName, spreadsheetData, type SheetData } from '../../../src/local/services/spreadsheet/model';
import { sandboxFetch } from './node-fetch';

let academy: LocalAcademy;
let server: Server;
let sheets: sheets_v4.Sheets;
const TAB = 'Report comuni';

beforeAll(async () => {
  academy = LocalAcademy.fresh({ start: '2027-02-01T09:00:00+01:00' });
  prepareAcademy(academy, { settings: { 'Anno formativo': 2027 }, registry: {} });
  const started = await startRestServer({ ws: academy.ws });
  server = started.server;
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'local-test-token' });
  sheets = google.sheets({ version: 'v4', auth, rootUrl: started.url, fetchImplementation: sandboxFetch });
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function tab(): SheetData {
  const sheet = sheetByName(spreadsheetData(academy.ws, academy.spreadsheetId), TAB);
  if (!sheet) throw new Error(`missing ${TAB}`);
  return sheet;
}

async function errorOf(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { status?: number; response?: { status?: number }; message: string };
    return { status: e.status ?? e.response?.status ?? 0, message: e.message };
  }
  throw new Error('the request did not fail');
}

describe('Sheets v4 cells and charts', () => {
  it('clears values only, bounded to the sheet, and names the ranges cleared', async () => {
    const spreadsheetId = academy.spreadsheetId;
    await sheets.spreadsheets.values.update({
      spreadsheetId,
      range: `'${TAB}'!A1:B3`,
      valueInputOption: 'RAW',
      requestBody: {
        values: [
          ['Comune', 'Ore'],
          ['Crema', 12],
          ['Lodi', 4],
        ],
      },
    });
    tab().rows[2]![1]!.nf = '0.0';
    const { data } = await sheets.spreadsheets.values.batchClear({
      spreadsheetId,
      requestBody: { ranges: [`'${TAB}'!A3:B`] },
    });
    // catalogue: REST-SHEETS-BATCHCLEAR
    expect(data.clearedRanges).toEqual([`'${TAB}'!A3:B${tab().maxRows}`]);
    const left = await sheets.spreadsheets.values.get({ spreadsheetId, range: `'${TAB}'!A1:B5` });
    expect(left.data.values).toEqual([
      ['Comune', 'Ore'],
      ['Crema', '12'],
    ]);
    expect(tab().rows[2]![1]!.nf).toBe('0.0');
  });

  it('sets number formats over a range and a note on one cell, changing only what fields names', async () => {
    const spreadsheetId = academy.spreadsheetId;
    const sheetId = tab().id;
    await sheets.spreadsheets.batchUpdate({
      spreadsheetId,
      requestBody: {
        requests: [
          {
            repeatCell: {
              range: { sheetId, startRowIndex: 1, endRowIndex: 3, startColumnIndex: 1, endColumnIndex: 2 },
              cell: { userEnteredFormat: { numberFormat: { type: 'NUMBER', pattern: '0.0' } }, note: 'ignored' },
              fields: 'userEnteredFormat.numberFormat',
            },
          },
          {
            updateCells: {
              start: { sheetId, rowIndex: 0, columnIndex: 0 },
              rows: [{ values: [{ note: 'Academy4PA: 2 righe escluse' }] }],
              fields: 'note',
            },
          },
        ],
      },
    });
    // catalogue: REST-SHEETS-CELLS
    expect(tab().rows[1]![1]!.nf).toBe('0.0');
    expect(tab().rows[2]![1]!.nf).toBe('0.0');
    expect(tab().rows[1]![1]!.note).toBeUndefined();
    expect(tab().rows[0]![0]!.note).toBe('Academy4PA: 2 righe escluse');

    const refused = await errorOf(
      sheets.spreadsheets.batchUpdate({
        spreadsheetId,
        requestBody: {
          requests: [
            {
              updateCells: {
                start: { sheetId, rowIndex: 0, columnIndex: 0 },
                rows: [{ values: [{ note: '' }] }],
                fields: 'note',
              },
            },
            { repeatCell: { range: { sheetId, startRowIndex: 0, endRowIndex: 1 }, cell: {} } },
          ],
        },
      }),
    );
    expect(refused.status).toBe(400);
    expect(refused.message).toContain('requests[1].repeatCell');
    // catalogue: REST-SHEETS-BATCHUPDATE — the first request was not applied either.
    expect(tab().rows[0]![0]!.note).toBe('Academy4PA: 2 righe escluse');

    const outside = await errorOf(
      sheets.spreadsheets.batchUpdate({
        spreadsheetId,
        requestBody: {
          requests: [
            {
              repeatCell: {
                range: { sheetId, startRowIndex: 0, endRowIndex: tab().maxRows + 1 },
                cell: {},
                fields: 'note',
              },
            },
          ],
        },
      }),
    );
    expect(outside).toEqual({ status: 400, message: expect.stringContaining('exceeds grid limits') });
  });

  it('adds a column chart, lists it in spreadsheets.get, respecifies it and deletes it', async () => {
    const spreadsheetId = academy.spreadsheetId;
    const sheetId = tab().id;
    const column = (c: number) => ({
      sourceRange: {
        sources: [{ sheetId, startRowIndex: 0, endRowIndex: 3, startColumnIndex: c, endColumnIndex: c + 1 }],
      },
    });
    const spec = (title: string): sheets_v4.Schema$ChartSpec => ({
      title,
      basicChart: {
        chartType: 'COLUMN',
        legendPosition: 'NO_LEGEND',
        headerCount: 1,
        axis: [{ position: 'LEFT_AXIS', title: 'Ore', viewWindowOptions: { viewWindowMin: 0, viewWindowMax: 40 } }],
        domains: [{ domain: column(0) }],
        series: [{ series: column(1) }],
      },
    });
    const added = await sheets.spreadsheets.batchUpdate({
      spreadsheetId,
      requestBody: {
        requests: [
          {
            addChart: {
              chart: {
                spec: spec('Ore medie'),
                position: { overlayPosition: { anchorCell: { sheetId, rowIndex: 0, columnIndex: 3 } } },
              },
            },
          },
        ],
      },
    });
    const chartId = added.data.replies?.[0]?.addChart?.chart?.chartId;
    expect(typeof chartId).toBe('number');
    // catalogue: REST-SHEETS-CHARTS — the model Apps Script's EmbeddedChart reads.
    expect(tab().charts).toEqual([
      {
        id: chartId,
        type: 'COLUMN',
        ranges: [
          { sheetName: TAB, a1: 'A1:A3' },
          { sheetName: TAB, a1: 'B1:B3' },
        ],
        position: { row: 1, column: 4, offsetX: 0, offsetY: 0 },
        options: {
          title: 'Ore medie',
          'legend.position': 'none',
          'vAxis.title': 'Ore',
          'vAxis.minValue': 0,
          'vAxis.maxValue': 40,
          numHeaders: 1,
        },
      },
    ]);

    await sheets.spreadsheets.batchUpdate({
      spreadsheetId,
      requestBody: { requests: [{ updateChartSpec: { chartId, spec: spec('Ore medie 2027') } }] },
    });
    const meta = await sheets.spreadsheets.get({ spreadsheetId });
    const listed = meta.data.sheets?.find((s) => s.properties?.title === TAB)?.charts ?? [];
    expect(listed.map((c) => [c.chartId, c.spec?.title, c.spec?.basicChart?.chartType])).toEqual([
      [chartId, 'Ore medie 2027', 'COLUMN'],
    ]);

    await sheets.spreadsheets.batchUpdate({
      spreadsheetId,
      requestBody: { requests: [{ deleteEmbeddedObject: { objectId: chartId } }] },
    });
    expect(tab().charts).toEqual([]);
    const gone = await errorOf(
      sheets.spreadsheets.batchUpdate({
        spreadsheetId,
        requestBody: { requests: [{ deleteEmbeddedObject: { objectId: chartId } }] },
      }),
    );
    expect(gone.status).toBe(400);
  });
});
