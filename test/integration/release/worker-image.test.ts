/**
 * The worker's Cloud Run image installs the production dependencies only (`npm ci --omit=dev` in the
 * Dockerfile) and copies `src/core` and `src/worker`: whatever those files import at run time, and the
 * loader the entry point runs under, must be a production dependency, or the job dies on its first line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** The package a bare specifier names: `zod/mini` → `zod`, `@scope/pkg/x` → `@scope/pkg`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}

/** Imports that reach the running code: `import type` is erased, so it needs nothing installed. */
function runtimeImports(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/^import\s+(?!type\s)[^'"]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm))
    out.push((m[1] ?? m[2]) as string);
  return out;
}

test('the image copies the core and the worker and installs the production dependencies only', () => {
  expect(dockerfile).toMatch(/npm ci --omit=dev/);
  expect(dockerfile).toMatch(/COPY src\/core /);
  expect(dockerfile).toMatch(/COPY src\/worker /);
});

test("the entry point's loader is a production dependency", () => {
  const loader = /ENTRYPOINT \[[^\]]*"--import", "([^"]+)"/.exec(dockerfile)?.[1];
  expect(loader).toBe('tsx');
  expect(Object.keys(pkg.dependencies)).toContain(loader);
});

test('every package the core and the worker import at run time is a production dependency', () => {
  const builtins = new Set(builtinModules);
  const needed = new Set<string>();
  for (const file of [...sources(join(ROOT, 'src/core')), ...sources(join(ROOT, 'src/worker'))])
    for (const specifier of runtimeImports(readFileSync(file, 'utf8')))
      if (!specifier.startsWith('.') && !specifier.startsWith('node:') && !builtins.has(specifier))
        needed.add(packageOf(specifier));
  expect(needed.size).toBeGreaterThan(0);
  expect([...needed].filter((name) => !(name in pkg.dependencies)).sort()).toEqual([]);
});
