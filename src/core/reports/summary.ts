/**
 * "Invia riepilogo ai comuni": one mail per comune's referent with its employees' hours against the
 * yearly target and who is still short. A period (calendar month) identifies the mail, so a second run
 * in the same month sends nothing new.
 */
import { compose, type Block, type ComposedMail } from '../mail/document';
import { formatNumberIt, ITALIAN_MONTHS, normalizeKey } from '../text';
import type { ComuneReportRow, EmployeeReportRow, Reports } from './compute';

export interface ComuneSummary extends ComposedMail {
  /** What identifies the comune in the period's record: its ISTAT code, else its name. */
  comune: string;
  /** The comune's name as `Comuni` has it. */
  name: string;
  to: string;
  dedupeKey: string;
}

/** `2027-03` → `marzo 2027`. */
export function periodLabel(period: string): string {
  const [y, m] = period.split('-');
  return `${ITALIAN_MONTHS[Number(m) - 1] ?? m} ${y}`;
}

export function comuneKey(comune: Pick<ComuneReportRow, 'istat' | 'name'>): string {
  return comune.istat || normalizeKey(comune.name);
}

export function summaryDedupeKey(comune: Pick<ComuneReportRow, 'istat' | 'name'>, period: string): string {
  return `summary:${comuneKey(comune)}:${period}`;
}

function hours(n: number): string {
  return `${formatNumberIt(n, 1)} ${n === 1 ? 'ora' : 'ore'}`;
}

function byName(a: EmployeeReportRow, b: EmployeeReportRow): number {
  return (
    a.lastName.localeCompare(b.lastName, 'it') ||
    a.firstName.localeCompare(b.firstName, 'it') ||
    a.id.localeCompare(b.id)
  );
}

/** The referent's own page of the comune: its signed link and the last day it works (`dd/mm/yyyy`). */
export interface ComunePageLink {
  url: string;
  validUntil: string;
}

function summaryMail(
  comune: ComuneReportRow,
  staff: EmployeeReportRow[],
  reports: Reports,
  period: string,
  page: ComunePageLink | null,
): ComposedMail {
  const short = staff.filter((e) => !e.reached).sort(byName);
  const reached = staff.length - short.length;
  const share = staff.length > 0 ? Math.round((reached / staff.length) * 100) : 0;
  const blocks: Block[] = [
    { kind: 'p', content: [`Gentile referente del Comune di ${comune.name},`] },
    {
      kind: 'p',
      content: [
        `ecco la situazione della formazione dei dipendenti del Comune nell'anno formativo ${reports.year}, aggiornata a ${periodLabel(period)}. ` +
          `L'obiettivo annuo è di ${hours(reports.targetHours)} di formazione per dipendente.`,
      ],
    },
    {
      kind: 'list',
      items: [
        [`Dipendenti attivi: ${comune.employees}`],
        [`Dipendenti formati (almeno un'ora): ${comune.trained}`],
        [`Ore di formazione svolte in totale: ${formatNumberIt(comune.hours, 1)}`],
        [`Ore medie per dipendente: ${formatNumberIt(comune.averageHours ?? 0, 1)}`],
        [`Hanno raggiunto l'obiettivo: ${reached} su ${staff.length} (${share}%)`],
      ],
    },
  ];
  if (short.length === 0) {
    blocks.push({ kind: 'p', content: ["Tutti i dipendenti hanno raggiunto l'obiettivo annuo: complimenti!"] });
  } else {
    blocks.push({ kind: 'h', text: "Chi non ha ancora raggiunto l'obiettivo" });
    blocks.push({
      kind: 'list',
      items: short.map((e) => [
        `${e.lastName} ${e.firstName}: ${hours(e.hours)} svolte, ne mancano ${formatNumberIt(e.missing, 1)}`,
      ]),
    });
  }
  if (page) {
    blocks.push({
      kind: 'p',
      content: [
        'Può consultare quando vuole la situazione aggiornata di ciascun dipendente (ore, corsi frequentati e prenotati, attestati) sulla ',
        { text: 'pagina del Comune', url: page.url },
        ` (link personale, da non inoltrare, valido fino al ${page.validUntil}).`,
      ],
    });
  }
  blocks.push({
    kind: 'p',
    content: [
      "Le ore comprendono i corsi dell'Academy e la formazione svolta altrove registrata dal Consorzio. Per segnalare correzioni può rispondere a questa e-mail.",
    ],
  });
  return compose(`Formazione ${reports.year}: riepilogo del Comune di ${comune.name} (${periodLabel(period)})`, blocks);
}

/**
 * The period's summaries, one per comune with a referent and at least one active employee, in the
 * order of the comuni report.
 */
export function comuneSummaries(
  reports: Reports,
  period: string,
  pageLink: (comune: ComuneReportRow) => ComunePageLink | null = () => null,
): ComuneSummary[] {
  const staffByComune = new Map<string, EmployeeReportRow[]>();
  for (const e of reports.employees) {
    if (!e.active) continue;
    const key = normalizeKey(e.comune);
    const list = staffByComune.get(key) ?? [];
    list.push(e);
    staffByComune.set(key, list);
  }
  const out: ComuneSummary[] = [];
  for (const comune of reports.comuni) {
    const staff = staffByComune.get(normalizeKey(comune.name)) ?? [];
    if (!comune.referentEmail || staff.length === 0) continue;
    out.push({
      ...summaryMail(comune, staff, reports, period, pageLink(comune)),
      comune: comuneKey(comune),
      name: comune.name,
      to: comune.referentEmail,
      dedupeKey: summaryDedupeKey(comune, period),
    });
  }
  return out;
}

/**
 * Who a summary comes from: the sender's name (`Nome mittente`, else the product's) and the staff's
 * address for replies (`Email notifiche staff`, none when empty). The add-on's outbox and the worker's
 * Gmail message both take it from here.
 */
export function summaryEnvelope(settings: { senderName: string; staffNotificationEmail: string }): {
  name: string;
  replyTo: string;
} {
  return { name: settings.senderName || 'Academy4PA', replyTo: settings.staffNotificationEmail };
}

/** The comuni that get no summary, and why (the preview lists them next to the recipients). */
export function summaryExclusions(reports: Reports): Array<{ comune: string; reason: string }> {
  const active = new Set(reports.employees.filter((e) => e.active).map((e) => normalizeKey(e.comune)));
  const out: Array<{ comune: string; reason: string }> = [];
  for (const comune of reports.comuni) {
    if (!comune.referentEmail) out.push({ comune: comune.name, reason: 'nessuna «Email referente» in Comuni' });
    else if (!active.has(normalizeKey(comune.name)))
      out.push({ comune: comune.name, reason: 'nessun dipendente attivo' });
  }
  return out;
}
