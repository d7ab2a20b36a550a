/**
 * The preview of *Nuovo anno formativo* on a registry with rows of each kind (a concluded course with
 * certificates to issue, one issued and unsent, a waitlist, requests waiting for approval and from
 * unknown senders, an invalid row, blank rows): the figures it gave when it read each tab on its own,
 * now from one read of each tab.
 */
import * as sheetsValues from '../../../src/local/rest/sheets-values';
import { resolveRange } from '../../../src/local/rest/sheets-ranges';
import { hostAppendRecords } from '../../../src/local/services/spreadsheet';
import { SheetFacade } from '../../../src/local/services/spreadsheet/sheet';
import { ARCHIVE_2027, expectOk, yearEndAcademy } from './academy';

jest.setTimeout(60_000);

type Academy = Awaited<ReturnType<typeof yearEndAcademy>>;

/**
 * The Spreadsheet calls of one preview at 10,000 employees (`year-preview@10k`): the small registry's
 * are fewer, since its rows fit in fewer requests.
 */
const SPREADSHEET_CALLS_AT_10K = 28;

async function academyOfEachKind(): Promise<Academy> {
  const academy = await yearEndAcademy();
  academy.edit('Corsi', { Codice: 'EXC-BASE' }, { Stato: 'Concluso' });
  const luca = 'luca.ferrari@comune.crema.cr.it';
  hostAppendRecords(academy.ws, academy.spreadsheetId, 'Attestati', [
    { Numero: 'A4PA-2027-00001', Corso: 'EXC-BASE', Dipendente: 'D00002', Email: luca, 'Ore frequentate': 6 },
    {
      Numero: 'A4PA-2027-00002',
      Corso: 'PEC-2027',
      Dipendente: 'D00001',
      'Ore frequentate': 3,
      'Inviato il': new Date('2027-04-08T10:00:00Z'),
    },
  ]);
  hostAppendRecords(academy.ws, academy.spreadsheetId, 'Iscrizioni', [
    {
      ID: 'I00010',
      'Data richiesta': new Date('2027-02-01T09:00:00Z'),
      Corso: 'PEC-2027',
      Email: luca,
      Dipendente: 'D00002',
      Stato: 'In approvazione',
    },
    {
      ID: 'I00011',
      'Data richiesta': new Date('2027-02-02T09:00:00Z'),
      Corso: 'PEC-2027',
      Email: 'chi@altrove.it',
      Stato: 'Da verificare',
    },
    {
      ID: 'I00012',
      'Data richiesta': new Date('2027-02-03T09:00:00Z'),
      Corso: 'PEC-2027',
      Email: luca,
      Stato: 'Forse',
    },
  ]);
  hostAppendRecords(academy.ws, academy.spreadsheetId, 'Presenze', [{ Presente: false }]);
  return academy;
}

interface Read {
  tab: string;
  /** `values` for getValues and the API's serial reading, `dates` for the API's second reading of the date columns. */
  kind: 'values' | 'dates';
  rows: [number, number];
  columns: [number, number];
}

/** Every cell read during `fn`, by tab: through `getSheetValues` and through the Sheets API's `values.batchGet`. */
function readsDuring(fn: () => void): Read[] {
  const reads: Read[] = [];
  const getSheetValues = SheetFacade.prototype.getSheetValues;
  const whole = jest.spyOn(SheetFacade.prototype, 'getSheetValues').mockImplementation(function (
    this: SheetFacade,
    row: number,
    column: number,
    rows: number,
    columns: number,
  ) {
    const grid = getSheetValues.call(this, row, column, rows, columns);
    const width = grid[0]?.length ?? 0;
    reads.push({
      tab: this.getName(),
      kind: 'values',
      rows: [row, row + grid.length - 1],
      columns: [column, column + width - 1],
    });
    return grid;
  });
  const valueRange = sheetsValues.valueRange;
  const api = jest.spyOn(sheetsValues, 'valueRange').mockImplementation((ss, notation, options, nowMs) => {
    const { sheet, area } = resolveRange(ss, notation);
    reads.push({
      tab: sheet.name,
      kind: options.dateRender === 'FORMATTED_STRING' ? 'dates' : 'values',
      rows: [area.row, area.row + area.numRows - 1],
      columns: [area.column, area.column + area.numColumns - 1],
    });
    return valueRange(ss, notation, options, nowMs);
  });
  try {
    fn();
  } finally {
    whole.mockRestore();
    api.mockRestore();
  }
  return reads;
}

