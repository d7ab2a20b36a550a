/**
 * The emulated Forms' stored state, apart from the model's behaviour so that Drive, which owns a form's
 * file, can forget a form it deleted for good without importing the Forms service.
 */
import type { Workspace } from '../../runtime/workspace';
import type { FormData } from './model';

export interface FormsState {
  forms: Record<string, FormData>;
  nextItemId: number;
}

export function formsState(ws: Workspace): FormsState {
  return ws.slot<FormsState>('forms', () => ({ forms: {}, nextItemId: 1_284_000_001 }));
}

/** A form whose Drive file is gone for good is gone for Forms too: `openById` then fails as on Google. */
export function forgetForm(ws: Workspace, formId: string): void {
  delete formsState(ws).forms[formId];
}
