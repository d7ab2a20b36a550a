/**
 * Builds what Apps Script runs: dist/Code.js (the server as one classic script), dist/Sidebar.html
 * (the sidebar, self-contained) and dist/appsscript.json.
 *
 * Apps Script lists, triggers and exposes to `google.script.run` only top-level function declarations,
 * so the server is bundled as an IIFE under one global and a delegating wrapper is generated for each
 * export of src/gas/main.ts; nothing else is top-level. The export names come from a second esbuild
 * pass in ESM format with a metafile.
 */
import { build, type BuildOptions } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(__dirname, '..');
const dist = resolve(root, 'dist');
export const BUNDLE_GLOBAL = '__academy';

const serverOptions: BuildOptions = {
  entryPoints: [resolve(root, 'src/gas/main.ts')],
  bundle: true,
  target: 'es2020',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  legalComments: 'none',
  charset: 'utf8',
  write: false,
  logLevel: 'warning',
};

async function exportedNames(): Promise<string[]> {
  const result = await build({ ...serverOptions, format: 'esm', metafile: true, outdir: resolve(dist, '.esm') });
  const outputs = Object.values(result.metafile?.outputs ?? {});
  return outputs.flatMap((o) => o.exports).sort();
}

async function buildServer(): Promise<{ bytes: number; entryPoints: string[] }> {
  const iife = await build({ ...serverOptions, format: 'iife', globalName: BUNDLE_GLOBAL });
  const body = iife.outputFiles?.[0]?.text ?? '';
  const names = await exportedNames();
  const wrappers = names.map((n) => `function ${n}(...args) { return ${BUNDLE_GLOBAL}.${n}(...args); }`);
  const code = `${body}\n${wrappers.join('\n')}\n`;
  writeFileSync(resolve(dist, 'Code.js'), code);
  return { bytes: Buffer.byteLength(code), entryPoints: names };
}

async function buildSidebar(): Promise<number> {
  const js = await build({
    entryPoints: [resolve(root, 'sidebar/main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  const script = (js.outputFiles?.[0]?.text ?? '').replace(/<\/script/gi, '<\\/script');
  const css = readFileSync(resolve(root, 'sidebar/styles.css'), 'utf8');
  const html = readFileSync(resolve(root, 'sidebar/index.html'), 'utf8')
    .replace('<!-- INLINE_CSS -->', () => `<style>\n${css}</style>`)
    .replace('<!-- INLINE_JS -->', () => `<script>\n${script}</script>`);
  writeFileSync(resolve(dist, 'Sidebar.html'), html);
  return Buffer.byteLength(html);
}

async function main(): Promise<void> {
  mkdirSync(dist, { recursive: true });
  const server = await buildServer();
  const sidebar = await buildSidebar();
  copyFileSync(resolve(root, 'appsscript.json'), resolve(dist, 'appsscript.json'));
  if (!process.argv.includes('--quiet')) {
    console.log(
      `dist/Code.js ${(server.bytes / 1024).toFixed(1)} KB, ${server.entryPoints.length} entry points; dist/Sidebar.html ${(sidebar / 1024).toFixed(1)} KB`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
