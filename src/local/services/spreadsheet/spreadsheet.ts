/** The emulated Spreadsheet, and how tabs are added and activated. */
import type { Workspace } from '../../runtime/workspace';
import {
  DEFAULT_SHEET_PREFIX,
  a1FrameOf,
  conventionsOf,
  MESSAGES,
  newSheetData,
  parseA1,
  sheetById,
  sheetByName,
  splitSheetPrefix,
  spreadsheetData,
  type SheetData,
  type SpreadsheetData,
} from './model';
import { assertInside } from './cells';
import { gate } from './gate';
import { ProtectionFacade } from './protection';
import { RangeFacade } from './range';
import { SheetFacade } from './sheet';
import { TextFinderFacade, finderTarget } from './text-finder';
import { UserFacade, emailOf } from './user';

export class SpreadsheetFacade {
  constructor(
    private readonly ws: Workspace,
    readonly ssId: string,
  ) {}

  private data(method: string): SpreadsheetData {
    gate(this.ws, method);
    return spreadsheetData(this.ws, this.ssId);
  }

  private sheetFacade(sheet: SheetData): SheetFacade {
    return new SheetFacade(this.ws, this.ssId, sheet.id);
  }

  getId(): string {
    return this.ssId;
  }
  getName(): string {
    return this.data('getName').name;
  }
  rename(name: string): void {
    this.data('rename').name = String(name);
  }
  getUrl(): string {
    gate(this.ws, 'getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.ssId}/edit`;
  }
  getSheets(): SheetFacade[] {
    return this.data('getSheets').sheets.map((s) => this.sheetFacade(s));
  }
  getNumSheets(): number {
    return this.data('getNumSheets').sheets.length;
  }
  getSheetByName(name: string): SheetFacade | null {
    const sheet = sheetByName(this.data('getSheetByName'), String(name));
    return sheet ? this.sheetFacade(sheet) : null;
  }
  getSheetById(id: number): SheetFacade | null {
    const sheet = this.data('getSheetById').sheets.find((s) => s.id === id);
    return sheet ? this.sheetFacade(sheet) : null;
  }
  insertSheet(nameOrIndex?: unknown, index?: unknown): SheetFacade {
    const ss = this.data('insertSheet');
    const name = typeof nameOrIndex === 'string' ? nameOrIndex : undefined;
    const at = typeof nameOrIndex === 'number' ? nameOrIndex : typeof index === 'number' ? index : undefined;
    const sheet = addSheet(this.ws, ss, name, at);
    ss.activeSheetId = sheet.id;
    ss.activeRange = null;
    return this.sheetFacade(sheet);
  }
  deleteSheet(sheet: SheetFacade): void {
    const ss = this.data('deleteSheet');
    if (ss.sheets.length <= 1) throw new Error(MESSAGES.deleteAllSheets);
    ss.sheets = ss.sheets.filter((s) => s.id !== sheet.sheetId);
    ss.protections = ss.protections.filter((p) => p.sheetId !== sheet.sheetId);
    if (ss.activeSheetId === sheet.sheetId) {
      ss.activeSheetId = (ss.sheets[0] as SheetData).id;
      ss.activeRange = null;
    }
  }
  getEditors(): UserFacade[] {
    return this.data('getEditors').editors.map((e) => new UserFacade(e));
  }
  getViewers(): UserFacade[] {
    const ss = this.data('getViewers');
    return [...ss.editors, ...ss.viewers].map((e) => new UserFacade(e));
  }
  getOwner(): UserFacade {
    return new UserFacade(this.data('getOwner').owner);
  }
  addEditor(user: unknown): SpreadsheetFacade {
    const ss = this.data('addEditor');
    const email = emailOf(user);
    if (!ss.editors.includes(email)) ss.editors.push(email);
    return this;
  }
  addEditors(users: unknown[]): SpreadsheetFacade {
    const ss = this.data('addEditors');
    for (const u of users) {
      const email = emailOf(u);
      if (!ss.editors.includes(email)) ss.editors.push(email);
    }
    return this;
  }
  removeEditor(user: unknown): SpreadsheetFacade {
    const ss = this.data('removeEditor');
    const email = emailOf(user);
    if (email !== ss.owner) ss.editors = ss.editors.filter((e) => e !== email);
    return this;
  }
  toast(message: unknown, title?: unknown, timeoutSeconds?: unknown): void {
    this.data('toast').ui.toasts.push({
      message: String(message),
      title: title === undefined ? '' : String(title),
      timeoutSeconds: typeof timeoutSeconds === 'number' ? timeoutSeconds : null,
    });
  }
  /** catalogue: SHEETS-TIMEZONE-LOCALE — the spreadsheet's own zone, not the script's. */
  getSpreadsheetTimeZone(): string {
    return conventionsOf(this.data('getSpreadsheetTimeZone')).timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    const ss = this.data('setSpreadsheetTimeZone');
    if (!isTimeZone(timezone)) throw new Error(MESSAGES.invalidArgument('timezone'));
    ss.timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    return conventionsOf(this.data('getSpreadsheetLocale')).locale;
  }
  setSpreadsheetLocale(locale: string): void {
    const ss = this.data('setSpreadsheetLocale');
    if (typeof locale !== 'string' || !/^[a-z]{2,3}(_[A-Z]{2})?$/.test(locale))
      throw new Error(MESSAGES.invalidArgument('locale'));
    ss.locale = locale;
  }
  getActiveSheet(): SheetFacade {
    const ss = this.data('getActiveSheet');
    return this.sheetFacade(sheetById(ss, ss.activeSheetId));
  }
  setActiveSheet(sheet: SheetFacade): SheetFacade {
    const ss = this.data('setActiveSheet');
    ss.activeSheetId = sheet.sheetId;
    ss.activeRange = null;
    return sheet;
  }
  getActiveRange(): RangeFacade | null {
    return activeRangeOf(this.ws, this.data('getActiveRange'));
  }
  setActiveRange(range: RangeFacade): RangeFacade {
    activate(this.data('setActiveRange'), range);
    return range;
  }
  getRange(a1: string): RangeFacade {
    const ss = this.data('getRange');
    const { sheetName, a1: ref } = splitSheetPrefix(String(a1));
    const sheet = sheetName === null ? sheetById(ss, ss.activeSheetId) : sheetByName(ss, sheetName);
    if (!sheet) throw new Error(MESSAGES.rangeNotFound);
    const area = parseA1(ref, sheet.maxRows, sheet.maxColumns);
    if (!area) throw new Error(MESSAGES.rangeNotFound);
    return new RangeFacade(this.ws, this.ssId, sheet.id, assertInside(sheet, area), a1FrameOf(ref));
  }
  /** Every sheet's data, in tab order (catalogue: SHEETS-TEXTFINDER-ORDER). */
  createTextFinder(findText: string): TextFinderFacade<RangeFacade> {
    const ss = this.data('createTextFinder');
    const targets = ss.sheets.map((sheet) =>
      finderTarget(this.ws, this.ssId, sheet.id, null, (area) => new RangeFacade(this.ws, this.ssId, sheet.id, area)),
    );
    return new TextFinderFacade(this.ws, this.ssId, targets, String(findText));
  }
  getProtections(type: unknown): ProtectionFacade[] {
    const ss = this.data('getProtections');
    return ss.protections
      .filter((p) => p.type === String(type))
      .map((p) => new ProtectionFacade(this.ws, this.ssId, p.id));
  }
  toString(): string {
    return 'Spreadsheet';
  }
}

function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function addSheet(
  ws: Workspace,
  ss: SpreadsheetData,
  name: string | undefined,
  index: number | undefined,
): SheetData {
  let sheetName = name;
  if (sheetName === undefined) {
    let n = ss.sheets.length + 1;
    while (sheetByName(ss, `${DEFAULT_SHEET_PREFIX}${n}`)) n += 1;
    sheetName = `${DEFAULT_SHEET_PREFIX}${n}`;
  }
  if (sheetByName(ss, sheetName)) throw new Error(MESSAGES.sheetExists(sheetName));
  let id = 0;
  while (id === 0 || ss.sheets.some((s) => s.id === id)) id = 1 + Math.floor(ws.random() * 2_000_000_000);
  const sheet = newSheetData(ss.sheets.length === 0 ? 0 : id, sheetName);
  const at = index === undefined ? ss.sheets.length : Math.max(0, Math.min(index, ss.sheets.length));
  ss.sheets.splice(at, 0, sheet);
  return sheet;
}

export function activate(ss: SpreadsheetData, range: RangeFacade): void {
  ss.activeSheetId = range.sheetId;
  ss.activeRange = { sheetId: range.sheetId, ...range.area };
}

export function activeRangeOf(ws: Workspace, ss: SpreadsheetData): RangeFacade {
  const sheet = sheetById(ss, ss.activeSheetId);
  const area =
    ss.activeRange && ss.activeRange.sheetId === sheet.id
      ? ss.activeRange
      : { row: 1, column: 1, numRows: 1, numColumns: 1 };
  return new RangeFacade(ws, ss.id, sheet.id, {
    row: area.row,
    column: area.column,
    numRows: area.numRows,
    numColumns: area.numColumns,
  });
}
