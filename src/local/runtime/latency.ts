/**
 * The latency model: what one Apps Script service call costs, in milliseconds of Apps Script time.
 * The emulated clock advances by these costs during an execution, so the 6-minute limit bites locally
 * exactly where it would on Google, and `npm run bench` projects seconds from the same figures.
 *
 * Sources (each figure is an estimate from public measurements, not a Google guarantee):
 * - Google's Apps Script best-practices page: a 100x100 grid written cell by cell took about 70 s
 *   (10,000 calls: ~7 ms a call) against about 1 s in one batched call (~0.1 ms a cell).
 * - A public measurement of a 400x10 `setValues`: about 164 ms (4,000 cells: ~0.04 ms a cell above a
 *   fixed cost), and the same write with a flush per row about 12 s (~30 ms a flush).
 * - PropertiesService: about 30 ms a read and 62 ms a write; CacheService about 3 ms a read
 *   (public benchmark of Apps Script storage services).
 * - A certificate (copy a Doc, replace, save, export PDF, mail) takes 2 to 13 s end to end in public
 *   reports: we charge makeCopy 1,500 ms, openById 600 ms, saveAndClose 800 ms, getAs(pdf) 1,500 ms,
 *   createFile 500 ms, a mail with an attachment 600 ms: about 5.5 s, the middle of that range.
 * - Calendar API calls from Apps Script's advanced service: 200-400 ms per request in public reports
 *   (the API's own median is ~150 ms plus Apps Script's URL-fetch overhead); insert with a Meet
 *   conference is the slow end.
 * - TextFinder (`findAll`, `findNext`, `findPrevious`): the search runs on Google's side and only the
 *   matching cells come back, so a find costs a range call's fixed 40 ms plus a tenth of a moved cell
 *   per cell scanned (unverified: no public measurement found; Google recommends TextFinder over
 *   reading and looping for lookups, and public reports call it the fastest lookup).
 * - FormApp: opening a form ~300 ms, each item change ~150 ms (public reports of form generators
 *   taking 10-30 s for 100 items).
 */
export type ServiceName =
  | 'Spreadsheet'
  | 'Forms'
  | 'Calendar'
  | 'Docs'
  | 'Drive'
  | 'Mail'
  | 'Script'
  | 'Lock'
  | 'Properties'
  | 'Cache'
  | 'Utilities'
  | 'Session'
  | 'Html'
  | 'Logger'
  | 'UrlFetch';

export const CONTRACT_SERVICES = ['Spreadsheet', 'Forms', 'Calendar', 'Docs', 'Drive', 'Mail'] as const;
export type ContractService = (typeof CONTRACT_SERVICES)[number];

/** Fixed cost of a call, by service and method; `*` is the service's default. */
const FIXED_MS: Record<ServiceName, Record<string, number>> = {
  Spreadsheet: {
    '*': 7,
    getValues: 40,
    getSheetValues: 40,
    getDisplayValues: 40,
    getFormulas: 40,
    setValues: 40,
    // A one-row write charged like `setValues` (SHEETS-APPENDROW: no public measurement of its own).
    appendRow: 40,
    findAll: 40,
    findNext: 40,
    findPrevious: 40,
    openById: 300,
    getActiveSpreadsheet: 5,
    insertSheet: 150,
    flush: 30,
    setDataValidation: 60,
    setDataValidations: 60,
    protect: 120,
    insertChart: 250,
  },
  Forms: { '*': 150, openById: 300, create: 800, submit: 400 },
  Calendar: { '*': 250, insert: 400, patch: 300, list: 250, get: 200, remove: 250 },
  Docs: { '*': 60, openById: 600, create: 900, saveAndClose: 800, replaceText: 80 },
  Drive: { '*': 200, makeCopy: 1500, getAs: 1500, createFile: 500, getFileById: 150, getFolderById: 150 },
  Mail: { '*': 400, sendEmail: 400, getRemainingDailyQuota: 20 },
  Script: { '*': 80, newTrigger: 200, getProjectTriggers: 100, deleteTrigger: 150 },
  Lock: { '*': 5, waitLock: 20, tryLock: 20 },
  Properties: { '*': 30, setProperty: 62, setProperties: 62, deleteProperty: 62 },
  Cache: { '*': 3, put: 5 },
  Utilities: { '*': 0 },
  Session: { '*': 1 },
  Html: { '*': 5 },
  Logger: { '*': 0 },
  // UrlFetchApp charges its requests itself (see `restRequestMs` and `parallelMs` below).
  UrlFetch: { '*': 0 },
};

