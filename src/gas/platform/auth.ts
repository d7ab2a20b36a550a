/**
 * Who may run the add-on's server functions: editors of the spreadsheet (its owner included) and the
 * e-mails in `Staff autorizzati`. An empty identity (simple triggers, other domains) is never staff.
 */
import { UserError } from '../../core/registry/errors';
import { withRetry } from './retry';
import { normalizeEmail } from '../../core/text';
import { flushLog, logEvent } from '../registry/log';
import { readSettings } from '../registry/settings';
import { MissingTabError } from '../registry/table';
import { academySpreadsheet } from '../registry/workbook';

export class AccessDeniedError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

let caller: string | null = null;

export function callerEmail(): string {
  if (caller === null) caller = normalizeEmail(Session.getActiveUser().getEmail() || '');
  return caller;
}

// Asked at most once per execution (Apps Script starts every execution afresh, so they never go stale).
let editors: string[] | null = null;
let owner: string | null = null;

function editorsOfSpreadsheet(): string[] {
  editors ??= academySpreadsheet()
    .getEditors()
    .map((u) => normalizeEmail(u.getEmail()));
  return editors;
}

function ownerOfSpreadsheet(): string {
  if (owner === null) {
    const user = academySpreadsheet().getOwner();
    owner = user ? normalizeEmail(user.getEmail()) : '';
  }
  return owner;
}

/** `Staff autorizzati`; before the first setup there is no `Impostazioni` and only editors count. */
function staffFromSettings(): string[] {
  try {
    return readSettings().staff;
  } catch (error) {
    if (error instanceof MissingTabError) return [];
    throw error;
  }
}

/** Everyone who counts as staff now: `Staff autorizzati`, the spreadsheet's editors and owner. */
export function staffEmails(): Set<string> {
  return new Set([...staffFromSettings(), ...editorsOfSpreadsheet(), ownerOfSpreadsheet()].filter((e) => e !== ''));
}

export function isStaff(email: string): boolean {
  const who = normalizeEmail(email);
  if (who === '') return false;
  // Cheapest first: the settings are read anyway; the owner is asked only of someone not an editor.
  if (staffFromSettings().includes(who)) return true;
  if (editorsOfSpreadsheet().includes(who)) return true;
  return ownerOfSpreadsheet() === who;
}

/** Returns the caller's e-mail, or logs the attempt and throws an Italian refusal. */
export function requireStaff(action: string): string {
  const who = callerEmail();
  if (isStaff(who)) return who;
  logEvent('Accesso negato', `${action} richiesto da ${who || 'utente non identificato'}`, who || 'sconosciuto');
  flushLog();
  throw new AccessDeniedError(
    `Operazione non consentita: «${action}» è riservata allo staff della formazione${who ? ` (${who} non è autorizzato)` : ' e la Sua identità non è disponibile'}.`,
  );
}

// The project's triggers, asked at most once per execution.
let projectTriggers: GoogleAppsScript.Script.Trigger[] | null = null;

/**
 * Whether `event` was fired by one of this project's installed triggers for `handler`: its `triggerUid`
 * must name such a trigger. A caller through `google.script.run` (a sidebar, or the web app's page,
 * which runs as the owner for anonymous visitors) can pass any plain object, but cannot install a
 * trigger, and a uid of another handler's trigger proves nothing for this one.
 */
export function firedByOwnTrigger(handler: string, event: unknown): boolean {
  const uid = event && typeof event === 'object' ? (event as { triggerUid?: unknown }).triggerUid : undefined;
  if (typeof uid !== 'string' || uid === '') return false;
  projectTriggers ??= withRetry('ScriptApp.getProjectTriggers', () => ScriptApp.getProjectTriggers());
  return projectTriggers.some((t) => t.getUniqueId() === uid && t.getHandlerFunction() === handler);
}

/**
 * The gate of every trigger handler: fired by its own trigger, or called by staff (who may run it by
 * hand); anyone else, an empty identity included, is refused in Italian and logged as `Accesso negato`.
 */
export function requireOwnTriggerOrStaff(handler: string, event: unknown, action: string): 'trigger' | 'staff' {
  if (firedByOwnTrigger(handler, event)) return 'trigger';
  requireStaff(action);
  return 'staff';
}
