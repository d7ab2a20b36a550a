/** The external training import as staff read it: what a file adds and every line left out, with why. */
import { externalPreviewView } from './external';
import { SYLLABUS_REPORT } from './fixtures';

const REPORT = SYLLABUS_REPORT;

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