/** Cost per cell moved by a batched range read or write (see the best-practices figures above). */
const PER_CELL_MS = 0.03;
/** Cost per cell a TextFinder scans without sending it back (see the sources above). */
const SCAN_MS_PER_CELL = 0.003;
const SCANS: ReadonlySet<string> = new Set(['findAll', 'findNext', 'findPrevious']);

export interface LatencyModel {
  /** Milliseconds one call costs; `cells` is the number of cells a range call moves (0 otherwise). */
  cost(service: ServiceName, method: string, cells?: number): number;
}

export const defaultLatencyModel: LatencyModel = {
  cost(service, method, cells = 0) {
    const table = FIXED_MS[service];
    const fixed = table[method] ?? table['*'] ?? 0;
    const perCell = service === 'Spreadsheet' && SCANS.has(method) ? SCAN_MS_PER_CELL : PER_CELL_MS;
    return fixed + cells * perCell;
  },
};

/**
 * What one REST request costs when the script sends it through `UrlFetchApp` (catalogue:
 * URLFETCH-LATENCY, unverified: estimates, each at the slow end of public figures):
 * - UrlFetch's own overhead: 100 ms a request (the gap between the Calendar API's ~150 ms median and the
 *   advanced service's 200-400 ms above).
 * - The API's processing: Calendar 150 ms a call (its median), and the same for the APIs with no public
 *   figure (Forms, Meet, People); Sheets 150 ms plus the per-cell cost of every cell read or written;
 *   Docs `batchUpdate` 500 ms whatever its number of replacements (one request, applied atomically);
 *   Drive copy 1,200 ms and PDF export 1,500 ms (as `makeCopy` and `getAs` above: the same work on
 *   Google's side), a multipart upload 500 ms (as `createFile`), other Drive calls 150 ms; Gmail send
 *   400 ms (as MailApp).
 * - The Calendar batch endpoint takes its calls apart and runs them (Google's batch guide); whether in
 *   parallel is not documented, so they are charged one after another: 150 ms each on top of one request.
 */
export const URLFETCH_OVERHEAD_MS = 100;

/**
 * A cell of `spreadsheets.get`'s grid data carries its value several ways (as typed, as computed, as
 * shown, its format) where the values API sends one: with no public figure, it is charged as two value
 * cells, what the two readings (serial numbers, then dates as text) it replaces would move.
 */
export const GRID_CELL_WEIGHT = 2;

export function restRequestMs(path: string, innerCalls = 0, cells = 0): number {
  let api = 150;
  if (path.startsWith('/batch/')) api = 150 * innerCalls;
  else if (/^\/v1\/documents\/[^/]+:batchUpdate$/.test(path)) api = 500;
  else if (/^\/drive\/v3\/files\/[^/]+\/copy$/.test(path)) api = 1200;
  else if (/^\/drive\/v3\/files\/[^/]+\/export$/.test(path)) api = 1500;
  else if (path.startsWith('/upload/drive/')) api = 500;
  else if (/\/messages\/send$/.test(path)) api = 400;
  else if (path.startsWith('/v4/spreadsheets')) api = 150 + cells * PER_CELL_MS;
  return URLFETCH_OVERHEAD_MS + api;
}

/**
 * `UrlFetchApp.fetchAll` sends its requests at once and answers in request order (tanaikech's 2018
 * benchmark); how many run together is not documented (reports say about 10-20), so the model takes 10:
 * requests fill 10 slots in order, each starting when a slot frees, and the call lasts until the last
 * one ends (catalogue: URLFETCH-FETCHALL).
 */
export const FETCH_ALL_CONCURRENCY = 10;

export function parallelMs(costs: readonly number[], slots = FETCH_ALL_CONCURRENCY): number {
  const free = new Array<number>(Math.max(1, slots)).fill(0);
  for (const cost of costs) {
    let best = 0;
    for (let i = 1; i < free.length; i++) if ((free[i] as number) < (free[best] as number)) best = i;
    free[best] = (free[best] as number) + cost;
  }
  return Math.max(...free);
}
