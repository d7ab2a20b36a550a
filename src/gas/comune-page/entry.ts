/**
 * Staff's actions on the comuni's pages: mail a referent the link to their comune's page, or revoke
 * every link of a comune made so far (a link leaked, a referent changed).
 */
import { comunePageMail } from '../../core/reports/comune-page-mail';
import { UserError } from '../../core/registry/errors';
import { TAB } from '../../core/registry/tabs';
import { normalizeKey, slashedDate } from '../../core/text';
import { flushMail, queueMail } from '../mail/outbox';
import { serverAction } from '../platform/entry';
import { logEvent } from '../registry/log';
import { readSettings } from '../registry/settings';
import { readTable } from '../registry/table';
import { formatInSpreadsheetZone } from '../registry/workbook';
import { comuneLinks, revokeComuneLinks } from './links';

const DAY_MS = 86_400_000;

function findComune(comune: string) {
  const wanted = normalizeKey(String(comune ?? ''));
  const found = readTable(TAB.comuni).rows.find(
    (r) => normalizeKey(r.record.name) === wanted || r.record.istat === wanted,
  )?.record;
  if (!found) throw new UserError(`Nessun comune «${String(comune ?? '')}» in «Comuni».`);
  if (!/^\d{6}$/.test(found.istat)) {
    throw new UserError(
      `Il Comune di ${found.name} non ha un «Codice ISTAT» di sei cifre: la sua pagina non ha un link.`,
    );
  }
  return found;
}

export interface ComuneLinkResult {
  message: string;
  comune: string;
  to: string;
  validUntil: string;
}

/** Mails the comune's referent a fresh link to the comune's page (once a day at most). */
export const sendComunePageLink = serverAction('Invia link pagina comune', (comune: string): ComuneLinkResult => {
  const found = findComune(comune);
  if (!found.referentEmail) throw new UserError(`Il Comune di ${found.name} non ha un'«Email referente» in «Comuni».`);
  const now = Date.now();
  const link = comuneLinks([found.istat], now).get(found.istat);
  if (!link) {
    throw new UserError(
      'Il componente non è pubblicato come applicazione web: la pagina del Comune non ha un indirizzo.',
    );
  }
  const validUntil = slashedDate(formatInSpreadsheetZone(new Date(link.expiresAtMs - DAY_MS), 'yyyy-MM-dd'));
  const mail = comunePageMail(found.name, link.url, validUntil);
  const settings = readSettings();
  const day = formatInSpreadsheetZone(new Date(now), 'yyyy-MM-dd');
  logEvent('Link pagina comune inviato', `${found.name}: ${found.referentEmail}, valido fino al ${validUntil}`);
  const queued = queueMail({
    to: found.referentEmail,
    subject: mail.subject,
    body: mail.body,
    htmlBody: mail.htmlBody,
    name: settings.senderName,
    replyTo: settings.staffNotificationEmail,
    dedupeKey: `comune-page:${found.istat}:${link.version}:${day}`,
  });
  if (queued === 'failed' || queued === 'parked') {
    throw new UserError(
      `Il link alla pagina del Comune di ${found.name} non è partito per ${found.referentEmail}: il motivo è in «Registro». Riprovi tra qualche minuto.`,
    );
  }
  const flush = flushMail();
  const waiting = flush.pending > 0 ? ' Partirà appena la quota giornaliera di email lo consente.' : '';
  return {
    message:
      queued === 'queued'
        ? `Link alla pagina del Comune di ${found.name} inviato a ${found.referentEmail} (valido fino al ${validUntil}).${waiting}`
        : `Il link alla pagina del Comune di ${found.name} era già stato inviato oggi a ${found.referentEmail}.`,
    comune: found.name,
    to: found.referentEmail,
    validUntil,
  };
});

/** Every link to the comune's page made so far stops working at once. */
export const revokeComunePageLink = serverAction('Revoca link pagina comune', (comune: string): { message: string } => {
  const found = findComune(comune);
  revokeComuneLinks(found.istat);
  logEvent('Link pagina comune revocati', found.name);
  return {
    message: `I link alla pagina del Comune di ${found.name} inviati finora non funzionano più; il prossimo riepilogo mensile ne porta uno nuovo.`,
  };
});
