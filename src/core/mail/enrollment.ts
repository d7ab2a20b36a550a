/**
 * The Italian mails of the enrollment workflow: the outcome of a submission, a promotion from the
 * waitlist, a cancellation made by staff, and the notices to staff and to a comune's referent.
 */
import { compose, type Block, type ComposedMail, type Inline } from './document';
import { meetHref } from '../text';

export interface MailCourse {
  code: string;
  title: string;
  mode: string;
  venue: string;
  teacher: string;
  hours: number;
}

export interface MailSession {
  date: string;
  start: string;
  end: string;
  venue: string;
  meetLink: string;
  status: string;
}

export type MailOutcome =
  | { kind: 'confirmed' }
  | { kind: 'waitlisted'; position: number | null }
  | { kind: 'pendingApproval' }
  | { kind: 'refused'; reason: string }
  | { kind: 'unverified' }
  | { kind: 'duplicate'; status: string; position: number | null }
  | { kind: 'cancelled' }
  | { kind: 'notEnrolled' };

export interface MailItem {
  course: MailCourse;
  sessions: readonly MailSession[];
  outcome: MailOutcome;
}

export interface MailContext {
  /** `Nome mittente`, or '' (then "il Consorzio"). */
  sender: string;
  /** The form's published URL, for "how to cancel" ('' when there is no form yet). */
  formUrl: string;
}

const WEEKDAYS = ['domenica', 'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato'];

/** "martedì 02/03/2027" from "2027-03-02" (the weekday of the calendar date, whatever the time zone). */
export function italianDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
  return `${WEEKDAYS[day]} ${m[3]}/${m[2]}/${m[1]}`;
}

function courseName(course: MailCourse): string {
  return `${course.title} (${course.code})`;
}

function sessionLine(course: MailCourse, s: MailSession): Inline[] {
  const when = `${italianDate(s.date)}, ore ${s.start}–${s.end}`;
  const online = course.mode === 'Online' || course.mode === 'Mista';
  const venue = s.venue.trim() || course.venue.trim();
  const parts: Inline[] = [when];
  if (course.mode !== 'Online' && venue) parts.push(`, sede: ${venue}`);
  if (online) {
    const link = meetHref(s.meetLink);
    if (link) parts.push(', online: ', { text: link, url: link });
    else parts.push(", online: il link Meet arriva con l'invito del calendario");
  }
  return parts;
}

function sessionsBlock(course: MailCourse, sessions: readonly MailSession[]): Block[] {
  const live = sessions
    .filter((s) => s.status !== 'Annullata')
    .sort((a, b) => (a.date + a.start < b.date + b.start ? -1 : 1));
  if (live.length === 0)
    return [{ kind: 'p', content: ['Il calendario degli incontri sarà comunicato appena definito.'] }];
  return [{ kind: 'list', items: live.map((s) => sessionLine(course, s)) }];
}

function outcomeText(outcome: MailOutcome): string {
  switch (outcome.kind) {
    case 'confirmed':
      return 'Iscrizione confermata.';
    case 'waitlisted':
      return `La richiesta è in lista d'attesa${outcome.position ? ` (posizione ${outcome.position})` : ''}: Le scriveremo se si libera un posto.`;
    case 'pendingApproval':
      return "La richiesta attende l'approvazione del referente del Suo comune.";
    case 'refused':
      return `Iscrizione non accolta: ${outcome.reason}`;
    case 'unverified':
      return "Il Suo indirizzo email non risulta nell'anagrafica dei dipendenti: l'ufficio formazione verificherà la richiesta e La ricontatterà.";
    case 'duplicate':
      return `Risultava già una Sua iscrizione a questo corso (stato attuale: ${outcome.status}${outcome.position ? `, posizione ${outcome.position}` : ''}): nessuna nuova iscrizione.`;
    case 'cancelled':
      return 'Iscrizione annullata.';
    case 'notEnrolled':
      return 'Non risultava alcuna iscrizione attiva a questo corso: nulla da annullare.';
  }
}

function showsSessions(outcome: MailOutcome): boolean {
  return (
    outcome.kind === 'confirmed' ||
    outcome.kind === 'waitlisted' ||
    outcome.kind === 'pendingApproval' ||
    (outcome.kind === 'duplicate' && (outcome.status === 'Confermata' || outcome.status === 'In attesa'))
  );
}

function howToCancel(ctx: MailContext): Block {
  const content: Inline[] = [
    'Per annullare un\'iscrizione compili di nuovo il modulo di iscrizione scegliendo gli stessi corsi e l\'azione "Annullamento"',
  ];
  if (ctx.formUrl.trim()) content.push(': ', { text: ctx.formUrl.trim(), url: ctx.formUrl.trim() });
  else content.push('.');
  return { kind: 'p', content };
}

function signature(ctx: MailContext): Block {
  return { kind: 'p', content: [`Un cordiale saluto,\n${ctx.sender.trim() || 'Ufficio formazione del Consorzio'}`] };
}

function greeting(name: string): Block {
  return { kind: 'p', content: [name.trim() ? `Gentile ${name.trim()},` : 'Gentile dipendente,'] };
}

const CALENDAR_TOO = "Riceverà anche l'invito di Google Calendar per ogni incontro.";
const CALENDAR = "Riceverà l'invito di Google Calendar per ogni incontro.";
const QUESTIONS = "Per chiarimenti può rispondere a questa email o contattare l'ufficio formazione.";