function overlap(a: Read, b: Read): boolean {
  const meet = (x: [number, number], y: [number, number]) => x[0] <= y[1] && y[0] <= x[1];
  return a.tab === b.tab && a.kind === b.kind && meet(a.rows, b.rows) && meet(a.columns, b.columns);
}

function cellsReadTwice(reads: readonly Read[]): Array<[Read, Read]> {
  return reads.flatMap((a, i) =>
    reads.slice(i + 1).flatMap((b): Array<[Read, Read]> => (overlap(a, b) ? [[a, b]] : [])),
  );
}

const ROWS = [
  { tab: 'Corsi', count: 3 },
  { tab: 'Sessioni', count: 3 },
  { tab: 'Iscrizioni', count: 7 },
  { tab: 'Presenze', count: 4 },
  { tab: 'Attestati', count: 2 },
  { tab: 'Formazione esterna', count: 2 },
];

const UNFINISHED = [
  "1 richiesta in lista d'attesa: EXC-BASE (1).",
  "1 richiesta attende l'approvazione del referente.",
  '1 richiesta «Da verificare» senza dipendente.',
  // Anna's, present at both sessions of EXC-BASE: Luca's is issued, Giulia waits for a seat.
  '1 attestato da emettere per i corsi conclusi («Emetti attestati»).',
  '1 attestato emesso non ancora inviato.',
];

describe('previewTrainingYear', () => {
  test('gives the same figures, reading each tab once', async () => {
    const academy = await academyOfEachKind();
    academy.ws.resetCounts();
    let run: ReturnType<Academy['call']> | undefined;
    const reads = readsDuring(() => {
      run = academy.call('previewTrainingYear', [2028]);
    });
    if (!run) throw new Error('no run');
    expectOk(run);
    expect(run.value).toEqual({
      closing: 2027,
      opening: 2028,
      archive: ARCHIVE_2027,
      rows: ROWS,
      editions: [
        { from: 'EXC-BASE', to: 'EXC-BASE-2028', title: 'Excel di base' },
        { from: 'PEC-2027', to: 'PEC-2028', title: 'PEC e firma digitale' },
      ],
      unfinished: UNFINISHED,
      blocked: '',
      formUrl: expect.stringMatching(/^https:\/\//),
      message:
        "Chiusura del 2027 e apertura del 2028: 21 righe nell'archivio «Academy4PA - Archivio 2027», 2 corsi " +
        'copiati in Bozza con i nuovi codici, numerazione attestati da A4PA-2028-00001, stesso modulo di ' +
        `iscrizione (stesso indirizzo), impostazioni invariate. Lavoro non concluso: ${UNFINISHED.join(' ')}`,
    });
    expect(cellsReadTwice(reads)).toEqual([]);
    // `Dipendenti` is not needed: the certificates to issue are counted without the people's names.
    expect([...new Set(reads.map((r) => r.tab))].sort()).toEqual(['Impostazioni', ...ROWS.map((r) => r.tab)].sort());
    expect(academy.ws.counts.Spreadsheet).toBeLessThanOrEqual(SPREADSHEET_CALLS_AT_10K);
  });

  test('when the change is refused, still counts the rows that would move, reading each tab once', async () => {
    const academy = await academyOfEachKind();
    let run: ReturnType<Academy['call']> | undefined;
    const reads = readsDuring(() => {
      run = academy.call('previewTrainingYear', [2029]);
    });
    if (!run) throw new Error('no run');
    expectOk(run);
    expect(run.value).toMatchObject({ rows: ROWS, unfinished: [], blocked: expect.stringMatching(/non il 2029/) });
    expect(cellsReadTwice(reads)).toEqual([]);
  });
});
