import type { Workspace } from '../runtime/workspace';

/**
 * Where Google's behaviour is unverified (docs/google-behaviour.md marks those entries), the emulator
 * answers the way hardest for the add-on unless the run asks for the other answer with
 * `A4PA_VARIANT=lenient`. Every unverified behaviour of the non-Sheets services asks here, by its
 * catalogue ID, so a reader finds each one from the catalogue.
 */
export type UnverifiedBehaviour =
  'CAL-CANCELLED-PURGED' | 'CAL-RATE-LIMIT-REASON' | 'DOCS-COPY-COUNTS-AS-CREATED' | 'FORMS-CHECKBOX-ORDER';

export function strictAbout(_ws: Workspace, _behaviour: UnverifiedBehaviour): boolean {
  return process.env.A4PA_VARIANT !== 'lenient';
}
