/**
 * Importing training done elsewhere (the national Syllabus platform's completion export, a mandatory
 * course's attendance list, any list with e-mail or codice fiscale, title, hours and date) into
 * `Formazione esterna`: columns found by header, people matched to `Dipendenti`, every line validated by
 * the tab's own schema, nothing added twice (same person, title and day), and every line left out said
 * with its reason.
 */
import { decodeTable, type FormatDate } from '../registry/codec';
import type { Employee, ExternalTraining } from '../registry/schemas';
import { COLUMNS, TAB } from '../registry/tabs';
import { normalizeEmail, normalizeKey } from '../text';

export type ImportField = 'email' | 'taxCode' | 'title' | 'provider' | 'hours' | 'date';

/** Header spellings seen in Syllabus, LMS and hand-made exports, compared without case, accents or punctuation. */
const HEADER_NAMES: Record<ImportField, readonly string[]> = {
  email: ['email', 'mail', 'indirizzo email', 'email dipendente', 'posta elettronica', 'email utente'],
  taxCode: ['codice fiscale', 'cf', 'codicefiscale', 'codice fiscale dipendente', 'fiscal code'],
  title: ['titolo', 'titolo corso', 'corso', 'nome corso', 'attivita', 'titolo attivita', 'percorso', 'title'],
  provider: ['ente', 'ente erogatore', 'erogatore', 'piattaforma', 'provider', 'organizzatore'],
  hours: ['ore', 'durata', 'durata ore', 'ore formative', 'numero ore', 'ore riconosciute', 'hours'],
  date: [
    'data',
    'data completamento',
    'data di completamento',
    'data fine',
    'data conseguimento',
    'completato il',
    'data attestato',
    'completion date',
    'date',
  ],
};

