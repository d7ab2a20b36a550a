/**
 * The conformance bundle's entry point: plain Apps Script with one top-level function, `runConformance`,
 * which runs the probes (all, or the IDs given) in a scratch spreadsheet and returns each answer as JSON
 * (`{ value }`, or `{ error }` when the probe itself failed). The scratch spreadsheet and every file a
 * probe made are trashed after the run.
 */
import type { ProbeContext } from './probe';
import { PROBES } from './probes';

export type ProbeAnswer = { value: unknown } | { error: string };

function messageOf(error: unknown): string {
  return String((error as { message?: unknown } | null)?.message ?? error);
}

/** The answers matter more than the scratch files: one left behind is named for what it is. */
function trash(id: string): void {
  try {
    DriveApp.getFileById(id).setTrashed(true);
  } catch (error) {
    console.warn(`Scratch spreadsheet ${id} not trashed: ${messageOf(error)}`);
  }
}

export function runConformance(ids?: string[]): Record<string, ProbeAnswer> {
  const spreadsheet = SpreadsheetApp.create('Academy4PA conformance (scratch)');
  spreadsheet.setSpreadsheetTimeZone('Europe/Rome');
  spreadsheet.setSpreadsheetLocale('it_IT');
  const made: string[] = [spreadsheet.getId()];
  const ctx: ProbeContext = {
    spreadsheet,
    freshSheet: () => spreadsheet.insertSheet(),
    scratch: (fileId) => {
      made.push(fileId);
      return fileId;
    },
  };
  const answers: Record<string, ProbeAnswer> = {};
  try {
    for (const probe of PROBES) {
      if (ids && !ids.includes(probe.id)) continue;
      try {
        answers[probe.id] = { value: JSON.parse(JSON.stringify(probe.run(ctx) ?? null)) as unknown };
      } catch (error) {
        answers[probe.id] = { error: messageOf(error) };
      }
    }
  } finally {
    for (const id of made) trash(id);
  }
  return answers;
}
