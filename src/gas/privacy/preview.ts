/** What «Applica conservazione dati» would anonymise, counted from the tabs: nothing changes. */
import { cutoffDay } from '../../core/privacy/retention';
import { TAB } from '../../core/registry/tabs';
import { slashedDate } from '../../core/text';
import { readSettings } from '../registry/settings';
import { readTable } from '../registry/table';
import { formatInSpreadsheetZone } from '../registry/workbook';
import { isOldAttendance, isOldCertificate, isOldEnrollment, retentionSetting } from './retention';

export interface RetentionPreview {
  message: string;
  years: number | null;
  /** `yyyy-MM-dd`: data before this day is anonymised ('' without a limit). */
  cutoff: string;
  enrollments: number;
  attendance: number;
  certificates: number;
  pdfs: number;
}

export function buildRetentionPreview(): RetentionPreview {
  const years = retentionSetting(readSettings());
  if (years === null)
    return {
      message: '«Anni di conservazione» è vuoto: i dati sono conservati senza limite, nulla da anonimizzare.',
      years,
      cutoff: '',
      enrollments: 0,
      attendance: 0,
      certificates: 0,
      pdfs: 0,
    };
  const cutoff = cutoffDay(formatInSpreadsheetZone(new Date(), 'yyyy-MM-dd'), years);
  const dayOf = (d: Date | null): string => (d ? formatInSpreadsheetZone(d, 'yyyy-MM-dd') : '');
  const sessionDay = new Map(readTable(TAB.sessioni).rows.map((r) => [r.record.id, r.record.date]));
  const enrollments = readTable(TAB.iscrizioni).rows.filter((r) => isOldEnrollment(r.record, cutoff, dayOf)).length;
  const attendance = readTable(TAB.presenze).rows.filter((r) => isOldAttendance(r.record, sessionDay, cutoff)).length;
  const old = readTable(TAB.attestati).rows.filter((r) => isOldCertificate(r.record, cutoff, dayOf));
  const pdfs = old.filter((r) => r.record.fileId !== '').length;
  const message =
    `Conservazione ${years} anni: i dati anteriori al ${slashedDate(cutoff)} diventano anonimi. ` +
    `Iscrizioni: ${enrollments}; righe di presenza: ${attendance}; attestati: ${old.length} (PDF nel cestino: ${pdfs}). ` +
    'Anche le risposte del modulo, il foglio risposte, il Registro e i partecipanti degli eventi di quel periodo. ' +
    "Nessuna email viene inviata; l'operazione non si può annullare.";
  return { message, years, cutoff, enrollments, attendance, certificates: old.length, pdfs };
}
