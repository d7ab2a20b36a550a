/**
 * The playground's own scripts and the libraries its pages use, served from this machine: the browser
 * code in client/ bundled by esbuild (as the sidebar is) on first request, Chart.js and pdf.js from
 * node_modules. No page loads anything from a CDN.
 */
import { buildSync } from 'esbuild';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

const BUNDLES: Record<string, { entry: string; format: 'iife' | 'esm' }> = {
  'bridge.js': { entry: 'client/bridge.ts', format: 'iife' },
  'sheet.js': { entry: 'client/sheet.ts', format: 'iife' },
  'pdf-viewer.js': { entry: 'client/pdf-viewer.ts', format: 'esm' },
};

const VENDOR: Record<string, string> = {
  'chart.umd.js': 'node_modules/chart.js/dist/chart.umd.js',
  'pdfjs/pdf.min.mjs': 'node_modules/pdfjs-dist/build/pdf.min.mjs',
  'pdfjs/pdf.worker.min.mjs': 'node_modules/pdfjs-dist/build/pdf.worker.min.mjs',
};

const built = new Map<string, string>();

function bundle(name: string): string | null {
  const spec = BUNDLES[name];
  if (!spec) return null;
  let code = built.get(name);
  if (code === undefined) {
    const result = buildSync({
      entryPoints: [resolve(__dirname, spec.entry)],
      bundle: true,
      format: spec.format,
      target: 'es2020',
      platform: 'browser',
      minify: true,
      write: false,
      external: ['/assets/*'],
      logLevel: 'warning',
    });
    code = result.outputFiles[0]?.text ?? '';
    built.set(name, code);
  }
  return code;
}

/** The asset at `/assets/<name>` as JavaScript, or null when there is none. */
export function asset(name: string): string | Buffer | null {
  const code = bundle(name);
  if (code !== null) return code;
  const vendor = VENDOR[name];
  return vendor ? readFileSync(resolve(ROOT, vendor)) : null;
}
