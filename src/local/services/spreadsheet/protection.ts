/** The emulated Protection, and who may edit a protected range or sheet (catalogue: SHEETS-PROTECTION). */
import type { Workspace } from '../../runtime/workspace';
import {
  MESSAGES,
  sheetById,
  spreadsheetData,
  type GridArea,
  type ProtectionData,
  type SpreadsheetData,
} from './model';
import { gate } from './gate';
import { RangeFacade } from './range';
import { UserFacade, emailOf } from './user';

/** Who is editing in the current execution: the active user, or the owner when Google would not say. */
function editingIdentity(ws: Workspace, ss: SpreadsheetData): string {
  return (ws.execution?.activeUser || ss.owner).toLowerCase();
}

function overlaps(a: GridArea, b: GridArea): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}

export function assertCanEdit(ws: Workspace, ss: SpreadsheetData, sheetId: number, area: GridArea): void {
  const who = editingIdentity(ws, ss);
  if (who === ss.owner.toLowerCase()) return;
  for (const p of ss.protections) {
    if (p.sheetId !== sheetId || p.warningOnly) continue;
    if (p.type === 'RANGE' && p.area && !overlaps(p.area, area)) continue;
    if (!p.editors.includes(who)) throw new Error(MESSAGES.protectedCell);
  }
}

export function addProtection(
  ss: SpreadsheetData,
  type: 'RANGE' | 'SHEET',
  sheetId: number,
  area: GridArea | null,
): ProtectionData {
  ss.nextProtectionId += 1;
  // Until the script changes them, a new protection's editors mirror the spreadsheet's (Google's reference).
  const p: ProtectionData = {
    id: ss.nextProtectionId,
    type,
    sheetId,
    area,
    description: '',
    warningOnly: false,
    editors: [...ss.editors],
  };
  ss.protections.push(p);
  return p;
}

export class ProtectionFacade {
  constructor(
    private readonly ws: Workspace,
    private readonly ssId: string,
    readonly protectionId: number,
  ) {}

  private data(method: string): ProtectionData {
    gate(this.ws, method);
    const p = spreadsheetData(this.ws, this.ssId).protections.find((x) => x.id === this.protectionId);
    if (!p) throw new Error('The protection has been removed.');
    return p;
  }
  private owner(): string {
    return spreadsheetData(this.ws, this.ssId).owner.toLowerCase();
  }

  getProtectionType(): string {
    return this.data('getProtectionType').type;
  }
  setDescription(description: string): ProtectionFacade {
    this.data('setDescription').description = String(description);
    return this;
  }
  getDescription(): string {
    return this.data('getDescription').description;
  }
  setWarningOnly(warningOnly: boolean): ProtectionFacade {
    this.data('setWarningOnly').warningOnly = !!warningOnly;
    return this;
  }
  isWarningOnly(): boolean {
    return this.data('isWarningOnly').warningOnly;
  }
  addEditor(user: unknown): ProtectionFacade {
    const p = this.data('addEditor');
    const email = emailOf(user);
    if (!p.editors.includes(email)) p.editors.push(email);
    return this;
  }
  addEditors(users: unknown[]): ProtectionFacade {
    const p = this.data('addEditors');
    for (const u of users) {
      const email = emailOf(u);
      if (!p.editors.includes(email)) p.editors.push(email);
    }
    return this;
  }
  /** The spreadsheet's owner can never be removed from a protection. */
  removeEditor(user: unknown): ProtectionFacade {
    const p = this.data('removeEditor');
    const email = emailOf(user);
    if (email !== this.owner()) p.editors = p.editors.filter((e) => e !== email);
    return this;
  }
  removeEditors(users: unknown[]): ProtectionFacade {
    const p = this.data('removeEditors');
    const drop = new Set(users.map(emailOf));
    drop.delete(this.owner());
    p.editors = p.editors.filter((e) => !drop.has(e));
    return this;
  }
  getEditors(): UserFacade[] {
    const p = this.data('getEditors');
    const all = p.editors.includes(this.owner()) ? p.editors : [this.owner(), ...p.editors];
    return all.map((e) => new UserFacade(e));
  }
  canEdit(): boolean {
    const p = this.data('canEdit');
    const ss = spreadsheetData(this.ws, this.ssId);
    const who = editingIdentity(this.ws, ss);
    return who === this.owner() || p.editors.includes(who);
  }
  canDomainEdit(): boolean {
    gate(this.ws, 'canDomainEdit');
    return false;
  }
  setDomainEdit(_editable: boolean): ProtectionFacade {
    gate(this.ws, 'setDomainEdit');
    return this;
  }
  getRange(): RangeFacade {
    const p = this.data('getRange');
    const sheet = sheetById(spreadsheetData(this.ws, this.ssId), p.sheetId);
    const area = p.area ?? { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns };
    return new RangeFacade(this.ws, this.ssId, p.sheetId, { ...area });
  }
  setRange(range: RangeFacade): ProtectionFacade {
    const p = this.data('setRange');
    p.sheetId = range.sheetId;
    p.area = { ...range.area };
    return this;
  }
  remove(): void {
    this.data('remove');
    const ss = spreadsheetData(this.ws, this.ssId);
    ss.protections = ss.protections.filter((x) => x.id !== this.protectionId);
  }
  toString(): string {
    return 'Protection';
  }
}
