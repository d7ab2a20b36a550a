import { academyWith, certificateRows, docs, mails, pdfs, people } from './academy';

describe('issueCertificates', () => {
  it('certifies by the default threshold, counts partial hours, and writes PDFs under Attestati 2027/<code>/', async () => {
    const academy = await academyWith([
      {
        code: 'GDPR-BASE',
        hours: 4,
        people: [
          { first: 'Sara', last: 'Galli', hours: [null, null] },
          { first: 'Paolo', last: 'Conti', hours: [null, 0] },
          { first: 'Lia', last: 'Neri', hours: [null, 1] },
          { first: 'Ugo', last: 'Riva', hours: [null, 0.5] },
        ],
      },
    ]);
    const result = academy.call('issueCertificates', ['GDPR-BASE']);
    expect(result.ok).toBe(true);
    const rows = certificateRows(academy);
    expect(rows.map((r) => [r.Numero, r.Dipendente, r['Ore frequentate'], r.Versione])).toEqual([
      ['A4PA-2027-00001', 'D00001', 4, 1],
      ['A4PA-2027-00002', 'D00003', 3, 1],
    ]);
    expect(rows.every((r) => r['Inviato il'] instanceof Date && String(r['Codice verifica']).length === 11)).toBe(true);
    expect(pdfs(academy).map((f) => f.path)).toEqual([
      'Attestati 2027/GDPR-BASE/A4PA-2027-00001.pdf',
      'Attestati 2027/GDPR-BASE/A4PA-2027-00002.pdf',
    ]);
    expect(pdfs(academy)[1]?.text).toContain('per 3 ore su 4 previste');
    expect(docs(academy)).toEqual([]);
    expect(mails(academy).map((m) => [m.to, m.attachments])).toEqual([
      ['dip1@comune.pandino.cr.it', ['A4PA-2027-00001.pdf']],
      ['dip3@comune.pandino.cr.it', ['A4PA-2027-00002.pdf']],
    ]);
  });

  it('refuses a course that is not Concluso, and warns about a Concluso course with sessions still to come', async () => {
    // The academy's clock is 20 March 2027; the sessions are on 10 and 17 March.
    const open = await academyWith([{ code: 'EARLY', hours: 4, status: 'Iscrizioni chiuse', people: people(1) }]);
    const refused = open.call('issueCertificates', ['EARLY']);
    expect(refused.ok).toBe(false);
    expect(refused.error).toBe(
      'Il corso EARLY non è concluso (stato: Iscrizioni chiuse): imposti «Stato» a «Concluso» nel foglio Corsi, poi emetta gli attestati.',
    );
    expect(certificateRows(open)).toEqual([]);
    expect(mails(open)).toEqual([]);

    const closed = await academyWith([{ code: 'CLOSED', hours: 4, people: people(1) }]);
    closed.append('Sessioni', [
      { ID: 'CLOSED-S3', Corso: 'CLOSED', Data: '2027-04-07', Inizio: '14:00', Fine: '16:00', Stato: 'Programmata' },
    ]);
    const early = closed.call('issueCertificates', ['CLOSED']);
    expect((early.value as { message: string }).message).toContain('ha ancora una sessione il 07/04/2027');
    const done = await academyWith([{ code: 'DONE', hours: 4, people: people(1) }]);
    expect((done.call('issueCertificates', ['DONE']).value as { message: string }).message).not.toContain('Attenzione');
  });

  it("uses the course's own threshold over the default", async () => {
    const academy = await academyWith([
      { code: 'HALF', hours: 4, threshold: 50, people: [{ first: 'Paolo', last: 'Conti', hours: [null, 0] }] },
    ]);
    academy.call('issueCertificates', ['HALF']);
    expect(certificateRows(academy).map((r) => r.Dipendente)).toEqual(['D00001']);
  });

  it('puts tricky names into the PDF literally', async () => {
    const tricky = { first: "Dell'Acqua $1 \\ (x) . *", last: '$& $$ Rossi', hours: [null, null] };
    const academy = await academyWith([{ code: 'EXC', hours: 4, people: [tricky] }]);
    academy.call('issueCertificates', ['EXC']);
    const text = pdfs(academy)[0]?.text ?? '';
    expect(text).toContain("Dell'Acqua $1 \\ (x) . * $& $$ Rossi");
    expect(text).not.toContain('{{');
  });

  it('never issues a second certificate on reruns, for one course or for all concluded ones', async () => {
    const academy = await academyWith([
      { code: 'A', hours: 4, people: people(3) },
      { code: 'B', hours: 4, people: people(2) },
    ]);
    academy.call('issueCertificates', ['A']);
    academy.call('issueCertificates', ['A']);
    academy.call('issueCertificates', []);
    academy.call('issueCertificates', []);
    const rows = certificateRows(academy);
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((r) => `${r.Corso}|${r.Dipendente}`)).size).toBe(5);
    expect(rows.map((r) => r.Numero)).toEqual([
      'A4PA-2027-00001',
      'A4PA-2027-00002',
      'A4PA-2027-00003',
      'A4PA-2027-00004',
      'A4PA-2027-00005',
    ]);
    expect(pdfs(academy)).toHaveLength(5);
    expect(mails(academy)).toHaveLength(5);
  });

  it('reissues with Versione + 1, the same number, the old PDF trashed and a new mail', async () => {
    const academy = await academyWith([{ code: 'A', hours: 4, people: people(1) }]);
    academy.call('issueCertificates', ['A']);
    const before = certificateRows(academy)[0]!;
    academy.edit('Presenze', { Dipendente: 'D00001', Sessione: 'A-S2' }, { Ore: 1.5 });
    const result = academy.call('reissueCertificate', ['A4PA-2027-00001']);
    expect(result).toMatchObject({ ok: true, value: { version: 2 } });
    const rows = certificateRows(academy);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ Numero: 'A4PA-2027-00001', Versione: 2, 'Ore frequentate': 3.5 });
    expect(rows[0]!['ID file']).not.toBe(before['ID file']);
    expect(pdfs(academy).map((f) => f.id)).toEqual([rows[0]!['ID file']]);
    expect(pdfs(academy)[0]?.text).toContain('per 3,5 ore su 4 previste');
    expect(mails(academy).map((m) => m.subject)).toEqual([
      expect.stringMatching(/^Attestato di partecipazione/),
      expect.stringMatching(/^Attestato corretto/),
    ]);
  });

  it('refuses a reissue of an unknown number in Italian', async () => {
    const academy = await academyWith([{ code: 'A', hours: 4, people: people(1) }]);
    const result = academy.call('reissueCertificate', ['A4PA-2027-00999']);
    expect(result.ok).toBe(false);
    expect(result.error).toContain('non trovato');
  });
});
