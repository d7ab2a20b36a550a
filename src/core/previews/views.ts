/**
 * What staff read before a workflow that mails people or issues documents runs: its preview as a
 * message, titled lists (who, what is sent, who is left out and why) and the confirming button's label.
 * One reading for the sidebar and for the menu's dialog, so the two always say the same thing.
 */
import type { CertificatePreview } from '../certificates/preview';

export interface PreviewList {
  title: string;
  items: string[];
}

export interface PreviewView {
  message: string;
  lists: PreviewList[];
  /** The confirming button's label ('' when there is nothing to run). */
  confirm: string;
}

export function certificatesView(p: CertificatePreview): PreviewView {
  const lists: PreviewList[] = [];
  for (const c of p.courses) {
    if (c.blocked) continue;
    const prefix = p.courses.length > 1 ? `${c.code}: ` : '';
    if (c.toIssue.length > 0)
      lists.push({
        title: `${prefix}riceveranno l'attestato (${c.toIssue.length})`,
        items: c.toIssue.map((x) => `${x.name} — ${x.hoursAttended} ore`),
      });
    if (c.alreadyIssued.length > 0)
      lists.push({
        title: `${prefix}già emessi (${c.alreadyIssued.length})`,
        items: c.alreadyIssued.map((x) => `${x.name} — ${x.number}`),
      });
    if (c.leftOut.length > 0)
      lists.push({
        title: `${prefix}esclusi (${c.leftOut.length})`,
        items: c.leftOut.map((x) => `${x.name} — ${x.reason}`),
      });
  }
  const blocked = p.courses.some((c) => c.blocked !== '') && p.courses.length === 1;
  return {
    message: p.message,
    lists,
    confirm:
      blocked || p.toIssue === 0
        ? ''
        : `Conferma: emissione e invio di ${p.toIssue} ${p.toIssue === 1 ? 'attestato' : 'attestati'}`,
  };
}

export interface SummariesPreviewInput {
  message: string;
  recipients: ReadonlyArray<{ comune: string; to: string; subject: string; alreadySent: boolean }>;
  leftOut: ReadonlyArray<{ comune: string; reason: string }>;
}

export function summariesView(p: SummariesPreviewInput): PreviewView {
  const fresh = p.recipients.filter((r) => !r.alreadySent);
  const lists: PreviewList[] = [
    { title: `Destinatari (${fresh.length})`, items: fresh.map((r) => `${r.comune} — ${r.to}`) },
  ];
  if (fresh[0]) lists.push({ title: 'Oggetto della email', items: [fresh[0].subject] });
  if (p.leftOut.length > 0)
    lists.push({
      title: `Senza riepilogo (${p.leftOut.length})`,
      items: p.leftOut.map((x) => `${x.comune} — ${x.reason}`),
    });
  return {
    message: p.message,
    lists,
    confirm: fresh.length === 0 ? '' : `Conferma: invio di ${fresh.length} email ai referenti`,
  };
}

export function feedbackView(p: { message: string; courses: readonly string[] }): PreviewView {
  return {
    message: p.message,
    lists: [{ title: `Corsi nel questionario (${p.courses.length})`, items: [...p.courses] }],
    confirm: 'Conferma: pubblica il questionario',
  };
}

export interface RetentionPreviewInput {
  message: string;
  years: number | null;
  enrollments: number;
  attendance: number;
  certificates: number;
  pdfs: number;
}

export function retentionView(p: RetentionPreviewInput): PreviewView {
  if (p.years === null) return { message: p.message, lists: [], confirm: '' };
  return {
    message: p.message,
    lists: [
      {
        title: 'Da rendere anonimi',
        items: [
          `Iscrizioni: ${p.enrollments}`,
          `Righe di presenza: ${p.attendance}`,
          `Attestati: ${p.certificates} (PDF nel cestino: ${p.pdfs})`,
        ],
      },
    ],
    confirm: 'Conferma: anonimizzazione dei dati oltre gli «Anni di conservazione»',
  };
}

export interface CalendarPreviewInput {
  message: string;
  writes: ReadonlyArray<{
    sessionId: string;
    date: string;
    start: string;
    kind: 'insert' | 'patch' | 'cancel';
    guests: number;
  }>;
  invalid: ReadonlyArray<{ sessionId: string; message: string }>;
}

const CALENDAR_LISTS = [
  ['insert', 'Eventi da creare'],
  ['patch', 'Eventi da aggiornare'],
  ['cancel', 'Eventi da annullare'],
] as const;

export function calendarView(p: CalendarPreviewInput): PreviewView {
  const lists: PreviewList[] = [];
  for (const [kind, title] of CALENDAR_LISTS) {
    const writes = p.writes.filter((w) => w.kind === kind);
    if (writes.length === 0) continue;
    lists.push({
      title: `${title} (${writes.length})`,
      items: writes.map(
        (w) =>
          `${w.sessionId} — ${w.date.split('-').reverse().join('/')} ${w.start}` +
          (kind === 'cancel' ? '' : `, ${w.guests} ${w.guests === 1 ? 'invitato' : 'invitati'}`),
      ),
    });
  }
  if (p.invalid.length > 0)
    lists.push({
      title: `Sessioni da correggere in «Sessioni» (${p.invalid.length})`,
      items: p.invalid.map((i) => `${i.sessionId} — ${i.message}`),
    });
  return {
    message: p.message,
    lists,
    confirm: p.writes.length > 0 ? `Conferma: sincronizzazione di ${p.writes.length} eventi` : '',
  };
}
