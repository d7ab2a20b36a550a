/**
 * The documents name the places where behaviour lives; a path that no longer exists sends a newcomer
 * nowhere. Every backticked path of docs/, the README and CONTRIBUTING that starts at the repository's
 * root must exist, and so must every file of architecture.md's concept table (its rule column relative
 * to src/core/, its adapter column to src/gas/).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const ROOTS = ['src/', 'test/', 'sidebar/', 'scripts/', 'docs/', 'dist/'];
const DOCUMENTS = [
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
  'README.md',
  'CONTRIBUTING.md',
];

/**
 * Backticked words, without placeholders (`src/gas/<concept>/`) and without the paths of other
 * repositories, which the documents name just before them (brucemcpherson/gas-fakes `test/testsheets.js`).
 */
function backticked(text: string): string[] {
  return [...text.matchAll(/(\S*)\s?`([^`\s]+)`/g)]
    .filter((m) => !/^[\w.-]+\/[\w.-]+$|^gas-fakes$/.test(m[1] ?? ''))
    .map((m) => m[2] as string)
    .filter((token) => !token.includes('<'));
}

/**
 * Whether a path exists; one with `*` in its last part needs a file of its folder that matches it, one
 * with `**` the folder before it.
 */
function exists(path: string): boolean {
  const clean = path.replace(/:\d+(-\d+)?$/, '');
  if (clean.includes('**')) return existsSync(join(ROOT, clean.slice(0, clean.indexOf('**'))));
  if (!clean.includes('*')) return existsSync(join(ROOT, clean));
  const folder = join(ROOT, dirname(clean));
  const pattern = new RegExp(
    `^${clean
      .slice(dirname(clean).length + 1)
      .replace(/\./g, '\\.')
      .replace(/\*/g, '.*')}$`,
  );
  return existsSync(folder) && readdirSync(folder).some((name) => pattern.test(name));
}

/** Paths built only when `npm run build` runs, named as what the build makes. */
const BUILT = /^dist\//;

describe('paths the documents name', () => {
  it.each(DOCUMENTS)('every root path backticked in %s exists', (document) => {
    const paths = backticked(readFileSync(join(ROOT, document), 'utf8')).filter(
      (token) => ROOTS.some((root) => token.startsWith(root)) && !BUILT.test(token),
    );
    expect(paths.filter((path) => !exists(path))).toEqual([]);
  });

  it("every file of architecture.md's concept table exists, rules under src/core/ and adapters under src/gas/", () => {
    const text = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
    const section = text.slice(text.indexOf('## Where each concept lives'));
    const rows = section
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| concept'))
      .map((line) => line.split('|').map((cell) => cell.trim()));
    expect(rows.length).toBeGreaterThan(20);
    const missing: string[] = [];
    for (const [, , rule = '', adapter = ''] of rows) {
      for (const [cell, base] of [
        [rule, 'src/core/'],
        [adapter, 'src/gas/'],
      ] as const) {
        for (const token of backticked(cell).filter((t) => t.includes('/') || t.endsWith('.ts'))) {
          const path = ROOTS.some((root) => token.startsWith(root)) ? token : base + token;
          if (!exists(path)) missing.push(path);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
