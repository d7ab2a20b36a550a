import { snapshotDrive } from '../../../src/local/services/drive';
import { LocalAcademy } from '../../../src/local/runtime/session';

function settings(academy: LocalAcademy): Record<string, unknown> {
  const tab = academy.readTab('Impostazioni')!;
  return Object.fromEntries(tab.rows.map((r) => [r[0], r[1]]));
}

describe('setup of certificates', () => {
  it('creates the template Doc and Attestati <anno> once, and recreates only what went missing', () => {
    const academy = LocalAcademy.fresh({ start: '2027-01-10T09:00:00+01:00' });
    expect(academy.call('setupAcademy').ok).toBe(true);
    const first = settings(academy);
    expect(first['ID modello attestato']).not.toBe('');
    expect(first['ID cartella attestati']).not.toBe('');
    const template = snapshotDrive(academy.ws).find((f) => f.id === first['ID modello attestato']);
    expect(template?.name).toBe('Modello attestato');
    expect(template?.text).toContain('ATTESTATO DI PARTECIPAZIONE');
    expect(template?.text).toContain(
      "Firma autografa sostituita a mezzo stampa ai sensi dell'art. 3, comma 2, del D.Lgs. 39/1993",
    );
    for (const p of [
      '{{NOME}}',
      '{{COGNOME}}',
      '{{COMUNE}}',
      '{{CORSO}}',
      '{{CODICE_CORSO}}',
      '{{AREA}}',
      '{{ORE_FREQUENTATE}}',
      '{{ORE_CORSO}}',
      '{{DATE}}',
      '{{DOCENTE}}',
      '{{DATA_RILASCIO}}',
      '{{NUMERO}}',
      '{{CODICE_VERIFICA}}',
    ]) {
      expect(template?.text).toContain(p);
    }
    expect(academy.call('setupAcademy').ok).toBe(true);
    expect(settings(academy)).toMatchObject({
      'ID modello attestato': first['ID modello attestato'],
      'ID cartella attestati': first['ID cartella attestati'],
    });
    expect(snapshotDrive(academy.ws).filter((f) => f.name === 'Modello attestato')).toHaveLength(1);
  });
});
