/**
 * The web app (`doGet`): public by design, since referents and anyone checking a certificate open its
 * links without signing in. It acts only on a valid signed token (approval) and shows only what a
 * verification may show; every other request gets an Italian page and changes nothing.
 */
import { PENDING_APPROVAL } from '../../core/approval/decide';
import { DAY_MS } from '../../core/time/units';
import { applyDecision, type DecisionGuard } from '../approval/decide';
import { verifyDecisionToken, webAppBaseUrl, LINK_VALID_DAYS } from '../approval/links';
import { comuneView } from '../comune-page/view';
import { flushLog, logEvent } from '../registry/log';
import { Ledger } from '../reminders/ledger';
import { verificationPage } from '../verification/verify';
import { htmlPage, type Page } from './page';

interface WebAppEvent {
  parameter?: Record<string, unknown>;
}

const USED_LINKS = 'approval-links';

function param(e: WebAppEvent | undefined, name: string): string {
  const v = e?.parameter?.[name];
  return typeof v === 'string' ? v : '';
}

const NO_CHANGE = 'Nessuna modifica è stata fatta.';

function decisionPage(token: string, reason: string, confirmed: boolean): Page {
  const now = Date.now();
  const check = verifyDecisionToken(token, now);
  if (!check.ok) {
    logEvent('Link di approvazione rifiutato', check.reason, 'web');
    if (check.reason === 'expired') {
      return {
        title: 'Link scaduto',
        tone: 'error',
        lines: [
          `Il link è scaduto (vale ${LINK_VALID_DAYS} giorni). ${NO_CHANGE}`,
          "Riceverà un promemoria con un link nuovo, oppure può rispondere all'email dell'ufficio formazione.",
        ],
      };
    }
    return {
      title: 'Link non valido',
      tone: 'error',
      lines: [`Il link non è valido o è stato modificato. ${NO_CHANGE}`, "Usi il link ricevuto per email così com'è."],
    };
  }
  const { claims } = check;
  const approve = claims.decision === 'approve';
  if (!confirmed) return confirmationPage(token, approve);
  let ledger: Ledger | null = null;
  const guard: DecisionGuard = {
    allow: () => {
      ledger = Ledger.open(USED_LINKS);
      return !ledger.has(claims.nonce, now);
    },
    used: () => {
      // Kept a day beyond the link's expiry: after that the signature check refuses it anyway.
      ledger?.add(claims.nonce, claims.expiresAt * 1000 + DAY_MS);
      ledger?.save(now);
    },
  };
  const applied = applyDecision(claims.enrollmentId, approve, 'referent', approve ? undefined : reason, guard);
  if (applied === null) {
    return {
      title: 'Riprovi tra poco',
      tone: 'warning',
      lines: [`Il sistema è occupato in questo momento. ${NO_CHANGE} Riapra il link tra qualche minuto.`],
    };
  }
  if (applied === false) {
    logEvent('Link di approvazione rifiutato', `già usato (${claims.enrollmentId})`, 'web');
    return {
      title: 'Link già utilizzato',
      tone: 'error',
      lines: [`Questo link è già stato usato: ogni link vale una sola volta. ${NO_CHANGE}`],
    };
  }
  const { outcome, name, courseTitle } = applied;
  if (outcome.kind === 'unknown') {
    return {
      title: 'Richiesta non trovata',
      tone: 'error',
      lines: [`La richiesta di iscrizione non esiste più. ${NO_CHANGE}`],
    };
  }
  const e = outcome.enrollment;
  const facts: Array<readonly [string, string]> = [
    ['Dipendente', name || e.email],
    ['Corso', `${courseTitle} (${e.course})`],
  ];
  if (outcome.kind === 'notPending') {
    return {
      title: 'Richiesta già decisa',
      tone: 'warning',
      lines: [
        `Questa richiesta non è più in attesa di approvazione (stato attuale: ${e.status === PENDING_APPROVAL ? 'in approvazione' : e.status}). ${NO_CHANGE}`,
      ],
      facts,
    };
  }
  if (outcome.kind === 'denied') {
    return {
      title: 'Iscrizione respinta',
      tone: 'ok',
      lines: ['Grazie: la richiesta è stata respinta e il dipendente ne riceve comunicazione per email.'],
      facts: [...facts, ['Motivo', outcome.reason]],
    };
  }
  const result =
    e.status === 'Confermata'
      ? 'iscrizione confermata'
      : `corso al completo, in lista d'attesa (posizione ${e.waitPosition ?? '-'})`;
  return {
    title: 'Iscrizione approvata',
    tone: 'ok',
    lines: ['Grazie: la richiesta è stata approvata e il dipendente ne riceve comunicazione per email.'],
    facts: [...facts, ['Esito', result]],
  };
}

/**
 * Following the link only asks for confirmation: mail security scanners open every link of a message,
 * and a decision must come from the referent's click, not from theirs.
 */
function confirmationPage(token: string, approve: boolean): Page {
  return {
    title: approve ? "Approvare l'iscrizione?" : "Respingere l'iscrizione?",
    tone: 'warning',
    lines: [
      approve
        ? "Prema il pulsante per approvare la richiesta di iscrizione: il dipendente riceverà l'esito per email."
        : 'Prema il pulsante per respingere la richiesta di iscrizione; può indicare il motivo, che sarà comunicato al dipendente.',
      'Il link vale una sola volta.',
    ],
    confirm: {
      action: webAppBaseUrl(),
      label: approve ? 'Conferma approvazione' : 'Conferma rifiuto',
      fields: { decisione: token, conferma: '1' },
      ...(approve ? {} : { reasonLabel: 'Motivo (facoltativo)' }),
    },
  };
}

function homePage(): Page {
  return {
    title: 'Academy4PA',
    tone: 'warning',
    lines: [
      "Questa pagina si apre dai link inviati per email dall'ufficio formazione (approvazione delle iscrizioni, verifica degli attestati).",
      "Per verificare un attestato aggiunga all'indirizzo «?verifica=» seguito dal codice stampato sull'attestato.",
    ],
  };
}

function comuneLinkUrl(token: string): string {
  const base = webAppBaseUrl();
  return `${base}${base.includes('?') ? '&' : '?'}comune=${encodeURIComponent(token)}`;
}

export function doGet(e?: WebAppEvent): GoogleAppsScript.HTML.HtmlOutput | GoogleAppsScript.Content.TextOutput {
  let page: Page;
  try {
    const token = param(e, 'decisione');
    const code = param(e, 'verifica');
    const comune = param(e, 'comune');
    if (token) page = decisionPage(token, param(e, 'motivo'), param(e, 'conferma') === '1');
    else if (code) page = verificationPage(code);
    else if (comune) {
      const view = comuneView(comune, param(e, 'formato') === 'csv', comuneLinkUrl(comune));
      if (view.kind === 'csv') {
        flushLog();
        return ContentService.createTextOutput(view.csv)
          .setMimeType(ContentService.MimeType.CSV)
          .downloadAsFile(view.filename);
      }
      page = view.page;
    } else page = homePage();
  } catch (error) {
    logEvent('Errore', `pagina web: ${error instanceof Error ? error.message : String(error)}`, 'web');
    page = {
      title: 'Servizio non disponibile',
      tone: 'error',
      lines: ['Si è verificato un errore imprevisto: riprovi tra qualche minuto.'],
    };
  }
  try {
    flushLog();
  } catch (error) {
    console.log(`Registro non scritto: ${error instanceof Error ? error.message : String(error)}`);
  }
  return htmlPage(page);
}
