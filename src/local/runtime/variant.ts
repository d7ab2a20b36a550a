/**
 * Which answer the emulator gives where Google's behaviour is unverified (docs/google-behaviour.md):
 * `strict`, the default, is the answer hardest for the add-on; `lenient` is the other one. A workspace
 * holds its variant (`Workspace.create({ variant })`, else `A4PA_VARIANT` from the environment, which
 * `npm test` sets to `lenient` for its second run of the integration suite), and every emulated service
 * asks it through `strictAbout`, naming the catalogue entry, so a reader finds each branch from the
 * catalogue.
 */
export type Variant = 'strict' | 'lenient';

export const VARIANT_ENV = 'A4PA_VARIANT';

export function variantFromEnv(env: Record<string, string | undefined> = process.env): Variant {
  const value = env[VARIANT_ENV];
  if (value === undefined || value === '' || value === 'strict') return 'strict';
  if (value === 'lenient') return 'lenient';
  throw new Error(`${VARIANT_ENV} must be "strict" or "lenient", not "${value}".`);
}

/** The unverified catalogue entries whose two answers the emulator implements. */
export type UnverifiedBehaviour =
  | 'CAL-CANCELLED-PURGED'
  | 'CAL-RATE-LIMIT-REASON'
  | 'DOCS-COPY-COUNTS-AS-CREATED'
  | 'FORMS-CHECKBOX-ORDER'
  | 'REST-DRIVE-CONVERT-XLSX'
  | 'REST-FORMS-FRESH'
  | 'SCRIPT-MONTH-DAY-SHORT'
  | 'SHEETS-CHECKBOX-EMPTY'
  | 'SHEETS-INSERT-ROWS-FORMAT'
  | 'SHEETS-SHEETVALUES-EMPTY';

/** Whether the emulator gives the strict answer to an unverified behaviour in this workspace. */
export function strictAbout(ws: { readonly variant: Variant }, _behaviour: UnverifiedBehaviour): boolean {
  return ws.variant === 'strict';
}
