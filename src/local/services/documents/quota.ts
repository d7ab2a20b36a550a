import type { Workspace } from '../../runtime/workspace';
import { spendDaily } from '../quota';

/** A Workspace account's daily allowance of documents created (docs/google-behaviour.md, QUOTA-DAILY-DOCS-CREATED). */
export const DOCS_CREATED_PER_DAY = 1_500;
export const DOCS_QUOTA_NAME = 'docsCreated';
export const DOCS_CREATED_EXCEEDED = 'Service invoked too many times for one day: docs create.';

export function spendCreatedDoc(ws: Workspace): void {
  spendDaily(ws, DOCS_QUOTA_NAME, DOCS_CREATED_PER_DAY, () => new Error(DOCS_CREATED_EXCEEDED));
}
