/**
 * Staff's actions on the comuni's pages: mail a referent (or every referent, after a preview of the
 * recipients) the link to their comune's page, or revoke every link of a comune made so far (a link
 * leaked, a referent changed).
 */
import {
  comuneLinkRecipients,
  findComuneByName,
  type ComuneLinkRecipient,
} from '../../core/reports/comune-link-recipients';
import { comunePageMail } from '../../core/reports/comune-page-mail';
import { BusyError, UserError } from '../../core/registry/errors';
import type { Comune, Settings } from '../../core/registry/schemas';
import { TAB } from '../../core/registry/tabs';
import { slashedDate } from '../../core/text';
import { DAY_MS } from '../../core/time/units';
import { withScriptLock } from '../enrollment/process';
import { flushMail, queueMail, wasMailSent, type QueueOutcome } from '../mail/outbox';
import { serverAction } from '../platform/entry';
import { logEvent } from '../registry/log';
import { readSettings } from '../registry/settings';
import { readTable } from '../registry/table';
import { formatInSpreadsheetZone } from '../registry/workbook';
import { comuneLinks, revokeComuneLinks, type ComuneLink } from './links';

const NO_WEB_APP = 'Il componente non è pubblicato come applicazione web: la pagina del Comune non ha un indirizzo.';

function readComuni(): Comune[] {
  return readTable(TAB.comuni).rows.map((r) => r.record);
}

function findComune(comuni: readonly Comune[], comune: string): Comune {
  const found = findComuneByName(comuni, String(comune ?? ''));
  if (!found) throw new UserError(`Nessun comune «${String(comune ?? '')}» in «Comuni».`);
  if (!/^\d{6}$/.test(found.istat)) {
    throw new UserError(
      `Il Comune di ${found.name} non ha un «Codice ISTAT» di sei cifre: la sua pagina non ha un link.`,
    );
  }
  return found;
}

/** The recipients of one comune (named) or of all of them (''), with the links signed for them now. */
function plan(comune: string, now: number) {
  const comuni = readComuni();
  const { recipients, leftOut } = comuneLinkRecipients(comune ? [findComune(comuni, comune)] : comuni);
  const links = comuneLinks(
    recipients.map((r) => r.istat),
    now,
  );
  if (recipients.length > 0 && links.size === 0) throw new UserError(NO_WEB_APP);
  const day = formatInSpreadsheetZone(new Date(now), 'yyyy-MM-dd');
  const validUntil = (link: ComuneLink): string =>
    slashedDate(formatInSpreadsheetZone(new Date(link.expiresAtMs - DAY_MS), 'yyyy-MM-dd'));
  const mails = recipients.flatMap((r) => {
    const link = links.get(r.istat);
    return link
      ? [{ ...r, link, validUntil: validUntil(link), dedupeKey: `comune-page:${r.istat}:${link.version}:${day}` }]
      : [];
  });
  return { mails, leftOut };
}

type LinkMail = ReturnType<typeof plan>['mails'][number];

function queueLink(m: LinkMail, settings: Settings): QueueOutcome {
  const mail = comunePageMail(m.comune, m.link.url, m.validUntil);
  const outcome = queueMail({
    to: m.to,
    subject: mail.subject,
    body: mail.body,
    htmlBody: mail.htmlBody,
    name: settings.senderName,
    replyTo: settings.staffNotificationEmail,
    dedupeKey: m.dedupeKey,
  });
  if (outcome === 'queued')
    logEvent('Link pagina comune inviato', `${m.comune}: ${m.to}, valido fino al ${m.validUntil}`);
  return outcome;
}

export interface ComuneLinkResult {
  message: string;
  comune: string;
  to: string;
  validUntil: string;
}

