/**
 * `npm run demo` on a small academy (about 60 employees asked for, the first 6 courses): every output
 * file is written and opens with an independent reader: the workbook with exceljs, the calendar with
 * node-ical, the certificates with pdf.js, the mails with mailparser. The year runs once, in this
 * process (demo/run.ts, what the CLI runs), so the Script Properties it leaves are checked here too; the
 * command line itself is checked on a wrong argument, which stops before any year.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { simpleParser } from 'mailparser';
import * as ical from 'node-ical';
import { DOCUMENTED_TABS } from '../../fixtures/documented-tabs';
import { runDemo } from '../../../src/local/demo/run';
import { scriptPropertiesOf, utf8Length } from '../../../src/local/services/script/properties';
import { specOf } from '../../../src/gas/platform/property-keys';

jest.setTimeout(600_000);

const ROOT = resolve(__dirname, '../../..');

let dir = '';
let stdout = '';
let summary: Record<string, unknown> & {
  certificates: number;
  mails: number;
  sessions: number;
  calendarEvents: number;
  employees: number;
  enrollments: { total: number; byStatus: Record<string, number> };
  hours: { attendedInCourses: number };
  calls: { total: number; byService: Record<string, number> };
  executions: number;
  simulation: {
    submissions: number;
    duplicates: number;
    cancellations: number;
    unknownEmails: number;
    absences: number;
  };
};
let book: ExcelJS.Workbook;
let store: Record<string, string> = {};
let failures: string[] = [];

function files(under: string): string[] {
  return readdirSync(under).flatMap((name) => {
    const path = join(under, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function records(sheet: ExcelJS.Worksheet): Array<Record<string, unknown>> {
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Array<Record<string, unknown>> = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? ''])));
  });
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'a4pa-demo-'));
  const run = await runDemo({ out: dir, employees: 60, courses: 6, seed: 7 });
  stdout = run.report;
  store = scriptPropertiesOf(run.outcome.academy.ws);
  failures = run.outcome.failures.map((f) => f.error);
  summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as typeof summary;
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(dir, 'academy.xlsx'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('prints a short Italian summary and writes summary.json with the year in numbers', () => {
  expect(stdout).toMatch(/Anno formativo 2027 completato/);
  expect(stdout).toMatch(/attestati/);
  expect(summary.employees).toBeGreaterThan(60);
  expect(summary.sessions).toBe(18);
  expect(summary.enrollments.total).toBeGreaterThan(50);
  expect(summary.enrollments.byStatus.Confermata).toBeGreaterThan(0);
  expect(summary.certificates).toBeGreaterThan(0);
  expect(summary.hours.attendedInCourses).toBeGreaterThan(0);
  expect(summary.simulation.submissions).toBeGreaterThan(50);
  expect(summary.simulation.absences).toBeGreaterThan(0);
  expect(summary.calls.total).toBe(Object.values(summary.calls.byService).reduce((a, b) => a + b, 0));
  expect(summary.executions).toBeGreaterThan(summary.simulation.submissions);
});

test('academy.xlsx opens with every documented tab, its headers bold and frozen, typed cells', () => {
  for (const [tab, headers] of Object.entries(DOCUMENTED_TABS)) {
    const sheet = book.getWorksheet(tab);
    expect(sheet).toBeDefined();
    const header = (sheet?.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header.slice(0, headers.length)).toEqual(headers);
    expect(sheet?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.getColumn(1).width).toBeGreaterThan(0);
  }
  const presenze = records(book.getWorksheet('Presenze') as ExcelJS.Worksheet);
  expect(presenze.length).toBeGreaterThan(0);
  expect(presenze.every((r) => typeof r.Presente === 'boolean')).toBe(true);
  expect(presenze.some((r) => r.Presente === false)).toBe(true);
  const sessioni = records(book.getWorksheet('Sessioni') as ExcelJS.Worksheet);
  expect(sessioni.every((r) => r.Data instanceof Date)).toBe(true);
  const corsi = records(book.getWorksheet('Corsi') as ExcelJS.Worksheet);
  expect(corsi.every((r) => typeof r.Ore === 'number' && r.Stato === 'Concluso')).toBe(true);
  const attestati = records(book.getWorksheet('Attestati') as ExcelJS.Worksheet);
  expect(attestati).toHaveLength(summary.certificates);
});

test('calendar.ics parses back with one event per session, attendees and the Meet link of online courses', () => {
  const parsed = ical.sync.parseICS(readFileSync(join(dir, 'calendar.ics'), 'utf8'));
  const events = Object.values(parsed).filter((c): c is ical.VEvent => c?.type === 'VEVENT');
  expect(events).toHaveLength(summary.sessions);
  expect(summary.calendarEvents).toBe(summary.sessions);
  for (const e of events) {
    const attendees = ([] as unknown[]).concat(e.attendee ?? []);
    expect(attendees.length).toBeGreaterThan(0);
    expect(e.start).toBeInstanceOf(Date);
  }
  // node-ical gives a property with parameters (URL;VALUE=URI) as { params, val }.
  const urlOf = (e: ical.VEvent): string => {
    const url: unknown = e.url;
    return typeof url === 'string'
      ? url
      : url && typeof url === 'object' && 'val' in url
        ? String((url as { val: unknown }).val)
        : '';
  };
  const online = events.filter((e) => urlOf(e).startsWith('https://meet.google.com/'));
  expect(online.length).toBeGreaterThan(0);
  expect(online.every((e) => String(e.description).includes(urlOf(e)) && String(e.location) !== '')).toBe(true);
});

test("the certificate PDFs are in their Drive folders, start with %PDF and carry the holder's name", () => {
  const pdfs = files(join(dir, 'attestati'));
  expect(pdfs).toHaveLength(summary.certificates);
  expect(pdfs.every((p) => p.includes(join('attestati', 'Attestati 2027')))).toBe(true);
  const people = new Map(
    records(book.getWorksheet('Dipendenti') as ExcelJS.Worksheet).map((r) => [
      String(r.ID),
      `${String(r.Nome)} ${String(r.Cognome)}`,
    ]),
  );
  const attestati = records(book.getWorksheet('Attestati') as ExcelJS.Worksheet);
  for (const cert of attestati.slice(0, 3)) {
    const file = pdfs.find((p) => p.endsWith(`${String(cert.Numero)}.pdf`));
    expect(file).toBeDefined();
    const bytes = readFileSync(file as string);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = spawnSync(process.execPath, [join(ROOT, 'scripts/pdf-text.mjs'), file as string], {
      encoding: 'utf8',
    });
    expect(text.status).toBe(0);
    expect(text.stdout.replace(/\s+/g, ' ')).toContain(people.get(String(cert.Dipendente)));
  }
});

test('the mails are RFC 5322 messages that parse back, certificates attached as PDF', async () => {
  const emls = readdirSync(join(dir, 'mail'))
    .filter((f) => f.endsWith('.eml'))
    .sort();
  expect(emls).toHaveLength(summary.mails);
  let withPdf = 0;
  for (const name of emls) {
    const mail = await simpleParser(readFileSync(join(dir, 'mail', name)));
    expect(mail.subject).toBeTruthy();
    expect(mail.from?.value[0]?.address).toBeTruthy();
    expect(mail.to).toBeDefined();
    expect(mail.date).toBeInstanceOf(Date);
    if (/^Attestato/.test(mail.subject ?? '')) {
      expect(
        mail.attachments.some(
          (a) => a.contentType === 'application/pdf' && a.content.subarray(0, 4).toString('latin1') === '%PDF',
        ),
      ).toBe(true);
      withPdf += 1;
    }
  }
  expect(withPdf).toBe(summary.certificates);
  expect(existsSync(join(dir, 'summary.json'))).toBe(true);
});

// Every Script Property the bundle stores over the year belongs to the key registry and stays within its
// bound. The adapter refuses a key outside the registry, so a write of one would fail its execution: the
// year must have no such failure, and the store it leaves must hold registered keys only.
test('the Script Properties the year leaves are all in the registry, within their bounds', () => {
  expect(failures.filter((error) => error.includes('registro delle Script Properties'))).toEqual([]);
  const keys = Object.keys(store);
  expect(keys.filter((k) => specOf(k) === undefined)).toEqual([]);
  expect(keys.filter((k) => utf8Length(store[k] ?? '') > (specOf(k)?.maxBytes ?? 0))).toEqual([]);
  // The year used every workflow that keeps state: a store this full shows the walk was not trivial.
  const families = new Set(keys.map((k) => specOf(k)?.key));
  for (const key of ['a4pa.form.url', 'a4pa.issued.', 'a4pa.cert.seq.', 'a4pa.job.', 'a4pa.mail.sent'])
    expect(families).toContain(key);
});

test('the command line refuses a wrong argument with its usage, exit 2, before any year', () => {
  const run = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      join(ROOT, 'src/local/cli/demo.ts'),
      '--out',
      dir,
      '--courses',
      'sei',
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('--courses vuole un numero intero positivo, non «sei»');
  expect(run.stderr).toContain('uso: npm run demo -- --out DIR');
});
