/**
 * `spreadsheets.get` with ranges and grid data, through the real googleapis client (catalogue:
 * REST-SHEETS-GRID-DATA): the sheets the ranges touch, one block per range placed by its zero-based
 * start, empty trailing rows and cells left out, and each cell as computed, as shown and by its format.
 */
import type { Server } from 'node:http';
import { google, type sheets_v4 } from 'googleapis';
import { OAuth2Client } from 'google-auth-library';
import { LocalAcademy } from '../../../src/local/runtime/session';
import { prepareAcademy } from '../../../src/local/scenario/runner';
import { startRestServer } from '../../../src/local/rest/server';
import { sandboxFetch } from './node-fetch';
import type { Variant } from '../../../src/local/runtime/variant';

const CELLS =
  'sheets(properties(title,index),data(startRow,startColumn,rowData.values(effectiveValue,formattedValue,effectiveFormat.numberFormat.type)))';

interface Stand {
  academy: LocalAcademy;
  server: Server;
  sheets: sheets_v4.Sheets;
}

async function stand(variant: Variant): Promise<Stand> {
  const academy = LocalAcademy.fresh({ start: '2027-02-01T09:00:00+01:00', variant });
  prepareAcademy(academy, {
    settings: { 'Anno formativo': 2027 },
    registry: {
      Corsi: [
        { Codice: 'EXC', Titolo: 'Excel', Ore: 6, Modalità: 'Online', Posti: 20, Stato: 'Iscrizioni aperte' },
        { Codice: 'GDP', Titolo: 'GDPR', Ore: 4, Modalità: 'In presenza', Posti: 0, Stato: 'Bozza' },
      ],
      Sessioni: [{ Corso: 'EXC', Data: '2027-03-02', Inizio: '09:00', Fine: '12:00' }],
    },
  });
  const started = await startRestServer({ ws: academy.ws });
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'local-test-token' });
  const sheets = google.sheets({ version: 'v4', auth, rootUrl: started.url, fetchImplementation: sandboxFetch });
  return { academy, server: started.server, sheets };
}

const stands = new Map<Variant, Stand>();

beforeAll(async () => {
  for (const variant of ['strict', 'lenient'] as const) stands.set(variant, await stand(variant));
});

afterAll(async () => {
  for (const { server } of stands.values()) await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The cells of the ranges, through the mask a submission's read uses. */
async function cellsOf(variant: Variant, ranges: string[]): Promise<{ data: sheets_v4.Schema$Spreadsheet }> {
  const { academy, sheets } = on(variant);
  return sheets.spreadsheets.get({ spreadsheetId: academy.spreadsheetId, ranges, fields: CELLS });
}

function on(variant: Variant): { academy: LocalAcademy; sheets: sheets_v4.Sheets } {
  const found = stands.get(variant);
  if (!found) throw new Error(`no ${variant} stand`);
  return found;
}

function header(sheet: sheets_v4.Schema$Sheet | undefined): string[] {
  return (sheet?.data?.[0]?.rowData?.[0]?.values ?? []).map((v) => String(v.formattedValue ?? ''));
}

// catalogue: REST-SHEETS-GRID-DATA
describe.each(['strict', 'lenient'] as const)('spreadsheets.get with grid data (%s)', (variant) => {
  it('lists only the sheets the ranges touch, in the spreadsheet order, each block placed by its start', async () => {
    const got = await cellsOf(variant, ["'Sessioni'!A2:Z", "'Corsi'!B3:C", "'Corsi'!1:1"]);
    const listed = got.data.sheets ?? [];
    expect(listed).toHaveLength(2);
    const indexes = listed.map((s) => s.properties?.index ?? 0);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    const courses = listed.find((s) => s.properties?.title === 'Corsi');
    // Two blocks, each at its zero-based start (a zero start left out of the JSON); strictly by position,
    // leniently in the order asked.
    const blocks = courses?.data ?? [];
    const starts = blocks.map((b) => [b.startRow ?? 0, b.startColumn ?? 0]);
    expect(starts).toEqual(
      variant === 'strict'
        ? [
            [0, 0],
            [2, 1],
          ]
        : [
            [2, 1],
            [0, 0],
          ],
    );
    const top = blocks.find((b) => b.startRow === undefined);
    expect(top).not.toHaveProperty('startColumn');
    const names = (top?.rowData?.[0]?.values ?? []).map((v) => v.formattedValue);
    expect(names[1]).toBe('Titolo');
    // B3:C from the second course's row: its title first, and nothing below it.
    const third = blocks.find((b) => b.startRow === 2);
    expect(third?.rowData).toHaveLength(1);
    expect(third?.rowData?.[0]?.values?.[0]?.formattedValue).toBe('GDPR');
  });

  it('gives a date as a serial number with its text and a DATE format, text as text, and no rows past the last', async () => {
    const got = await cellsOf(variant, ["'Sessioni'"]);
    const sessions = got.data.sheets?.[0];
    const names = header(sessions);
    const rows = sessions?.data?.[0]?.rowData ?? [];
    // The header and one session: rows below the last with content are left out.
    expect(rows).toHaveLength(2);
    const cell = (name: string) => rows[1]?.values?.[names.indexOf(name)];
    expect(cell('Data')?.effectiveValue).toEqual({ numberValue: 46448 });
    expect(cell('Data')?.effectiveFormat?.numberFormat?.type).toBe('DATE');
    expect(typeof cell('Data')?.formattedValue).toBe('string');
    expect(cell('Inizio')?.effectiveFormat?.numberFormat?.type).toBe('TIME');
    expect(cell('Corso')?.effectiveValue).toEqual({ stringValue: 'EXC' });
    expect(cell('Corso')?.effectiveFormat?.numberFormat?.type).toBe('TEXT');
    // The session's row has empty cells at its end: strictly left out, leniently empty objects to the
    // sheet's last column with content (the header's).
    const values = rows[1]?.values ?? [];
    if (variant === 'strict') {
      expect(values.length).toBeLessThan(names.length);
      expect(values.at(-1)).not.toEqual({});
    } else {
      expect(values).toHaveLength(names.length);
      expect(values.at(-1)).toEqual({});
    }
  });

  it('answers an empty block without rowData, and no grid data without a mask naming it', async () => {
    const { academy, sheets } = on(variant);
    const empty = await cellsOf(variant, ["'Sessioni'!A50:C60"]);
    expect(empty.data.sheets?.[0]?.data).toEqual([{ startRow: 49 }]);
    // A fields mask wins over includeGridData (Google's reference for spreadsheets.get).
    const masked = await sheets.spreadsheets.get({
      spreadsheetId: academy.spreadsheetId,
      ranges: ["'Sessioni'"],
      includeGridData: true,
      fields: 'sheets.properties.title',
    });
    expect(masked.data).toEqual({ sheets: [{ properties: { title: 'Sessioni' } }] });
    const plain = await sheets.spreadsheets.get({ spreadsheetId: academy.spreadsheetId, ranges: ["'Sessioni'"] });
    expect(plain.data.sheets?.[0]).not.toHaveProperty('data');
  });
});
