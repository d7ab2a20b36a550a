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
      return `Sei in lista d'attesa${outcome.position ? ` (posizione ${outcome.position})` : ''}: ti scriveremo se si libera un posto.`;
    case 'pendingApproval':
      return 'Richiesta in attesa di approvazione da parte del referente del tuo comune.';
    case 'refused':
      return `Iscrizione non accolta: ${outcome.reason}`;
    case 'unverified':
      return "Il tuo indirizzo email non risulta nell'anagrafica dei dipendenti: l'ufficio formazione verificherà la richiesta e ti ricontatterà.";
    case 'duplicate':
      return `Eri già iscritto/a a questo corso (stato attuale: ${outcome.status}${outcome.position ? `, posizione ${outcome.position}` : ''}): nessuna nuova iscrizione.`;
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
    'Per annullare un\'iscrizione compila di nuovo il modulo di iscrizione scegliendo gli stessi corsi e l\'azione "Annullamento"',
  ];
  if (ctx.formUrl.trim()) content.push(': ', { text: ctx.formUrl.trim(), url: ctx.formUrl.trim() });
  else content.push('.');
  return { kind: 'p', content };
}

function signature(ctx: MailContext): Block {
  return { kind: 'p', content: [`Un cordiale saluto,\n${ctx.sender.trim() || 'Ufficio formazione del Consorzio'}`] };
}

function greeting(name: string): Block {
  return { kind: 'p', content: [name.trim() ? `Gentile ${name.trim()},` : 'Gentile collega,'] };
}

/** The one mail a submission (or a manual enrollment) produces, listing every course's outcome. */
export function submissionMail(ctx: MailContext, name: string, items: readonly MailItem[]): ComposedMail {
  const cancelling = items.every((i) => i.outcome.kind === 'cancelled' || i.outcome.kind === 'notEnrolled');
  const blocks: Block[] = [
    greeting(name),
    {
      kind: 'p',
      content: [
        cancelling
          ? "abbiamo ricevuto la tua richiesta di annullamento. Ecco l'esito:"
          : "abbiamo ricevuto la tua richiesta di iscrizione. Ecco l'esito per ciascun corso:",
      ],
    },
  ];
  for (const item of items) {
    blocks.push({ kind: 'h', text: courseName(item.course) });
    blocks.push({ kind: 'p', content: [outcomeText(item.outcome)] });
    if (showsSessions(item.outcome)) blocks.push(...sessionsBlock(item.course, item.sessions));
  }
  if (items.some((i) => i.outcome.kind === 'confirmed')) {
    blocks.push({ kind: 'p', content: ["Riceverai anche l'invito di Google Calendar per ogni incontro."] });
  }
  blocks.push(howToCancel(ctx), signature(ctx));
  const subject = cancelling ? 'Annullamento iscrizione ai corsi: esito' : 'Iscrizione ai corsi: esito della richiesta';
  return compose(subject, blocks);
}

/** A waiting request got a seat. */
export function promotionMail(
  ctx: MailContext,
  name: string,
  course: MailCourse,
  sessions: readonly MailSession[],
): ComposedMail {
  return compose(`Posto confermato: ${courseName(course)}`, [
    greeting(name),
    {
      kind: 'p',
      content: [`si è liberato un posto: la tua iscrizione al corso ${courseName(course)} è ora confermata.`],
    },
    ...sessionsBlock(course, sessions),
    { kind: 'p', content: ["Riceverai l'invito di Google Calendar per ogni incontro."] },
    howToCancel(ctx),
    signature(ctx),
  ]);
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
      content: [`la tua iscrizione al corso ${courseName(course)} è stata annullata dall'ufficio formazione.`],
    },
  ];
  if (reason.trim()) blocks.push({ kind: 'p', content: [`Motivo: ${reason.trim()}`] });
  blocks.push(
    { kind: 'p', content: ["Per chiarimenti rispondi a questa email o contatta l'ufficio formazione."] },
    signature(ctx),
  );
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
        'Le richieste sono registrate nel foglio Iscrizioni con stato "Da verificare": aggiungi il dipendente in Dipendenti (o correggi l\'email) e aggiorna lo stato, oppure respingi la richiesta.',
      ],
    },
  ]);
}
