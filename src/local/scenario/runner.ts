/**
 * Replays a scenario (docs/contracts.md, "Scenario file") on a fresh local academy and returns the final
 * snapshot. A step that fails (a server function that throws or does not exist, a form that refuses a
 * submission) is an outcome recorded in `results`, and the run goes on; only a malformed file, or an
 * academy that cannot even be prepared, stops it.
 */
import { LocalAcademy } from '../runtime/session';
import { messageOf } from '../../core/registry/errors';
import type { RunResult } from '../runtime/runtime';
import { demoAcademy } from './demo';
import type { Scenario, ScenarioStep } from './schema';
import { takeSnapshot, type Snapshot, type StepResult } from './snapshot';
import { enrollmentSubmission, normalizeLabel } from './submit';

/** The academy could not be prepared (setup failed, a setting or a registry row did not fit its tab). */
export class ScenarioSetupError extends Error {
  override readonly name = 'ScenarioSetupError';
}

/** Tabs whose rows others refer to come first, so the edit trigger finds what each row points at. */
const REGISTRY_ORDER = ['Comuni', 'Dipendenti', 'Corsi', 'Sessioni'];

export interface RunOptions {
  seed?: number;
  bundle?: string;
}

export function runScenario(scenario: Scenario, options: RunOptions = {}): Snapshot {
  const academy = LocalAcademy.fresh({ start: scenario.start, seed: options.seed, bundle: options.bundle });
  prepareAcademy(academy, { settings: scenario.settings, registry: scenario.registry });
  const results = scenario.steps.map((step, index) => runStep(academy, step, index));
  return takeSnapshot(academy, results);
}

export interface Preparation {
  settings?: Record<string, unknown>;
  registry?: 'demo' | Record<string, Array<Record<string, unknown>>>;
}

/** Setup, the settings typed into `Impostazioni`, then the registry rows typed tab by tab. */
export function prepareAcademy(academy: LocalAcademy, preparation: Preparation): void {
  const setup = academy.call('setupAcademy');
  if (!setup.ok) throw new ScenarioSetupError(`setupAcademy failed: ${setup.error ?? 'unknown error'}`);
  let settings = preparation.settings ?? {};
  let registry = preparation.registry ?? {};
  if (registry === 'demo') {
    const demo = demoAcademy(academy.now());
    settings = { ...demo.settings, ...settings };
    registry = demo.registry;
  }
  writeSettings(academy, settings);
  const tabs = Object.keys(registry).sort((a, b) => rank(a) - rank(b));
  for (const tab of tabs) {
    const rows = registry[tab] ?? [];
    const outcome = guard(`registry ${tab}`, () => academy.append(tab, rows));
    const failed = outcome.runs.find((r) => !r.ok);
    if (failed)
      throw new ScenarioSetupError(`registry ${tab}: the edit trigger failed: ${failed.error ?? 'unknown error'}`);
  }
}

function rank(tab: string): number {
  const i = REGISTRY_ORDER.indexOf(tab);
  return i < 0 ? REGISTRY_ORDER.length : i;
}

function guard<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw new ScenarioSetupError(`${what}: ${messageOf(error)}`);
  }
}

/** A value as staff type it in a cell: a yes/no setting is written "Sì" or "No". */
export function typedSetting(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 'Sì' : 'No';
  return value;
}

function writeSettings(academy: LocalAcademy, settings: Record<string, unknown>): void {
  const entries = Object.entries(settings);
  if (entries.length === 0) return;
  const tab = guard('settings', () => academy.readTab('Impostazioni'));
  if (!tab) throw new ScenarioSetupError('settings: the Impostazioni tab does not exist after setup');
  const keyCol = tab.header.findIndex((h) => normalizeLabel(h) === 'chiave');
  if (keyCol < 0) throw new ScenarioSetupError('settings: the Impostazioni tab has no "Chiave" column');
  const existing = new Map(tab.rows.map((r) => [normalizeLabel(String(r[keyCol] ?? '')), String(r[keyCol] ?? '')]));
  const missing: Array<Record<string, unknown>> = [];
  for (const [key, value] of entries) {
    const typed = typedSetting(value);
    const current = existing.get(normalizeLabel(key));
    if (current === undefined) {
      missing.push({ Chiave: key, Valore: typed });
      continue;
    }
    const outcome = guard(`settings ${key}`, () =>
      academy.edit('Impostazioni', { Chiave: current }, { Valore: typed }),
    );
    const failed = outcome.runs.find((r) => !r.ok);
    if (failed)
      throw new ScenarioSetupError(`settings ${key}: the edit trigger failed: ${failed.error ?? 'unknown error'}`);
  }
  if (missing.length > 0) guard('settings', () => academy.append('Impostazioni', missing));
}

function fromRun(step: number, run: RunResult): StepResult {
  return run.ok
    ? { step, ok: true, value: run.value ?? null }
    : { step, ok: false, value: null, error: run.error ?? 'errore sconosciuto' };
}

/** Executions started by one step (triggers): ok when all of them were; the first failure is the error. */
function fromRuns(step: number, runs: RunResult[], value: unknown): StepResult {
  const failed = runs.find((r) => !r.ok);
  return failed ? { step, ok: false, value, error: failed.error ?? 'errore sconosciuto' } : { step, ok: true, value };
}

export function runStep(academy: LocalAcademy, step: ScenarioStep, index: number): StepResult {
  try {
    switch (step.do) {
      case 'call':
        return fromRun(index, academy.call(step.fn, step.args ?? [], step.as));
      case 'submit': {
        const { formId, submission } = enrollmentSubmission(academy, step);
        const outcome = academy.submit(formId, submission, { duplicate: step.duplicate ?? false });
        return fromRuns(index, outcome.runs, { responseId: outcome.responseId, executions: outcome.runs.length });
      }
      case 'edit': {
        const outcome = academy.edit(step.tab, step.where, step.set);
        return fromRuns(index, outcome.runs, { cells: outcome.cells, executions: outcome.runs.length });
      }
      case 'append': {
        const outcome = academy.append(step.tab, step.rows);
        return fromRuns(index, outcome.runs, { cells: outcome.cells, executions: outcome.runs.length });
      }
      case 'advance': {
        const runs = academy.advance(step.minutes);
        return fromRuns(index, runs, { executions: runs.length });
      }
      case 'visit':
        return fromRun(index, academy.visit(step.url));
      case 'fault':
        academy.fault(step.service, step.times, step.message);
        return { step: index, ok: true, value: null };
      case 'quota':
        academy.quota(step.remaining);
        return { step: index, ok: true, value: null };
      case 'upload':
        return {
          step: index,
          ok: true,
          value: {
            fileId: academy.upload(
              step.path,
              step.contentBase64 === undefined
                ? new TextEncoder().encode(step.content)
                : new Uint8Array(Buffer.from(step.contentBase64, 'base64')),
            ),
          },
        };
      case 'meet':
        return { step: index, ok: true, value: { conferenceRecord: academy.meet(step.session, step.participants) } };
    }
  } catch (error) {
    return { step: index, ok: false, value: null, error: messageOf(error) };
  }
}
