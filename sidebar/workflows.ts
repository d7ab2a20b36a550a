/**
 * The workflows the sidebar runs, each through the typed client. Those that mail people or issue
 * documents have a preview first (who, what, who is left out and why); the run is the preview's
 * confirming button.
 */
import type { CertificatePreview } from '../src/core/certificates/preview';
import { run } from './server';
import type { WorkflowId } from './stages';

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

export interface Workflow {
  id: WorkflowId;
  label: string;
  style: 'action' | 'create';
  /** `required`: the workflow works on one course; `optional`: one course or all of them. */
  course?: 'required' | 'optional';
  preview?: (course: string) => Promise<PreviewView>;
  run: (course: string) => Promise<{ message?: string } | object>;
}

function certificatesView(p: CertificatePreview): PreviewView {
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

export const WORKFLOWS: readonly Workflow[] = [
  { id: 'setup', label: 'Configura', style: 'action', run: () => run('setupAcademy') },
  { id: 'form', label: 'Pubblica modulo', style: 'create', run: () => run('publishEnrollmentForm') },
  {
    id: 'calendar',
    label: 'Sincronizza calendario',
    style: 'action',
    course: 'optional',
    run: (course) => (course ? run('syncCalendar', course) : run('syncCalendar')),
  },
  {
    id: 'attendance',
    label: 'Prepara registro presenze',
    style: 'action',
    course: 'required',
    run: (course) => run('prepareAttendance', course),
  },
  {
    id: 'certificates',
    label: 'Emetti attestati',
    style: 'create',
    course: 'optional',
    preview: async (course) =>
      certificatesView(await (course ? run('previewCertificates', course) : run('previewCertificates'))),
    run: (course) => (course ? run('issueCertificates', course) : run('issueCertificates')),
  },
  {
    id: 'feedback',
    label: 'Pubblica questionario',
    style: 'create',
    preview: async () => {
      const p = await run('previewFeedbackForm');
      return {
        message: p.message,
        lists: [{ title: `Corsi nel questionario (${p.courses.length})`, items: p.courses }],
        confirm: 'Conferma: pubblica il questionario',
      };
    },
    run: () => run('publishFeedbackForm'),
  },
  { id: 'reports', label: 'Aggiorna report', style: 'action', run: () => run('refreshReports') },
  {
    id: 'summaries',
    label: 'Invia riepilogo ai comuni',
    style: 'action',
    preview: async () => {
      const p = await run('previewComuniSummaries');
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
    },
    run: () => run('sendComuniSummaries'),
  },
  {
    id: 'retention',
    label: 'Applica conservazione dati',
    style: 'action',
    preview: async () => {
      const p = await run('previewRetention');
      return {
        message: p.message,
        lists: [],
        confirm: 'Conferma: anonimizzazione dei dati oltre gli «Anni di conservazione»',
      };
    },
    run: () => run('applyRetention'),
  },
  {
    id: 'year',
    label: 'Nuovo anno formativo',
    style: 'action',
    preview: async () => {
      const p = await run('previewTrainingYear');
      const lists: PreviewList[] = [];
      if (p.unfinished.length > 0) lists.push({ title: 'Lavoro non concluso', items: p.unfinished });
      if (!p.blocked) {
        lists.push({
          title: `Nell'archivio «${p.archive}»`,
          items: p.rows.map((r) => `${r.tab}: ${r.count} righe`),
        });
        lists.push({
          title: `Catalogo ${p.opening} in Bozza (${p.editions.length})`,
          items: p.editions.map((e) => `${e.from} → ${e.to} — ${e.title}`),
        });
      }
      return {
        message: p.message,
        lists,
        confirm: p.blocked
          ? ''
          : `Conferma: chiusura del ${p.closing} e apertura del ${p.opening}${p.unfinished.length > 0 ? ' comunque' : ''}`,
      };
    },
    run: async () => {
      const p = await run('previewTrainingYear');
      return run('startTrainingYear', p.opening, { confirm: true });
    },
  },
];

export function workflow(id: WorkflowId): Workflow {
  const w = WORKFLOWS.find((x) => x.id === id);
  if (!w) throw new Error(`workflow ${id}`);
  return w;
}
