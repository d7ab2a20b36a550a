/** Reads the tabs «Emetti attestati» reads and answers its preview: nothing is written, nothing sent. */
import { CONCLUDED } from '../../core/certificates/eligibility';
import { previewCertificatesFor, type CertificatePreview } from '../../core/certificates/preview';
import { duplicateIdMessage } from '../../core/registry/codec';
import { UserError } from '../../core/registry/errors';
import { TAB } from '../../core/registry/tabs';
import { readSettings } from '../registry/settings';
import { readTable } from '../registry/table';

const CANCELLED_COURSE = 'Annullato';

/** One course (whatever its status: the preview says why it is blocked), or every `Concluso` course. */
export function buildCertificatePreview(courseCode: string): CertificatePreview {
  const settings = readSettings();
  const table = readTable(TAB.corsi);
  const courses = table.rows.map((r) => r.record);
  const scoped = courseCode
    ? courses.filter((c) => c.code === courseCode)
    : courses.filter((c) => c.status === CONCLUDED);
  if (courseCode && scoped.length === 0)
    throw new UserError(duplicateIdMessage(table, courseCode) ?? `Corso ${courseCode} non trovato nel foglio «Corsi».`);
  if (scoped.some((c) => c.status === CANCELLED_COURSE))
    throw new UserError(`Il corso ${courseCode} è annullato: nessun attestato da emettere.`);
  return previewCertificatesFor({
    courses: scoped,
    sessions: readTable(TAB.sessioni).rows.map((r) => r.record),
    enrollments: readTable(TAB.iscrizioni).rows.map((r) => r.record),
    attendance: readTable(TAB.presenze).rows.map((r) => r.record),
    certificates: readTable(TAB.attestati).rows.map((r) => r.record),
    employees: readTable(TAB.dipendenti).rows.map((r) => r.record),
    defaultThreshold: settings.defaultThreshold,
  });
}
