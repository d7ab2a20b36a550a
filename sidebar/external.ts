/**
 * The external training import as the sidebar shows it: the preview of what a file would add to
 * `Formazione esterna` and every line it leaves out with the reason. Pure: the DOM is in tools-view.ts.
 */
import type { ExternalImportReport } from '../src/gas/external/entry';
import { formatNumberIt } from '../src/core/text';
import { italianDate, plural } from './dom';
import type { PreviewList, PreviewView } from './workflows';

/** `done`: the import's own report (what it added), else the preview's. */
export function externalPreviewView(r: ExternalImportReport, done = false): PreviewView {
  const skipped = (title: string, lines: ExternalImportReport['duplicates']): PreviewList => ({
    title: `${title} (${lines.length})`,
    items: lines.map((l) => `Riga ${l.line}: ${l.text} — ${l.reason}`),
  });
  const lists: PreviewList[] = [
    {
      title: `${done ? 'Aggiunte' : 'Da aggiungere'} (${r.add.length})`,
      items: r.add.map(
        (a) => `${a.name} (${a.comune}) — ${a.title}, ${formatNumberIt(a.hours)} ore, ${italianDate(a.date)}`,
      ),
    },
    skipped('Già presenti', r.duplicates),
    skipped('Senza dipendente corrispondente', r.unmatched),
    skipped('Da correggere nel file', r.invalid),
    {
      title: 'Colonne lette',
      items: Object.entries(r.columns).map(([field, header]) => `${COLUMN_LABELS[field] ?? field}: «${header}»`),
    },
  ];
  return {
    message: r.message,
    lists: lists.filter((l) => l.items.length > 0),
    confirm: done || r.add.length === 0 ? '' : `Conferma: aggiunta di ${plural(r.add.length, 'riga', 'righe')}`,
  };
}

const COLUMN_LABELS: Record<string, string> = {
  email: 'Email',
  taxCode: 'Codice fiscale',
  title: 'Titolo',
  provider: 'Ente',
  hours: 'Ore',
  date: 'Data',
};
