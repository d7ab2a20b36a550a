/**
 * Which answer the emulator gives where Google's behaviour is unverified (docs/google-behaviour.md):
 * `strict`, the default, is the answer hardest for the add-on; `lenient` is the other one. The
 * environment variable `A4PA_VARIANT` chooses it for a whole run (`npm run test:variants` runs the
 * integration suite with `A4PA_VARIANT=lenient`); a workspace can also be created with either.
 */
export type Variant = 'strict' | 'lenient';

export const VARIANT_ENV = 'A4PA_VARIANT';

export function variantFromEnv(env: Record<string, string | undefined> = process.env): Variant {
  const value = env[VARIANT_ENV];
  if (value === undefined || value === '' || value === 'strict') return 'strict';
  if (value === 'lenient') return 'lenient';
  throw new Error(`${VARIANT_ENV} must be "strict" or "lenient", not "${value}".`);
}
