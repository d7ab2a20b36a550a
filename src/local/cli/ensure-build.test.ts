import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildIsStale, ensureBuild } from './ensure-build';

/** A project tree whose build script counts its runs, so each rebuild is observable. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'a4pa-build-'));
  symlinkSync(resolve(__dirname, '../../../node_modules'), join(root, 'node_modules'));
  for (const dir of ['src/core', 'src/gas', 'sidebar', 'scripts']) mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, 'src/gas/main.ts'), 'export {};\n');
  writeFileSync(join(root, 'appsscript.json'), '{}\n');
  writeFileSync(
    join(root, 'scripts/build.ts'),
    `import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
const runs = existsSync('runs') ? Number(readFileSync('runs', 'utf8')) : 0;
writeFileSync('runs', String(runs + 1));
mkdirSync('dist', { recursive: true });
for (const f of ['Code.js', 'Sidebar.html', 'appsscript.json']) writeFileSync('dist/' + f, '');
`,
  );
  return root;
}

const runs = (root: string): number => Number(readFileSync(join(root, 'runs'), 'utf8'));

describe('ensureBuild', () => {
  it('builds when dist/ is missing, then not again until a source changes', () => {
    const root = project();
    expect(buildIsStale(root)).toBe(true);
    expect(ensureBuild(root)).toBe(true);
    expect(ensureBuild(root)).toBe(false);
    expect(runs(root)).toBe(1);
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(root, 'src/gas/main.ts'), later, later);
    expect(buildIsStale(root)).toBe(true);
    expect(ensureBuild(root)).toBe(true);
    expect(runs(root)).toBe(2);
  });

  it('ignores changes under src/local, which is never bundled', () => {
    const root = project();
    ensureBuild(root);
    mkdirSync(join(root, 'src/local'), { recursive: true });
    const later = new Date(Date.now() + 5_000);
    writeFileSync(join(root, 'src/local/x.ts'), '');
    utimesSync(join(root, 'src/local/x.ts'), later, later);
    expect(buildIsStale(root)).toBe(false);
  });

  it('reports a failing build on one line', () => {
    const root = project();
    writeFileSync(join(root, 'scripts/build.ts'), 'throw new Error("boom");\n');
    expect(() => ensureBuild(root)).toThrow(/^the build of dist\/ failed/);
  });
});
