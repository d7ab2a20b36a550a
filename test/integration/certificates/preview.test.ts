/**
 * «Emetti attestati» is previewed before it mails anyone: the preview changes nothing and lists who is
 * issued, who already was and who is left out with the reason; the run's answer lists the same.
 */
import { academyWith, certificateRows, mails, pdfs } from './academy';
import type { CertificatePreview } from '../../../src/core/certificates/preview';

const COURSE = {
  code: 'GDPR-BASE',
  hours: 4,
  people: [
    { first: 'Sara', last: 'Galli', hours: [null, null] },
    { first: 'Paolo', last: 'Conti', hours: [null, 0] },
    { first: 'Lia', last: 'Neri', hours: [null, 1] },
  ],
};

function preview(run: { ok: boolean; value: unknown; error?: string }): CertificatePreview {
  if (!run.ok) throw new Error(run.error);
  return run.value as CertificatePreview;
}

describe('previewCertificates', () => {
  it('lists who would be issued and who is left out with hours against the threshold, changing nothing', async () => {
    const academy = await academyWith([COURSE]);
    academy.append('Iscrizioni', [
      {
        'Data richiesta': '2027-02-21T10:00:00+01:00',
        Corso: 'GDPR-BASE',
        Email: 'attesa@comune.pandino.cr.it',
        Stato: 'In attesa',
        Origine: 'Modulo',
      },
    ]);
    const before = { drive: pdfs(academy).length, mails: mails(academy).length };
    const p = preview(academy.call('previewCertificates', ['GDPR-BASE']));
    const course = p.courses[0];
    expect(course?.blocked).toBe('');
    expect(course?.toIssue.map((x) => [x.name, x.hoursAttended])).toEqual([
      ['Galli Sara', 4],
      ['Neri Lia', 3],
    ]);
    expect(course?.leftOut.map((x) => [x.name, x.reason])).toEqual([
      ['attesa@comune.pandino.cr.it', 'iscrizione non confermata (stato: In attesa)'],
      ['Conti Paolo', '2 ore frequentate su 3 ore richieste (soglia 75% di 4 ore)'],
    ]);
    expect(p.message).toBe('2 attestati da emettere e inviare per email. 2 persone escluse (motivo accanto al nome).');
    expect(certificateRows(academy)).toEqual([]);
    expect({ drive: pdfs(academy).length, mails: mails(academy).length }).toEqual(before);
  });

  it('says to close a course that is not Concluso first', async () => {
    const academy = await academyWith([{ ...COURSE, status: 'Iscrizioni chiuse' }]);
    const p = preview(academy.call('previewCertificates', ['GDPR-BASE']));
    expect(p.courses[0]?.blocked).toContain('imposti «Stato» a «Concluso»');
    expect(p.message).toBe(p.courses[0]?.blocked);
  });

  it('the run answers with issued, already issued and left out; a second run issues nothing and still says why', async () => {
    const academy = await academyWith([COURSE]);
    const first = academy.call('issueCertificates', ['GDPR-BASE']);
    expect((first.value as { message: string }).message).toBe(
      "Attestati: 2 di 2 emessi e inviati. Esclusi: 1 persona (motivi nell'elenco).",
    );
    const second = academy.call('issueCertificates', ['GDPR-BASE']);
    const value = second.value as { message: string; preview: CertificatePreview };
    expect(value.message).toBe(
      "Nessun nuovo attestato da emettere. Già emessi in precedenza: 2. Esclusi: 1 persona (motivi nell'elenco).",
    );
    expect(value.preview.courses[0]?.alreadyIssued.map((x) => [x.name, x.number])).toEqual([
      ['Galli Sara', 'A4PA-2027-00001'],
      ['Neri Lia', 'A4PA-2027-00002'],
    ]);
    expect(mails(academy)).toHaveLength(2);
  });
});
