/**
 * Marks, in this Jest worker's note of reached unverified behaviours, where the next test file begins:
 * what the file's run reaches (src/local/runtime/variant.ts) is written after this line, and
 * scripts/variant-suites.ts reads the notes back to pick the suites `npm test` reruns under `lenient`.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { REACHED_DIR_ENV, reachedNoteName } from '../src/local/runtime/variant';

const dir = process.env[REACHED_DIR_ENV];
if (dir !== undefined && dir !== '')
  appendFileSync(join(dir, reachedNoteName()), `file ${expect.getState().testPath}\n`);
