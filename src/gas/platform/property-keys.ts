/**
 * Every Script Property the add-on stores: its exact name (or the prefix of a family of keys), the
 * module that owns it, the most bytes a value may take, how long it lives and what it is for. The
 * adapter (`./properties.ts`) accepts only keys typed from this list, so a key cannot be stored without
 * an entry here. The whole store is shared by every key and holds 500 KB (docs/google-behaviour.md,
 * PROPS-LIMITS), one value 9 KB: the bounds below add up to well under that at the consortium's scale.
 */

/** Every key starts with it: one namespace, easy to tell from another script's keys in the same store. */
export const KEY_PREFIX = 'a4pa.';

/** Google's limit on one value (PROPS-LIMITS); a family that may grow past it is chunked under it. */
export const VALUE_MAX_BYTES = 9 * 1024;

export interface PropertyKeySpec {
  /** The exact key or, for a family, the prefix every key of it starts with (ending in `.`). */
  readonly key: string;
  readonly family: boolean;
  /** The module that owns it: defines it and is the one to change how it is written. */
  readonly owner: string;
  /** The most UTF-8 bytes a value takes (for a family, each of its keys). */
  readonly maxBytes: number;
  readonly lifetime: string;
  readonly purpose: string;
  /** An older prefix the family was stored under: read in its place, moved on the owner's next write. */
  readonly legacy?: string;
}

