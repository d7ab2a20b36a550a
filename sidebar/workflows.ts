/**
 * The workflows the sidebar runs, each through the typed client. Those that mail people or issue
 * documents have a preview first (who, what, who is left out and why); the run is the preview's
 * confirming button.
 */
import {
  calendarView,
  certificatesView,
  feedbackView,
  retentionView,
  summariesView,
  type PreviewList,
  type PreviewView,
} from '../src/core/previews/views';
import { run } from './server';
import type { WorkflowId } from './stages';

export type { PreviewList, PreviewView };

export interface Workflow {
  id: WorkflowId;
  label: string;
  style: 'action' | 'create';
  /** `required`: the workflow works on one course; `optional`: one course or all of them. */
  course?: 'required' | 'optional';
  preview?: (course: string) => Promise<PreviewView>;
  run: (course: string) => Promise<{ message?: string } | object>;
}

export const WORKFLOWS: readonly Workflow[] = [
  { id: 'setup', label: 'Configura', style: 'action', run: () => run('setupAcademy') },
  { id: 'form', label: 'Pubblica modulo', style: 'create', run: () => run('publishEnrollmentForm') },
  {
    id: 'calendar',
    label: 'Sincronizza calendario',
    style: 'action',
    course: 'optional',
    preview: async (course) =>
      calendarView(await (course ? run('previewCalendarSync', course) : run('previewCalendarSync'))),
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
    preview: async () => feedbackView(await run('previewFeedbackForm')),
    run: () => run('publishFeedbackForm'),
  },
  { id: 'reports', label: 'Aggiorna report', style: 'action', run: () => run('refreshReports') },
  {
    id: 'summaries',
    label: 'Invia riepilogo ai comuni',
    style: 'action',
    preview: async () => summariesView(await run('previewComuniSummaries')),
    run: () => run('sendComuniSummaries'),
  },
  {
    id: 'retention',
    label: 'Applica conservazione dati',
    style: 'action',
    preview: async () => retentionView(await run('previewRetention')),
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