function headerKey(s: unknown): string {
  return normalizeKey(String(s ?? ''))
    .replace(/[^a-z0-9 ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface ImportColumns {
  /** Field → 0-based column of the file. */
  at: Partial<Record<ImportField, number>>;
  /** Field → the header as the file spells it, for the preview. */
  headers: Partial<Record<ImportField, string>>;
  /** Italian description of what the file lacks; empty when it can be imported. */
  missing: string[];
}

/** Finds the columns by header; the first matching column wins, staff's other columns are ignored. */
export function mapImportColumns(header: readonly unknown[]): ImportColumns {
  const at: ImportColumns['at'] = {};
  const headers: ImportColumns['headers'] = {};
  header.forEach((h, i) => {
    const key = headerKey(h);
    for (const field of Object.keys(HEADER_NAMES) as ImportField[]) {
      if (at[field] === undefined && HEADER_NAMES[field].includes(key)) {
        at[field] = i;
        headers[field] = String(h).trim();
      }
    }
  });
  const missing: string[] = [];
  if (at.email === undefined && at.taxCode === undefined) missing.push('una colonna «Email» o «Codice fiscale»');
  if (at.title === undefined) missing.push('una colonna «Titolo» (o «Corso»)');
  if (at.hours === undefined) missing.push('una colonna «Ore» (o «Durata»)');
  if (at.date === undefined) missing.push('una colonna «Data» (o «Data completamento»)');
  return { at, headers, missing };
}

/**
 * A spreadsheet's time of day on day 0: how Excel and Sheets keep a duration typed as `1:30`, read on
 * the file's wall clock (`1899-12-30 01:30:00`).
 */
const DAY_ZERO_TIME = /^1899-12-30[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Exports write durations as `1:30` or `2 ore`, dates as ISO timestamps: read them as staff would type them. */
function hoursInput(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const s = v.trim();
  const time = DAY_ZERO_TIME.exec(s);
  if (time) return Number(time[1]) + Number(time[2]) / 60 + Number(time[3] ?? 0) / 3600;
  const clock = /^(\d{1,3}):([0-5]\d)$/.exec(s);
  if (clock) return Number(clock[1]) + Number(clock[2]) / 60;
  return s.replace(/\s*(ore|ora|h)\.?$/i, '');
}

function dateInput(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const s = v.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/.exec(s);
  return iso ? iso[1] : s;
}

export interface ImportPerson {
  employeeId: string;
  name: string;
  comune: string;
}

export interface PlannedLine {
  /** 1-based line of the file (line 1 is the header). */
  line: number;
  record: ExternalTraining;
  person: ImportPerson;
}

export interface SkippedLine {
  line: number;
  /** What the line says, enough for staff to find it in the file. */
  text: string;
  reason: string;
}

export interface ExternalImportPlan {
  columns: ImportColumns;
  add: PlannedLine[];
  duplicates: SkippedLine[];
  unmatched: SkippedLine[];
  invalid: SkippedLine[];
}

export interface ExternalImportInput {
  grid: readonly (readonly unknown[])[];
  employees: readonly Employee[];
  /** The valid rows `Formazione esterna` already has. */
  existing: readonly ExternalTraining[];
  /** `Ente` for lines whose file has no such column (e.g. the file's name). */
  defaultProvider: string;
  formatDate: FormatDate;
}

function dedupeKey(t: Pick<ExternalTraining, 'email' | 'title' | 'date'>): string {
  return `${normalizeEmail(t.email)}|${normalizeKey(t.title)}|${t.date}`;
}

function cellText(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

export function planExternalImport(input: ExternalImportInput): ExternalImportPlan {
  const [header = [], ...lines] = input.grid;
  const columns = mapImportColumns(header);
  const plan: ExternalImportPlan = { columns, add: [], duplicates: [], unmatched: [], invalid: [] };
  if (columns.missing.length > 0) return plan;

  const byEmail = new Map(input.employees.map((e) => [normalizeEmail(e.email), e]));
  const byTaxCode = new Map(input.employees.filter((e) => e.taxCode).map((e) => [e.taxCode.toUpperCase(), e]));
  const cell = (row: readonly unknown[], field: ImportField): unknown => {
    const i = columns.at[field];
    return i === undefined ? '' : row[i];
  };

  // Each matched line becomes a row in the tab's own layout, so the tab's schema judges it as it would
  // judge a row typed by staff (same rules, same Italian messages).
  const candidates: Array<{ line: number; person: ImportPerson }> = [];
  const tabGrid: unknown[][] = [COLUMNS.formazioneEsterna.map((c) => c.header)];
  lines.forEach((row, i) => {
    const line = i + 2;
    if (row.every((v) => cellText(v) === '')) return;
    const email = normalizeEmail(cellText(cell(row, 'email')));
    const taxCode = cellText(cell(row, 'taxCode')).toUpperCase();
    const title = cellText(cell(row, 'title'));
    const text = [email || taxCode, title].filter(Boolean).join(' · ');
    const employee = (email && byEmail.get(email)) || (taxCode && byTaxCode.get(taxCode)) || undefined;
    if (!employee) {
      const who = [email && `email ${email}`, taxCode && `codice fiscale ${taxCode}`].filter(Boolean).join(' né ');
      plan.unmatched.push({
        line,
        text,
        reason: who ? `nessun dipendente in «Dipendenti» con ${who}` : 'né email né codice fiscale',
      });
      return;
    }
    const provider = cellText(cell(row, 'provider')) || input.defaultProvider;
    tabGrid.push([employee.email, title, provider, hoursInput(cell(row, 'hours')), dateInput(cell(row, 'date'))]);
    candidates.push({
      line,
      person: {
        employeeId: employee.id,
        name: `${employee.firstName} ${employee.lastName}`,
        comune: employee.comune,
      },
    });
  });

  const decoded = decodeTable(TAB.formazioneEsterna, tabGrid, input.formatDate);
  const reasons = new Map<number, string[]>();
  for (const p of decoded.problems) reasons.set(p.row, [...(reasons.get(p.row) ?? []), `${p.column}: ${p.message}`]);
  const valid = new Map(decoded.rows.map((r) => [r.row, r.record]));
  // Where each (person, title, day) was first seen: 0 for the tab itself, else the file's line.
  const seen = new Map(input.existing.map((t) => [dedupeKey(t), 0]));
  candidates.forEach((c, i) => {
    const tabRow = i + 2;
    const record = valid.get(tabRow);
    const text = `${c.person.name} · ${cellText(tabGrid[i + 1]?.[1])}`;
    if (!record) {
      plan.invalid.push({ line: c.line, text, reason: (reasons.get(tabRow) ?? ['riga non valida']).join('; ') });
      return;
    }
    const key = dedupeKey(record);
    const first = seen.get(key);
    if (first !== undefined) {
      const where = first === 0 ? 'già presente in «Formazione esterna»' : `uguale alla riga ${first} del file`;
      plan.duplicates.push({ line: c.line, text, reason: `${where} (stessa persona, titolo e data)` });
      return;
    }
    seen.set(key, c.line);
    plan.add.push({ line: c.line, record, person: c.person });
  });
  return plan;
}