export const PROPERTY_KEYS = [
  {
    key: 'a4pa.approval.secret',
    family: false,
    owner: 'gas/approval/links.ts',
    maxBytes: 72,
    lifetime: 'permanent',
    purpose: 'HMAC secret of the approval and comune-page links (two UUIDs)',
  },
  {
    key: 'a4pa.calendar.staleCourses',
    family: false,
    owner: 'gas/enrollment/process.ts',
    maxBytes: 4096,
    lifetime: 'until a run holding the lock brings those courses’ attendees up to date',
    purpose: 'course codes whose Calendar attendees a failed update left behind',
  },
  {
    key: 'a4pa.cert.inflight',
    family: false,
    owner: 'gas/certificates/store.ts',
    maxBytes: VALUE_MAX_BYTES,
    lifetime: 'from a certificate’s number until its row is written',
    purpose: 'the batch of certificates being made, so a stopped execution neither loses nor doubles one',
  },
  {
    key: 'a4pa.attendance.signInTemplate',
    family: false,
    owner: 'gas/attendance/sign-in.ts',
    maxBytes: 128,
    lifetime: 'permanent; replaced when the Doc it names is gone',
    purpose: 'the id of «Modello foglio firme», the sign-in sheets’ template Doc staff may edit',
  },
  {
    key: 'a4pa.cert.remote',
    family: false,
    owner: 'gas/certificates/store.ts',
    maxBytes: VALUE_MAX_BYTES,
    lifetime: 'from a number the worker reserved until its row is written (or the add-on takes it over)',
    purpose: 'certificate numbers and codes reserved by the Node worker, with the batch tag of their files',
  },
  {
    key: 'a4pa.cert.reissue',
    family: false,
    owner: 'gas/certificates/store.ts',
    maxBytes: 1024,
    lifetime: 'from a reissue’s start until its row is written',
    purpose: 'the certificate being reissued, kept apart from a new one left half-made',
  },
  {
    key: 'a4pa.cert.replaced',
    family: false,
    owner: 'gas/verification/verify.ts',
    maxBytes: VALUE_MAX_BYTES,
    lifetime: 'permanent, the most recent 300 replaced codes',
    purpose: 'verification codes of replaced certificates → their number, so they answer «sostituito»',
  },
  {
    key: 'a4pa.cert.secret',
    family: false,
    owner: 'gas/certificates/store.ts',
    maxBytes: 72,
    lifetime: 'permanent',
    purpose: 'HMAC secret of the certificates’ verification codes',
  },
  {
    key: 'a4pa.cert.seq.',
    family: true,
    owner: 'gas/certificates/store.ts',
    maxBytes: 16,
    lifetime: 'permanent, one key a year',
    purpose: 'the highest certificate number issued in the year (never reused)',
  },
  {
    key: 'a4pa.comunePage.versions',
    family: false,
    owner: 'gas/comune-page/links.ts',
    maxBytes: 2048,
    lifetime: 'permanent',
    purpose: 'ISTAT code → key version of the comune-page links (raised by each revocation)',
  },
  {
    key: 'a4pa.enrollment.index',
    family: false,
    owner: 'gas/enrollment/data.ts',
    maxBytes: 8500,
    lifetime: 'rewritten by every run that changes `Iscrizioni`; emptied when it outgrows the bound',
    purpose: 'per-course tally of `Iscrizioni`, so a submission reads only its sender’s rows',
  },
  {
    key: 'a4pa.enrollment.employeeRows',
    family: false,
    owner: 'gas/enrollment/data.ts',
    maxBytes: 8500,
    lifetime: 'rewritten by every run that reads `Dipendenti` whole and finds its IDs moved; emptied past the bound',
    purpose:
      'which employee ID each `Dipendenti` row holds (runs of consecutive IDs), so a submission searches `Iscrizioni` before it reads its sender’s row',
  },
  {
    key: 'a4pa.form.choices',
    family: false,
    owner: 'gas/enrollment/form.ts',
    maxBytes: 64,
    lifetime: 'while the form is published',
    purpose: 'digest of the course choices last written to the form',
  },
  {
    key: 'a4pa.form.closedByAddon',
    family: false,
    owner: 'gas/enrollment/form.ts',
    maxBytes: 5,
    lifetime: 'while the form is published',
    purpose: 'whether the add-on (not staff) closed the form for lack of open courses',
  },
  {
    key: 'a4pa.form.coursesItem',
    family: false,
    owner: 'gas/enrollment/form.ts',
    maxBytes: 24,
    lifetime: 'while the form is published',
    purpose: 'id of the form’s courses question',
  },
  {
    key: 'a4pa.form.id',
    family: false,
    owner: 'gas/enrollment/form.ts',
    maxBytes: 128,
    lifetime: 'while the form is published',
    purpose: 'id of the published enrollment form (responses of any other form are ignored)',
  },
  {
    key: 'a4pa.form.itemTitles',
    family: false,
    owner: 'gas/enrollment/form.ts',
    maxBytes: 4096,
    lifetime: 'while the form is published',
    purpose: 'item id → question title, so a title staff edit in the form still reads right',
  },
  {
    key: 'a4pa.form.questionTitles',
    family: false,
    owner: 'gas/enrollment/api-responses.ts',
    maxBytes: 4096,
    lifetime: 'while the form is published (publication reads it again)',
    purpose: 'Forms API question id → question title, so one API request reads every pending response',
  },
  {
    key: 'a4pa.form.url',
    family: false,
    owner: 'gas/enrollment/form.ts',
    maxBytes: 512,
    lifetime: 'while the form is published',
    purpose: 'the published form’s link, for mails, the dashboard and the calendar events',
  },
  {
    key: 'a4pa.form.watermark',
    family: false,
    owner: 'gas/enrollment/form.ts',
    maxBytes: 16,
    lifetime: 'while the form is published',
    purpose: 'time up to which every form response has been processed',
  },
  {
    key: 'a4pa.form.lastResponse',
    family: false,
    owner: 'gas/enrollment/form.ts',
    maxBytes: 1024,
    lifetime: 'until a run moves the watermark without a proven submit event (it names the watermark it belongs to)',
    purpose:
      'the responses-tab row and address column of the last response a submit event proved, so the next one needs no FormApp call for its sender',
  },
  {
    key: 'a4pa.figures.generation',
    family: false,
    owner: 'gas/figures/store.ts',
    maxBytes: 16,
    lifetime: 'permanent; raised by each save of the figures record',
    purpose: 'the generation of the figures record in «Cifre (Academy4PA)»: a copy of another generation is stale',
  },
  {
    key: 'a4pa.figures.dirty.',
    family: true,
    owner: 'gas/figures/marks.ts',
    maxBytes: 4096,
    lifetime: 'from a write or a hand edit of a big registry tab until the next save of the figures record',
    purpose:
      'the rows changed since the figures record was made (`held`: marks made under the lock; others one per edit)',
  },
  {
    key: 'a4pa.issued.',
    family: true,
    owner: 'gas/registry/ids.ts',
    maxBytes: 16,
    lifetime: 'permanent, one key per sequence (`D`, `I`, `S:<course>`)',
    purpose: 'the highest identifier ever issued, so a deleted row never gives its ID back',
    legacy: 'academy.issued.',
  },
  {
    key: 'a4pa.job.',
    family: true,
    owner: 'gas/jobs/store.ts',
    maxBytes: 4096,
    lifetime: 'from a job’s start until the next job of its kind',
    purpose: 'state of a long job by kind (cursor, counts, report)',
  },
  {
    key: 'a4pa.jobs.lease',
    family: false,
    owner: 'gas/jobs/store.ts',
    maxBytes: 16,
    lifetime: 'one slice of a job',
    purpose: 'until when one execution runs the job slices (others stay out)',
  },
  {
    key: 'a4pa.ledger.',
    family: true,
    owner: 'gas/reminders/ledger.ts',
    maxBytes: 8000,
    lifetime: 'each entry until the day it guards has passed (pruned on save)',
    purpose: 'digests of things done once (reminders, follow-ups), chunked as `<name>.n` and `<name>.<i>`',
  },
  {
    key: 'a4pa.mail.backlog',
    family: false,
    owner: 'gas/mail/store.ts',
    maxBytes: 64,
    lifetime: 'permanent, rewritten by every outbox write',
    purpose: 'how many mails wait or are parked in `Posta in uscita`',
  },
  {
    key: 'a4pa.mail.queue.',
    family: true,
    owner: 'gas/mail/store.ts',
    maxBytes: 8000,
    lifetime: 'the mails of the moment, until sent or moved to `Posta in uscita`',
    purpose: 'the outbox’s queue, chunked as `n` and `<i>`',
  },
  {
    key: 'a4pa.mail.sent',
    family: false,
    owner: 'gas/mail/store.ts',
    maxBytes: 6400,
    lifetime: 'the most recent 400 sends',
    purpose: 'digests of recently sent dedupe keys (no mail goes twice)',
  },
  {
    key: 'a4pa.meet.names.',
    family: true,
    owner: 'gas/attendance/meet-ledger.ts',
    maxBytes: VALUE_MAX_BYTES,
    lifetime: 'one key per course imported from Meet, until the year change archives the course',
    purpose: 'display names staff confirmed as one of the course’s enrollees → employee id',
  },
  {
    key: 'a4pa.meet.dailyCheckedAt',
    family: false,
    owner: 'gas/attendance/meet-ledger.ts',
    maxBytes: 16,
    lifetime: 'permanent, one value rewritten by each daily run that read Meet',
    purpose:
      'the instant up to which the daily run has read the Meet calls of ended sessions (a day with none new reads nothing)',
  },
  {
    key: 'a4pa.meet.session.',
    family: true,
    owner: 'gas/attendance/meet-ledger.ts',
    maxBytes: VALUE_MAX_BYTES,
    lifetime: 'one key per session imported from Meet, until the year change archives the session',
    purpose: 'the `Presente`/`Ore` the Meet import last wrote for each enrollee, so staff’s changes are kept',
  },
  {
    key: 'a4pa.reports.summaries',
    family: false,
    owner: 'gas/reports/summaries.ts',
    maxBytes: 2048,
    lifetime: 'no longer written: a stored one is moved into Registro and deleted by the next summaries run',
    purpose: 'comuni already sent the period’s summary, as versions before the shared Registro record kept them',
  },
  {
    key: 'a4pa.retention.filesLeft',
    family: false,
    owner: 'gas/privacy/entry.ts',
    maxBytes: 16,
    lifetime: 'permanent, rewritten by each retention run',
    purpose: 'files, responses and events the last retention run could not reach',
  },
  {
    key: 'a4pa.retention.year',
    family: false,
    owner: 'gas/privacy/entry.ts',
    maxBytes: 8,
    lifetime: 'permanent, rewritten by each retention run',
    purpose: 'the year of the last complete retention run',
  },
  {
    key: 'a4pa.years.archives',
    family: false,
    owner: 'gas/years/archives.ts',
    maxBytes: 2048,
    lifetime: 'permanent, one entry per closed year',
    purpose: 'closed year → id of its archive spreadsheet',
  },
  {
    key: 'a4pa.years.change',
    family: false,
    owner: 'gas/years/change.ts',
    maxBytes: 1024,
    lifetime: 'from a year change’s start until the next one',
    purpose: 'the year change under way or last made, with the steps done',
  },
  {
    key: 'a4pa.spreadsheet.timeZone',
    family: false,
    owner: 'gas/registry/workbook.ts',
    maxBytes: 64,
    lifetime: 'permanent, refreshed by Configura and the daily run',
    purpose: 'the spreadsheet’s time zone, for read-only views that make no Spreadsheet call',
  },
] as const satisfies readonly PropertyKeySpec[];

type Spec = (typeof PROPERTY_KEYS)[number];
/** A key stored as it is named. */
export type ExactKey = Extract<Spec, { family: false }>['key'];
/** The prefix of a family of keys. */
export type FamilyPrefix = Extract<Spec, { family: true }>['key'];
export type PropertyKey = ExactKey | `${FamilyPrefix}${string}`;

/** The registry entry a stored key belongs to, or undefined for a key the add-on does not own. */
export function specOf(key: string): PropertyKeySpec | undefined {
  return PROPERTY_KEYS.find((s: PropertyKeySpec) => (s.family ? key.startsWith(s.key) : key === s.key));
}
