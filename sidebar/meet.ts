/**
 * Attendance from Meet as the sidebar shows it: the preview (what the import would fill, whom it lists
 * for staff), the outcome, and the display names staff may confirm as an enrollee. Pure: the DOM is
 * built in meet-panel.ts.
 */
import type { MeetImportReport, MeetSessionReport } from '../src/gas/attendance/meet-import';
import { formatNumberIt } from '../src/core/text';
import { italianDate, plural } from './dom';
import type { PreviewList, PreviewView } from './workflows';

/** A display name Meet gave that matches one enrollee's name: staff confirm it before it counts. */
export interface NameConfirmation {
  course: string;
  displayName: string;
  employeeId: string;
  /** The confirming button's label, saying who becomes whom. */
  label: string;
}

function hours(n: number | null): string {
  return n === null ? 'nessuna ora' : `${formatNumberIt(n)} ${n === 1 ? 'ora' : 'ore'}`;
}

function sessionLists(s: MeetSessionReport, prefixed: boolean, done: boolean): PreviewList[] {
  const prefix = prefixed ? `${s.course} del ${italianDate(s.date)}: ` : '';
  const lists: PreviewList[] = [
    {
      title: `${prefix}${done ? 'righe compilate' : 'righe da compilare'} (${s.written.length})`,
      items: s.written.map((w) => `${w.name} — ${w.present ? `presente, ${hours(w.hours)}` : 'non presente'}`),
    },
    {
      title: `${prefix}nomi da confermare (${s.toConfirm.length})`,
      items: s.toConfirm.map((c) => `«${c.displayName}» sembra ${c.name} — ${hours(c.hours)}`),
    },
    {
      title: `${prefix}partecipanti non riconosciuti (${s.unmatched.length})`,
      items: s.unmatched.map(
        (u) => `${u.displayName || 'senza nome'}${u.email ? ` (${u.email})` : ''} — ${hours(u.hours)}`,
      ),
    },
    {
      title: `${prefix}iscritti mai collegati (${s.absent.length})`,
      items: s.absent.map((p) => p.name),
    },
    {
      title: `${prefix}modificate a mano, lasciate come sono (${s.kept.length})`,
      items: s.kept.map((k) => `${k.name} — nel foglio ${hours(k.hours)}, da Meet ${hours(k.meetHours)}`),
    },
  ];
  return lists.filter((l) => l.items.length > 0);
}

function lists(r: MeetImportReport, done: boolean): PreviewList[] {
  const out = r.sessions.flatMap((s) => sessionLists(s, true, done));
  if (r.skipped.length > 0)
    out.push({
      title: `Sessioni non lette (${r.skipped.length})`,
      items: r.skipped.map((s) => `${s.session} — ${s.reason}`),
    });
  return out;
}

/** What «Importa presenze da Meet» would do, with its confirming button when there is a call to import. */
export function meetPreviewView(r: MeetImportReport): PreviewView {
  const n = r.sessions.length;
  return {
    message: r.message,
    lists: lists(r, false),
    confirm: n === 0 ? '' : `Conferma: importa le presenze di ${plural(n, 'sessione', 'sessioni')}`,
  };
}

export interface MeetResultView {
  message: string;
  lists: PreviewList[];
  confirmations: NameConfirmation[];
}

/** The import's outcome, and every display name staff may confirm (one per course and name). */
export function meetResultView(r: MeetImportReport): MeetResultView {
  const confirmations: NameConfirmation[] = [];
  const seen = new Set<string>();
  for (const s of r.sessions) {
    for (const c of s.toConfirm) {
      const key = `${s.course}\u0000${c.displayName}\u0000${c.employeeId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      confirmations.push({
        course: s.course,
        displayName: c.displayName,
        employeeId: c.employeeId,
        label: `Conferma: «${c.displayName}» è ${c.name} (${s.course})`,
      });
    }
  }
  return { message: r.message, lists: lists(r, true), confirmations };
}
