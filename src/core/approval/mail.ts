/**
 * The Italian mails of referent approval: the request with its approve and deny links, the reminder of
 * requests still waiting, and the outcome told to the employee.
 */
import { compose, type Block, type ComposedMail, type Inline } from '../mail/document';
import type { MailContext, MailCourse } from '../mail/enrollment';

export interface ApprovalRequestItem {
  enrollmentId: string;
  course: MailCourse;
  employeeName: string;
  email: string;
  /** The request time as staff read it (`dd/MM/yyyy`). */
  requestedOn: string;
  /** Empty when the web app is not deployed: then the referent answers by mail. */
  approveUrl: string;
  denyUrl: string;
}

function courseName(course: MailCourse): string {
  return `${course.title} (${course.code})`;
}

function signature(ctx: MailContext): Block {
  return { kind: 'p', content: [`Un cordiale saluto,\n${ctx.sender.trim() || 'Ufficio formazione del Consorzio'}`] };
}

function itemLine(item: ApprovalRequestItem): Inline[] {
  const who = `${item.employeeName || item.email} (${item.email}), ${courseName(item.course)}, richiesta del ${item.requestedOn}`;
  if (!item.approveUrl || !item.denyUrl) return [who];
  return [who, ': ', { text: 'APPROVA', url: item.approveUrl }, ' — ', { text: 'RESPINGI', url: item.denyUrl }];
}

function linksAdvice(items: readonly ApprovalRequestItem[], validDays: number): Block {
  if (items.some((i) => !i.approveUrl)) {
    return {
      kind: 'p',
      content: [
        "Può rispondere a questa email indicando se approva o respinge ciascuna richiesta: l'ufficio formazione aggiornerà l'iscrizione.",
      ],
    };
  }
  return {
    kind: 'p',
    content: [
      `Ogni link vale una sola volta ed è valido ${validDays} giorni. Per respingere con una motivazione aggiunga al link del rifiuto «&motivo=» seguito dal testo, oppure risponda a questa email.`,
    ],
  };
}

/** To a comune's referent: new requests of one of its employees waiting for approval. */
export function approvalRequestMail(
  ctx: MailContext,
  comune: string,
  items: readonly ApprovalRequestItem[],
  validDays: number,
): ComposedMail {
  const first = items[0];
  const who = first ? first.employeeName || first.email : '';
  return compose(`Richiesta di approvazione iscrizione: ${who}`, [
    { kind: 'p', content: [`Gentile referente del Comune di ${comune},`] },
    {
      kind: 'p',
      content: [
        "una persona del Suo comune ha chiesto l'iscrizione ai corsi seguenti, che richiedono la Sua approvazione:",
      ],
    },
    { kind: 'list', items: items.map(itemLine) },
    linksAdvice(items, validDays),
    {
      kind: 'p',
      content: [
        "Se approvi, il posto viene assegnato secondo l'ordine di richiesta (o il dipendente entra in lista d'attesa).",
      ],
    },
    signature(ctx),
  ]);
}

/** To a referent who has not answered yet: every request still waiting, with fresh links. */
export function approvalReminderMail(
  ctx: MailContext,
  comune: string,
  items: readonly ApprovalRequestItem[],
  validDays: number,
): ComposedMail {
  return compose(
    `Promemoria: ${items.length} ${items.length === 1 ? 'richiesta' : 'richieste'} di iscrizione da approvare`,
    [
      { kind: 'p', content: [`Gentile referente del Comune di ${comune},`] },
      { kind: 'p', content: ['le richieste di iscrizione seguenti attendono ancora la Sua decisione:'] },
      { kind: 'list', items: items.map(itemLine) },
      linksAdvice(items, validDays),
      signature(ctx),
    ],
  );
}

export type ApprovalOutcome =
  { kind: 'confirmed' } | { kind: 'waitlisted'; position: number | null } | { kind: 'denied'; reason: string };

/** To the employee once the referent (or staff) decided. */
export function approvalOutcomeMail(
  ctx: MailContext,
  name: string,
  course: MailCourse,
  outcome: ApprovalOutcome,
): ComposedMail {
  const greeting: Block = { kind: 'p', content: [name.trim() ? `Gentile ${name.trim()},` : 'Gentile collega,'] };
  const blocks: Block[] = [greeting];
  if (outcome.kind === 'denied') {
    blocks.push({
      kind: 'p',
      content: [`la Sua richiesta di iscrizione al corso ${courseName(course)} non è stata approvata.`],
    });
    blocks.push({ kind: 'p', content: [`Motivo: ${outcome.reason}`] });
  } else if (outcome.kind === 'confirmed') {
    blocks.push({
      kind: 'p',
      content: [
        `la Sua richiesta di iscrizione al corso ${courseName(course)} è stata approvata: iscrizione confermata.`,
      ],
    });
    blocks.push({ kind: 'p', content: ["Riceverà l'invito di Google Calendar per ogni incontro."] });
  } else {
    const position = outcome.position ? ` (posizione ${outcome.position})` : '';
    blocks.push({
      kind: 'p',
      content: [
        `la Sua richiesta di iscrizione al corso ${courseName(course)} è stata approvata; il corso è al completo e la richiesta è in lista d'attesa${position}: Le scriveremo se si libera un posto.`,
      ],
    });
  }
  blocks.push(signature(ctx));
  const subject =
    outcome.kind === 'denied'
      ? `Iscrizione non approvata: ${courseName(course)}`
      : `Iscrizione approvata: ${courseName(course)}`;
  return compose(subject, blocks);
}