/** Mails the comune's referent a fresh link to the comune's page (once a day at most). */
export const sendComunePageLink = serverAction('Invia link pagina comune', (comune: string): ComuneLinkResult => {
  const found = findComune(readComuni(), comune);
  if (!found.referentEmail) throw new UserError(`Il Comune di ${found.name} non ha un'«Email referente» in «Comuni».`);
  const m = plan(found.name, Date.now()).mails[0];
  if (!m) throw new UserError(NO_WEB_APP);
  const queued = queueLink(m, readSettings());
  if (queued === 'failed' || queued === 'parked') {
    throw new UserError(
      `Il link alla pagina del Comune di ${found.name} non è partito per ${m.to}: il motivo è in «Registro». Riprovi tra qualche minuto.`,
    );
  }
  const flush = flushMail();
  const waiting = flush.pending > 0 ? ' Partirà appena la quota giornaliera di email lo consente.' : '';
  return {
    message:
      queued === 'queued'
        ? `Link alla pagina del Comune di ${found.name} inviato a ${m.to} (valido fino al ${m.validUntil}).${waiting}`
        : `Il link alla pagina del Comune di ${found.name} era già stato inviato oggi a ${m.to}.`,
    comune: found.name,
    to: m.to,
    validUntil: m.validUntil,
  };
});

export interface ComuneLinksPreview {
  message: string;
  /** The last day the links sent now work (dd/MM/yyyy; '' when nobody would receive one). */
  validUntil: string;
  recipients: Array<Omit<ComuneLinkRecipient, 'istat'> & { alreadySent: boolean }>;
  leftOut: Array<{ comune: string; reason: string }>;
}

/** «Invia link pagina comune» without sending: which referents would receive their link, who not and why. */
export const previewComunePageLinks = serverAction(
  'Anteprima link pagina comune',
  (comune?: string): ComuneLinksPreview => {
    const { mails, leftOut } = plan(typeof comune === 'string' ? comune.trim() : '', Date.now());
    const recipients = mails.map((m) => ({ comune: m.comune, to: m.to, alreadySent: wasMailSent(m.dedupeKey) }));
    const fresh = recipients.filter((r) => !r.alreadySent).length;
    const parts = [
      fresh === 0
        ? 'Nessun link da inviare.'
        : `${fresh === 1 ? 'Un referente riceverà' : `${fresh} referenti riceveranno`} il link alla pagina del proprio Comune.`,
      recipients.length > fresh ? `${recipients.length - fresh} già inviati oggi.` : '',
      leftOut.length > 0 ? `${leftOut.length} comuni senza link (motivo accanto al nome).` : '',
    ];
    return {
      message: parts.filter(Boolean).join(' '),
      validUntil: mails[0]?.validUntil ?? '',
      recipients,
      leftOut,
    };
  },
  { readOnly: true },
);

export interface ComuneLinksResult {
  message: string;
  sent: number;
  alreadySent: number;
  /** Mails that could not be queued (the reason is in `Registro`). */
  failed: string[];
  leftOut: Array<{ comune: string; reason: string }>;
}

/** Mails every referent the link to their comune's page (each at most once a day), as the preview listed. */
export const sendComunePageLinks = serverAction('Invia link pagina comune a tutti', (): ComuneLinksResult => {
  const result = withScriptLock(() => {
    const { mails, leftOut } = plan('', Date.now());
    const settings = readSettings();
    const outcomes = mails.map((m) => ({ m, outcome: queueLink(m, settings) }));
    const flush = flushMail();
    const sent = outcomes.filter((o) => o.outcome === 'queued').length;
    const alreadySent = outcomes.filter((o) => o.outcome === 'duplicate').length;
    const failed = outcomes.filter((o) => o.outcome === 'failed' || o.outcome === 'parked').map((o) => o.m.comune);
    const parts = [
      `Link alla pagina del Comune inviati a ${sent} referenti.`,
      alreadySent > 0 ? `${alreadySent} già inviati oggi.` : '',
      failed.length > 0 ? `Non partiti: ${failed.join(', ')} (il motivo è in «Registro»).` : '',
      flush.pending > 0 ? `${flush.pending} partiranno appena la quota giornaliera di email lo consente.` : '',
    ];
    return { message: parts.filter(Boolean).join(' '), sent, alreadySent, failed, leftOut };
  });
  if (!result) throw new BusyError();
  return result;
});

/** Every link to the comune's page made so far stops working at once. */
export const revokeComunePageLink = serverAction('Revoca link pagina comune', (comune: string): { message: string } => {
  const found = findComune(readComuni(), comune);
  revokeComuneLinks(found.istat);
  logEvent('Link pagina comune revocati', found.name);
  return {
    message: `I link alla pagina del Comune di ${found.name} inviati finora non funzionano più; il prossimo riepilogo mensile ne porta uno nuovo.`,
  };
});
