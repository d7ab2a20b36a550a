import type { JobProgress } from '../../core/jobs/state';
import { UserError } from '../../core/registry/errors';
import { TAB } from '../../core/registry/tabs';
import { lastSessionEnd } from '../../core/certificates/eligibility';
import type { CertificatePreview } from '../../core/certificates/preview';
import { slashedDate } from '../../core/text';
import { registerJobHandler } from '../jobs/handlers';
import { JobPause, runJobSlice, startJob } from '../jobs/runner';
import { acquireLease, releaseLease } from '../jobs/store';
import { serverAction } from '../platform/entry';
import { readSettings } from '../registry/settings';
import { readTable } from '../registry/table';
import { registerSetupStep } from '../setup/steps';
import { CERTIFICATES_JOB, CertificateContext, certificatesJobLabel, openCertificatesSlice } from './issue';
import { buildCertificatePreview } from './preview';
import { setupCertificates } from './setup';

registerJobHandler(CERTIFICATES_JOB, { label: certificatesJobLabel, open: openCertificatesSlice });
registerSetupStep({
  name: 'Attestati',
  run: () => {
    setupCertificates();
    return 'Modello attestato e cartella degli attestati pronti.';
  },
});

export interface IssueResult {
  message: string;
  progress: JobProgress | null;
  /** What the run found before it started: who is issued now, who already was, who is left out and why. */
  preview: CertificatePreview;
}

/** «Emetti attestati» without its effects: who would receive a certificate, who not and why. */
export const previewCertificates = serverAction(
  'Anteprima attestati',
  (courseCode?: string): CertificatePreview => buildCertificatePreview(courseText(courseCode)),
  { readOnly: true },
);

function courseText(courseCode: unknown): string {
  return typeof courseCode === 'string' ? courseCode.trim() : '';
}

/**
 * A `Concluso` course whose last session is still ahead was closed by mistake or early: the answer says
 * so, since the hours are those registered so far.
 */
function notOverYet(course: string): string {
  const last = lastSessionEnd(
    readTable(TAB.sessioni).rows.map((r) => r.record),
    course,
  );
  if (!last || last.endMs <= Date.now()) return '';
  return ` Attenzione: il corso ${course} ha ancora una sessione il ${slashedDate(last.date)}: gli attestati riportano le ore registrate finora.`;
}

function peopleCount(n: number): string {
  return n === 1 ? '1 persona' : `${n} persone`;
}

/**
 * Emetti attestati: for one `Concluso` course (any other is refused: close it first), or for every
 * `Concluso` course; runs as a resumable job. The answer lists issued, already issued and left out.
 */
export const issueCertificates = serverAction('Emetti attestati', (courseCode?: string): IssueResult => {
  const startedAt = Date.now();
  const course = courseText(courseCode);
  const preview = buildCertificatePreview(course);
  const blocked = preview.courses.find((c) => c.blocked !== '');
  if (course && blocked) throw new UserError(blocked.blocked);
  const warning = course ? notOverYet(course) : '';
  if (!readSettings().templateDocId) throw new UserError('Modello attestato non configurato: eseguire «Configura».');
  const { state, started } = startJob(CERTIFICATES_JOB, { course });
  const report = runJobSlice(CERTIFICATES_JOB, startedAt);
  const progress = report.progress.find((p) => p.kind === CERTIFICATES_JOB) ?? null;
  const count = progress ? `${progress.done} di ${progress.total}` : '';
  let message: string;
  if (!started) message = `È già in corso «${state.label}»: ${count}. Riprenderà automaticamente.`;
  else if (!progress || progress.total === 0) message = 'Nessun nuovo attestato da emettere.';
  else if (progress.status === 'in corso')
    message = `Attestati: ${count} completati; il resto prosegue automaticamente.`;
  else
    message = `Attestati: ${count} emessi e inviati${progress.failed ? `, ${progress.failed} non riusciti (vedi Registro)` : ''}.`;
  const already = preview.alreadyIssued > 0 ? ` Già emessi in precedenza: ${preview.alreadyIssued}.` : '';
  const left = preview.leftOut > 0 ? ` Esclusi: ${peopleCount(preview.leftOut)} (motivi nell'elenco).` : '';
  return { message: message + already + left + warning, progress, preview };
});

const REISSUE_LEASE_MS = 6 * 60_000 + 30_000;

/** A corrected certificate: same number, `Versione` + 1, previous PDF trashed, mailed again. */
export const reissueCertificate = serverAction(
  'Riemetti attestato',
  (numero: string): { message: string; version: number } => {
    const number = String(numero ?? '').trim();
    if (!number) throw new UserError("Indicare il numero dell'attestato.");
    if (!acquireLease(Date.now(), Date.now() + REISSUE_LEASE_MS)) {
      throw new UserError('Un lavoro sugli attestati è in corso: riprovare tra qualche minuto.');
    }
    try {
      const ctx = new CertificateContext('');
      try {
        const record = ctx.reissue(number);
        return {
          message: `Attestato ${number} riemesso (versione ${record.version}) e inviato.`,
          version: record.version,
        };
      } catch (error) {
        if (!(error instanceof JobPause)) throw error;
        const record = ctx.certificates.rows.find((r) => r.record.number === number)?.record;
        return {
          message: `Attestato ${number} riemesso; l'invio partirà appena la quota email lo consente.`,
          version: record?.version ?? 0,
        };
      }
    } finally {
      releaseLease();
    }
  },
);
