/** The external training import as staff read it: what a file adds and every line left out, with why. */
import type { ExternalImportReport } from '../src/gas/external/entry';
import { externalPreviewView } from './external';

const REPORT: ExternalImportReport = {
  message: '«syllabus.csv»: 1 righe da aggiungere a «Formazione esterna». Escluse: 1 già presenti.',
  file: 'syllabus.csv',
  columns: { email: 'Email utente', title: 'Titolo corso', hours: 'Ore', date: 'Data completamento' },
  add: [
    {
      line: 2,
      name: 'Anna Bassi',
      comune: 'Crema',
      email: 'anna.bassi@comune.crema.cr.it',
      title: 'Cybersicurezza',
      provider: 'Syllabus',
      hours: 1.5,
      date: '2027-03-02',
    },
  ],
  duplicates: [{ line: 3, text: 'luca.ferrari@… Cybersicurezza', reason: 'già in «Formazione esterna»' }],
  unmatched: [{ line: 4, text: 'ignoto@example.it', reason: 'nessun dipendente con questa email' }],
  invalid: [],
};

describe('externalPreviewView', () => {
  it('lists the rows to add, the duplicates and the unmatched lines with their reason, and the columns read', () => {
    const view = externalPreviewView(REPORT);
    expect(view.lists.map((l) => l.title)).toEqual([
      'Da aggiungere (1)',
      'Già presenti (1)',
      'Senza dipendente corrispondente (1)',
      'Colonne lette',
    ]);
    expect(view.lists[0]?.items).toEqual(['Anna Bassi (Crema) — Cybersicurezza, 1,5 ore, 02/03/2027']);
    expect(view.lists[2]?.items).toEqual(['Riga 4: ignoto@example.it — nessun dipendente con questa email']);
    expect(view.lists[3]?.items).toContain('Titolo: «Titolo corso»');
    expect(view.confirm).toBe('Conferma: aggiunta di 1 riga');
  });

  it('has nothing to confirm when no row would be added, nor once imported', () => {
    expect(externalPreviewView({ ...REPORT, add: [] }).confirm).toBe('');
    const done = externalPreviewView(REPORT, true);
    expect(done.confirm).toBe('');
    expect(done.lists[0]?.title).toBe('Aggiunte (1)');
  });
});