/** The one mail a submission (or a manual enrollment) produces, listing every course's outcome. */
export function submissionMail(ctx: MailContext, name: string, items: readonly MailItem[]): ComposedMail {
  const cancelling = items.every((i) => i.outcome.kind === 'cancelled' || i.outcome.kind === 'notEnrolled');
  const blocks: Block[] = [
    greeting(name),
    {
      kind: 'p',
      content: [
        cancelling
          ? "abbiamo ricevuto la Sua richiesta di annullamento. Ecco l'esito:"
          : "abbiamo ricevuto la Sua richiesta di iscrizione. Ecco l'esito per ciascun corso:",
      ],
    },
  ];
  for (const item of items) {
    blocks.push({ kind: 'h', text: courseName(item.course) });
    blocks.push({ kind: 'p', content: [outcomeText(item.outcome)] });
    if (showsSessions(item.outcome)) blocks.push(...sessionsBlock(item.course, item.sessions));
  }
  if (items.some((i) => i.outcome.kind === 'confirmed')) {
    blocks.push({ kind: 'p', content: [CALENDAR_TOO] });
  }
  blocks.push(howToCancel(ctx), signature(ctx));
  const subject = cancelling ? 'Annullamento iscrizione ai corsi: esito' : 'Iscrizione ai corsi: esito della richiesta';
  return compose(subject, blocks);
}

/** Why a waiting request got its seat: one freed up, or the office confirmed it past `Posti`. */
export type PromotionReason = 'seatFreed' | 'office';

/** A waiting request got a seat, with the true reason. */
export function promotionMail(
  ctx: MailContext,
  name: string,
  course: MailCourse,
  sessions: readonly MailSession[],
  reason: PromotionReason = 'seatFreed',
): ComposedMail {
  const why =
    reason === 'office'
      ? `l'ufficio formazione ha confermato il Suo posto al corso ${courseName(course)}: la Sua iscrizione, che era in lista d'attesa, è ora confermata.`
      : `si è liberato un posto: la Sua iscrizione al corso ${courseName(course)} è ora confermata.`;
  return compose(`Posto confermato: ${courseName(course)}`, [
    greeting(name),
    { kind: 'p', content: [why] },
    ...sessionsBlock(course, sessions),
    { kind: 'p', content: [CALENDAR] },
    howToCancel(ctx),
    signature(ctx),
  ]);
}

/** What staff's hand enrollment gave: the one outcome a staff action can leave as a row. */
export type StaffEnrollmentOutcome =
  | { kind: 'confirmed'; overCapacity: boolean }
  | { kind: 'waitlisted'; position: number | null }
  | { kind: 'pendingApproval' };

/** Staff enrolled the person by hand: the office acted, nobody "received a request". */
export function staffEnrollmentMail(
  ctx: MailContext,
  name: string,
  course: MailCourse,
  sessions: readonly MailSession[],
  outcome: StaffEnrollmentOutcome,
): ComposedMail {
  const title = courseName(course);
  const text =
    outcome.kind === 'confirmed'
      ? `l'ufficio formazione ha registrato la Sua iscrizione al corso ${title}${outcome.overCapacity ? ', con un posto aggiunto per Lei' : ''}: l'iscrizione è confermata.`
      : outcome.kind === 'waitlisted'
        ? `l'ufficio formazione ha inserito la Sua richiesta per il corso ${title} nella lista d'attesa${outcome.position ? ` (posizione ${outcome.position})` : ''}: Le scriveremo se si libera un posto.`
        : `l'ufficio formazione ha registrato la Sua richiesta di iscrizione al corso ${title}, che attende l'approvazione del referente del Suo comune.`;
  const blocks: Block[] = [greeting(name), { kind: 'p', content: [text] }, ...sessionsBlock(course, sessions)];
  if (outcome.kind === 'confirmed') blocks.push({ kind: 'p', content: [CALENDAR] });
  blocks.push(howToCancel(ctx), signature(ctx));
  const subject = outcome.kind === 'confirmed' ? `Iscrizione confermata: ${title}` : `Iscrizione registrata: ${title}`;
  return compose(subject, blocks);
}

/** Staff cancelled an enrollment (sidebar or `Stato` set to `Annullata`). */
export function staffCancellationMail(
  ctx: MailContext,
  name: string,
  course: MailCourse,
  reason: string,
): ComposedMail {
  const blocks: Block[] = [
    greeting(name),
    {
      kind: 'p',
      content: [`la Sua iscrizione al corso ${courseName(course)} è stata annullata dall'ufficio formazione.`],
    },
  ];
  if (reason.trim()) blocks.push({ kind: 'p', content: [`Motivo: ${reason.trim()}`] });
  blocks.push({ kind: 'p', content: [QUESTIONS] }, signature(ctx));
  return compose(`Iscrizione annullata: ${courseName(course)}`, blocks);
}

/** To `Email staff per notifiche`: a request from an address that is not in `Dipendenti`. */
export function unknownEmailStaffMail(
  email: string,
  answered: { firstName: string; lastName: string; comune: string },
  courses: readonly MailCourse[],
): ComposedMail {
  return compose(`Iscrizione da verificare: ${email}`, [
    {
      kind: 'p',
      content: ['È arrivata una richiesta di iscrizione da un indirizzo email non presente nel foglio Dipendenti.'],
    },
    {
      kind: 'list',
      items: [
        [`Email: ${email}`],
        [`Nome e cognome indicati: ${`${answered.firstName} ${answered.lastName}`.trim() || '(non indicati)'}`],
        [`Comune indicato: ${answered.comune || '(non indicato)'}`],
        [`Corsi richiesti: ${courses.map(courseName).join(', ')}`],
      ],
    },
    {
      kind: 'p',
      content: [
        'Le richieste sono registrate nel foglio Iscrizioni con stato "Da verificare": nel pannello Academy4PA, alla voce del corso, si può collegare la richiesta al dipendente giusto oppure annullarla.',
      ],
    },
  ]);
}
