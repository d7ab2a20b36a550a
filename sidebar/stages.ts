/**
 * The training year as the sidebar organises it: five stages, each with its workflows, and the next
 * sensible action read from the dashboard. Pure: the DOM is built elsewhere.
 */
import type { Dashboard } from '../src/gas/dashboard/types';

export type StageId = 'preparazione' | 'iscrizioni' | 'svolgimento' | 'chiusura' | 'report';

export type WorkflowId =
  | 'setup'
  | 'form'
  | 'calendar'
  | 'attendance'
  | 'certificates'
  | 'feedback'
  | 'reports'
  | 'summaries'
  | 'retention'
  | 'year';

export interface Stage {
  id: StageId;
  title: string;
  workflows: readonly WorkflowId[];
}

export const STAGES: readonly Stage[] = [
  { id: 'preparazione', title: 'Preparazione', workflows: ['setup'] },
  { id: 'iscrizioni', title: 'Iscrizioni', workflows: ['form', 'calendar'] },
  { id: 'svolgimento', title: 'Svolgimento', workflows: ['attendance'] },
  { id: 'chiusura', title: 'Chiusura dei corsi', workflows: ['certificates', 'feedback'] },
  { id: 'report', title: 'Report e conservazione', workflows: ['reports', 'summaries', 'retention', 'year'] },
];

export interface NextStep {
  workflow: WorkflowId | null;
  /** The course the step is about ('' for all of them). */
  course: string;
  text: string;
}

const ENDED_NOT_CLOSED = new Set(['Iscrizioni aperte', 'Iscrizioni chiuse']);

/** `dd/MM/yyyy HH:mm` (the spreadsheet's zone) → `yyyy-MM-dd`. */
export function todayOf(d: Dashboard): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})/.exec(d.atText);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : d.at.slice(0, 10);
}

/** The one action the office most likely wants now, with why, from what the dashboard shows. */
export function nextStep(d: Dashboard, today: string): NextStep {
  if (!d.settings)
    return { workflow: 'setup', course: '', text: "Configurare l'academy: crea fogli, modello e cartelle." };
  if (d.problems.length > 0)
    return {
      workflow: null,
      course: '',
      text: `Correggere le righe segnalate in «Da correggere» (${d.problems.length}): non sono conteggiate finché restano errate.`,
    };
  if (!d.formUrl) return { workflow: 'form', course: '', text: 'Pubblicare il modulo di iscrizione.' };
  const toVerify = d.courses.find((c) => c.toVerify > 0);
  if (toVerify)
    return {
      workflow: null,
      course: toVerify.code,
      text: `Verificare le richieste da indirizzi sconosciuti: aprire il corso ${toVerify.code} nell'elenco dei corsi.`,
    };
  const ended = d.courses.find((c) => ENDED_NOT_CLOSED.has(c.status) && c.lastDate !== '' && c.lastDate < today);
  if (ended)
    return {
      workflow: 'attendance',
      course: ended.code,
      text: `Il corso ${ended.code} è terminato il giorno ${ended.lastDate.split('-').reverse().join('/')}: registrare le presenze, poi impostare «Concluso» in Corsi.`,
    };
  if (d.courses.some((c) => c.status === 'Concluso'))
    return {
      workflow: 'certificates',
      course: '',
      text: 'Emettere gli attestati dei corsi conclusi (prima un’anteprima).',
    };
  if (d.courses.some((c) => c.status === 'Iscrizioni aperte'))
    return { workflow: 'calendar', course: '', text: 'Sincronizzare il calendario: gli iscritti ricevono gli inviti.' };
  return { workflow: 'reports', course: '', text: 'Aggiornare i report.' };
}
