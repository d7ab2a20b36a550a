/** Staff's retention run (`applyRetention`); the daily run calls it once a year too. */
import { serverAction } from '../platform/entry';
import { withScriptLock } from '../enrollment/process';
import { BusyError } from '../../core/registry/errors';
import { slashedDate } from '../../core/text';
import { readProperty, writeProperties } from '../platform/properties';
import { buildRetentionPreview, type RetentionPreview } from './preview';
import { retentionSummary, runRetention, type RetentionResult } from './retention';

function remember(result: RetentionResult, year: string): void {
  writeProperties({
    'a4pa.retention.year': year,
    'a4pa.retention.filesLeft': String(result.filesLeft + result.responsesLeft + result.eventsLeft),
  });
}

/** Once a year (and again while PDFs, form responses or calendar events are left), from the daily run. */
export function yearlyRetention(year: string, startedAtMs: number): RetentionResult | null {
  const left = Number(readProperty('a4pa.retention.filesLeft') ?? '0') || 0;
  if (readProperty('a4pa.retention.year') === year && left === 0) return null;
  const result = runRetention(startedAtMs);
  remember(result, year);
  return result;
}

export interface RetentionSummary extends RetentionResult {
  message: string;
}

export const applyRetention = serverAction('Applica conservazione dati', (): RetentionSummary => {
  const startedAt = Date.now();
  const result = withScriptLock(() => runRetention(startedAt));
  if (!result) throw new BusyError();
  const message =
    result.years === null
      ? '«Anni di conservazione» è vuoto: i dati sono conservati senza limite, nulla da anonimizzare.'
      : `Conservazione ${result.years} anni (dati anteriori al ${slashedDate(result.cutoff)}): ${retentionSummary(result)}.`;
  return { ...result, message };
});

/** «Applica conservazione dati» without its effects: how much would be anonymised, and from when. */
export const previewRetention = serverAction(
  'Anteprima conservazione dati',
  (): RetentionPreview => buildRetentionPreview(),
  { readOnly: true },
);
