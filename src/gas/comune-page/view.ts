/**
 * What the web app shows for a referent's link: the comune's page, or its CSV. Nothing about other
 * comuni is read into the answer; a link that is not valid shows why and nothing else.
 */
import { computeReports } from '../../core/reports/compute';
import { comunePage, comunePageCsv, type ComunePage } from '../../core/reports/comune-page';
import { formatNumberIt } from '../../core/text';
import { logEvent } from '../registry/log';
import { readReportSource } from '../reports/data';
import type { Page } from '../webapp/page';
import { verifyComuneLink } from './links';

export type ComuneView = { kind: 'page'; page: Page } | { kind: 'csv'; csv: string; filename: string };

function refusal(title: string, line: string): ComuneView {
  return {
    kind: 'page',
    page: {
      title,
      tone: 'error',
      lines: [line, "Per un link nuovo può scrivere all'ufficio formazione del Consorzio."],
    },
  };
}

function list(items: readonly string[]): string {
  return items.length > 0 ? items.join(', ') : '—';
}

function htmlView(page: ComunePage, csvUrl: string): Page {
  return {
    title: `Formazione ${page.year} — Comune di ${page.comune}`,
    tone: 'ok',
    lines: [
      `Obiettivo annuo: ${formatNumberIt(page.target)} ore per dipendente. Hanno raggiunto l'obiettivo ${page.atTarget} dipendenti su ${page.employees.length}; ore svolte in totale: ${formatNumberIt(page.totalHours)}.`,
      "In cima all'elenco chi è più lontano dall'obiettivo.",
    ],
    table: {
      headers: ['Dipendente', 'Ore', 'Mancanti', 'Corsi frequentati', 'Corsi prenotati', 'Attestati'],
      rows: page.employees.map((e) => [
        `${e.lastName} ${e.firstName}`,
        formatNumberIt(e.hours),
        e.reached ? 'obiettivo raggiunto' : formatNumberIt(e.missing),
        list(e.attended),
        list(e.booked),
        list(e.certificates),
      ]),
    },
    links: [{ href: csvUrl, label: 'Scarica in formato CSV (Excel)' }],
  };
}

/** The view of `token`; `csv` asks for the download; `selfUrl` is the link itself, for the download link. */
export function comuneView(token: string, csv: boolean, selfUrl: string): ComuneView {
  const check = verifyComuneLink(token, Date.now());
  if (!check.ok) {
    logEvent('Link pagina comune rifiutato', check.reason, 'web');
    if (check.reason === 'expired') {
      return refusal(
        'Link scaduto',
        'Il link alla pagina del Comune è scaduto: ne trova uno nuovo nel prossimo riepilogo mensile.',
      );
    }
    if (check.reason === 'revoked') {
      return refusal('Link revocato', "Questo link è stato revocato dall'ufficio formazione.");
    }
    return refusal(
      'Link non valido',
      "Il link non è valido o è stato modificato: lo usi così com'è arrivato per email.",
    );
  }
  const source = readReportSource();
  const comune = source.input.comuni.find((c) => c.istat === check.claims.istat);
  if (!comune) return refusal('Comune non trovato', 'Il Comune di questo link non è più tra i comuni del Consorzio.');
  const page = comunePage(source.input, computeReports(source.input), comune.name);
  logEvent('Pagina comune consultata', `${comune.name}${csv ? ' (CSV)' : ''}`, 'web');
  if (csv) {
    return { kind: 'csv', csv: comunePageCsv(page), filename: `formazione-${page.year}-${comune.istat}.csv` };
  }
  return { kind: 'page', page: htmlView(page, `${selfUrl}&formato=csv`) };
}
