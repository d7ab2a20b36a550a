/**
 * `npm run conformance`: every catalogue entry of docs/google-behaviour.md, its status, and what the
 * emulator answers to its probe (src/conformance/probes), compared with the catalogue's answer for the
 * variant in force. The probes run as Apps Script does run them: bundled into one plain script
 * (`runConformance`), executed in the emulated Workspace.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { resolve } from 'node:path';
import { PROBES, UNPROBED } from '../../conformance/probes';
import type { ProbeAnswer } from '../../conformance/main';
import type { Expected } from '../../conformance/probe';
import { Runtime } from '../runtime/runtime';
import type { Variant } from '../runtime/variant';
import { Workspace } from '../runtime/workspace';

const root = resolve(__dirname, '../../..');
export const CATALOGUE = resolve(root, 'docs/google-behaviour.md');
const BUNDLE_GLOBAL = '__conformance';

export interface CatalogueEntry {
  id: string;
  title: string;
  status: 'verified' | 'unverified';
}

/** The entries of the catalogue: `### ID — title`, and the first word of its `- Status:` line. */
export function catalogueEntries(markdown = readFileSync(CATALOGUE, 'utf8')): CatalogueEntry[] {
  const entries: CatalogueEntry[] = [];
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '');
  for (const block of prose.split(/^### /m).slice(1)) {
    const head = /^([A-Z][A-Z0-9-]+) — (.*)$/m.exec(block);
    if (!head) continue;
    // An entry verified only in part counts as unverified: the live run is what settles it.
    const statusLine = /^- Status: (.*)$/m.exec(block)?.[1] ?? 'unverified';
    const status = /unverified/i.test(statusLine) ? 'unverified' : 'verified';
    entries.push({ id: head[1] as string, title: (head[2] as string).trim(), status });
  }
  return entries;
}

/** The probes as one plain Apps Script file: the bundle and a top-level `runConformance`. */
export async function probeBundle(): Promise<string> {
  const result = await build({
    entryPoints: [resolve(root, 'src/conformance/main.ts')],
    bundle: true,
    format: 'iife',
    globalName: BUNDLE_GLOBAL,
    target: 'es2020',
    platform: 'neutral',
    write: false,
    logLevel: 'warning',
  });
  const body = result.outputFiles?.[0]?.text ?? '';
  return `${body}\nfunction runConformance(ids) { return ${BUNDLE_GLOBAL}.runConformance(ids); }\n`;
}

/** The emulator's answers, run as a standalone script of the workspace's owner. */
export function emulatorAnswers(code: string, variant: Variant): Record<string, ProbeAnswer> {
  const ws = Workspace.create({ startMs: Date.parse('2027-02-01T09:00:00+01:00'), variant });
  const result = new Runtime(ws, code).run('runConformance', [], { bridge: true });
  if (!result.ok) throw new Error(`runConformance failed in the emulator: ${result.error}`);
  return result.value as Record<string, ProbeAnswer>;
}

export function expectedFor(expected: Expected, variant: Variant): unknown {
  return 'value' in expected ? expected.value : expected[variant];
}

export interface ConformanceRow {
  id: string;
  status: CatalogueEntry['status'];
  /** `agrees`, `differs`, `not probed` (with its reason) or `no probe`. */
  outcome: 'agrees' | 'differs' | 'not probed' | 'no probe';
  answer: unknown;
  expected?: unknown;
  note?: string;
}

export function conformanceRows(answers: Record<string, ProbeAnswer>, variant: Variant): ConformanceRow[] {
  return catalogueEntries().map((entry) => {
    const probe = PROBES.find((p) => p.id === entry.id);
    if (!probe) {
      const reason = UNPROBED[entry.id];
      return reason
        ? { id: entry.id, status: entry.status, outcome: 'not probed', answer: null, note: reason }
        : { id: entry.id, status: entry.status, outcome: 'no probe', answer: null };
    }
    const answer = answers[entry.id] ?? { error: 'no answer' };
    const expected = expectedFor(probe.expected, variant);
    const agrees = 'value' in answer && isDeepStrictEqual(answer.value, expected);
    return { id: entry.id, status: entry.status, outcome: agrees ? 'agrees' : 'differs', answer, expected };
  });
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? '';
  return text.length > 90 ? `${text.slice(0, 87)}...` : text;
}

export function conformanceTable(rows: readonly ConformanceRow[]): string {
  const lines = ['| entry | status | outcome | emulator answer |', '|---|---|---|---|'];
  for (const r of rows) {
    const answer = r.outcome === 'not probed' ? (r.note ?? '') : r.outcome === 'no probe' ? '' : short(r.answer);
    lines.push(`| ${r.id} | ${r.status} | ${r.outcome} | ${answer.replace(/\|/g, '\\|')} |`);
  }
  return lines.join('\n');
}
