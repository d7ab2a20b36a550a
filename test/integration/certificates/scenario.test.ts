import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runScenario } from '../../../src/local/scenario/runner';
import { scenarioFile } from '../../../src/local/scenario/schema';

const FIXTURE = resolve(__dirname, '../../fixtures/scenarios/attendance-and-certificates.json');

describe('attendance-and-certificates.json', () => {
  it('ends with one certificate for Sara, mailed with its PDF, and none for Paolo', async () => {
    const scenario = scenarioFile.parse(JSON.parse(readFileSync(FIXTURE, 'utf8')));
    const snapshot = await runScenario(scenario);
    const byFn = (fn: string) => snapshot.results[scenario.steps.findIndex((s) => 'fn' in s && s.fn === fn)];
    expect(byFn('prepareAttendance')).toMatchObject({ ok: true });
    expect(byFn('issueCertificates')).toMatchObject({ ok: true });
    const presenze = snapshot.sheets.Presenze?.rows ?? [];
    expect(presenze).toHaveLength(4);
    // By session, then surname (Conti before Galli), with names; ticking `Presente` fills `Ore` with the
    // session's length; the unticked row stays empty.
    expect(presenze.map((r) => [r.Sessione, r.Dipendente, r.Cognome, r.Presente, r.Ore])).toEqual([
      ['GDPR-BASE-S1', 'D00002', 'Conti', true, 2],
      ['GDPR-BASE-S1', 'D00001', 'Galli', true, 2],
      ['GDPR-BASE-S2', 'D00002', 'Conti', false, ''],
      ['GDPR-BASE-S2', 'D00001', 'Galli', true, 2],
    ]);
    const rows = snapshot.sheets.Attestati?.rows ?? [];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      Numero: 'A4PA-2027-00001',
      Corso: 'GDPR-BASE',
      Dipendente: 'D00001',
      Email: 'sara.galli@comune.pandino.cr.it',
      'Ore frequentate': 4,
      Versione: 1,
    });
    expect(String(rows[0]?.['Inviato il'])).toMatch(/^2027-03-01T/);
    expect(String(rows[0]?.['Codice verifica'])).toMatch(/^[A-HJ-NP-Z2-9]{11}$/);
    // The sign-in sheets of `Registri presenze 2027` are PDFs too; the certificates are under `Attestati`.
    const pdf = snapshot.drive.filter((f) => f.mimeType === 'application/pdf' && f.path.startsWith('Attestati'));
    expect(pdf.map((f) => f.path)).toEqual(['Attestati 2027/GDPR-BASE/A4PA-2027-00001.pdf']);
    expect(pdf[0]?.text).toContain('Sara Galli');
    expect(pdf[0]?.text).toContain('dipendente del Comune di Pandino');
    expect(pdf[0]?.text).toContain('per 4 ore su 4 previste');
    expect(pdf[0]?.text).toContain('10 e 17 marzo 2027');
    expect(
      snapshot.drive
        .filter((f) => f.mimeType === 'application/vnd.google-apps.document' && !f.path.startsWith('Registri presenze'))
        .map((f) => f.name)
        .sort(),
    ).toEqual(['Modello attestato', 'Modello foglio firme']);
    const certificateMails = snapshot.mail.filter((m) => m.attachments.length > 0);
    expect(certificateMails).toEqual([
      expect.objectContaining({ to: 'sara.galli@comune.pandino.cr.it', attachments: ['A4PA-2027-00001.pdf'] }),
    ]);
    expect(snapshot.mail.some((m) => m.to.startsWith('paolo') && m.attachments.length > 0)).toBe(false);
  });
});
