/**
 * Formazione esterna from a file (docs/product.md, "External training import"): the preview says what
 * would be added and what is left out and why; the import adds the same rows in one block, under the
 * script lock, so two imports of the same file add each row once.
 */
import { planExternalImport, type ExternalImportPlan, type SkippedLine } from '../../core/external/plan';
import { BusyError, UserError } from '../../core/registry/errors';
import { TAB } from '../../core/registry/tabs';
import { formatNumberIt } from '../../core/text';
import { withScriptLock } from '../enrollment/process';
import { serverAction } from '../platform/entry';
import { logEvent } from '../registry/log';
import { appendRecords, readTable } from '../registry/table';
import { formatInSpreadsheetZone } from '../registry/workbook';
import { findImportFile, readImportGrid } from './file';

export interface ExternalImportLine {
  line: number;
  name: string;
  comune: string;
  email: string;
  title: string;
  provider: string;
  hours: number;
  date: string;
}

export interface ExternalImportReport {
  message: string;
  file: string;
  /** Field → the file's header it was read from. */
  columns: Record<string, string>;
  add: ExternalImportLine[];
  duplicates: SkippedLine[];
  unmatched: SkippedLine[];
  invalid: SkippedLine[];
}

function planFor(fileIdOrName: string) {
  const file = findImportFile(fileIdOrName);
  const name = file.getName();
  const grid = readImportGrid(file);
  const employees = readTable(TAB.dipendenti).rows.map((r) => r.record);
  const external = readTable(TAB.formazioneEsterna);
  const plan = planExternalImport({
    grid,
    employees,
    existing: external.rows.map((r) => r.record),
    defaultProvider: name.replace(/\.[^.]+$/, ''),
    formatDate: formatInSpreadsheetZone,
  });
  if (plan.columns.missing.length > 0) {
    throw new UserError(`«${name}» non si può importare: manca ${plan.columns.missing.join(', ')}.`);
  }
  return { file: name, plan, external };
}

function report(file: string, plan: ExternalImportPlan, message: string): ExternalImportReport {
  return {
    message,
    file,
    columns: { ...plan.columns.headers },
    add: plan.add.map((a) => ({ line: a.line, ...a.person, ...a.record })),
    duplicates: plan.duplicates,
    unmatched: plan.unmatched,
    invalid: plan.invalid,
  };
}

function leftOut(plan: ExternalImportPlan): string {
  const parts = [
    plan.duplicates.length > 0 ? `${plan.duplicates.length} già presenti` : '',
    plan.unmatched.length > 0 ? `${plan.unmatched.length} senza dipendente corrispondente` : '',
    plan.invalid.length > 0 ? `${plan.invalid.length} da correggere nel file` : '',
  ].filter(Boolean);
  return parts.length > 0 ? ` Escluse: ${parts.join(', ')}.` : '';
}

/** What importing the file would add, and every line it would leave out with the reason; changes nothing. */
export const previewExternalTraining = serverAction(
  'Anteprima formazione esterna',
  (fileIdOrName: string): ExternalImportReport => {
    const { file, plan } = planFor(fileIdOrName);
    return report(
      file,
      plan,
      `«${file}»: ${plan.add.length} righe da aggiungere a «Formazione esterna».${leftOut(plan)}`,
    );
  },
  { readOnly: true },
);

/** Adds the preview's rows to `Formazione esterna` in one block; lines already there are never added again. */
export const importExternalTraining = serverAction(
  'Importa formazione esterna',
  (fileIdOrName: string): ExternalImportReport => {
    const result = withScriptLock(() => {
      const { file, plan, external } = planFor(fileIdOrName);
      appendRecords(
        external,
        plan.add.map((a) => a.record),
      );
      const hours = plan.add.reduce((n, a) => n + a.record.hours, 0);
      logEvent(
        'Formazione esterna importata',
        `${file}: ${plan.add.length} righe, ${formatNumberIt(hours)} ore; escluse ${plan.duplicates.length} doppie, ${plan.unmatched.length} senza dipendente, ${plan.invalid.length} non valide`,
      );
      return report(file, plan, `«${file}»: ${plan.add.length} righe aggiunte a «Formazione esterna».${leftOut(plan)}`);
    });
    if (!result) throw new BusyError();
    return result;
  },
);
