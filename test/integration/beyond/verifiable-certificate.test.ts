/**
 * A certificate anyone can verify from paper: it prints the verification page's address and a QR code of
 * it (a borderless table drawn by the Docs API, catalogue: REST-DOCS-QR-TABLE), its header is the
 * consortium's `Nome ente`, and its PDF's title is the certificate's number.
 */
import { commitDoc, committedDoc, paragraphText } from '../../../src/local/services/files/doc-model';
import { QR_MARKER } from '../../../src/core/certificates/placeholders';
import { DOC_MIME, driveState, type DriveItem } from '../../../src/local/services/files/store';
import { snapshotMail } from '../../../src/local/services/mail';
import { webAppUrl } from '../../../src/local/services/script/common';
import { academyWith, people } from '../certificates/academy';
import { pdfQrText } from '../certificates/pdf-qr';
import { rows, step } from '../enrollment/helpers';

jest.setTimeout(30_000);

const ENTE = 'Consorzio.IT — Consorzio Informatica e Territorio del Cremasco';

describe('verifiable certificates', () => {
  test('the QR code in the certificate decodes to its verification page, which answers valid', async () => {
    const academy = await academyWith([{ code: 'EXC', hours: 4, people: people(1) }], { 'Nome ente': ENTE });
    expect(step(academy, { do: 'call', fn: 'issueCertificates', args: ['EXC'] }).ok).toBe(true);
    const cert = rows(academy, 'Attestati')[0]!;
    const number = String(cert.Numero);
    const url = `${webAppUrl(academy.ws)}?verifica=${String(cert['Codice verifica'])}`;

    const items = Object.values(driveState(academy.ws).items) as DriveItem[];
    const doc = items.find((i) => i.mimeType === DOC_MIME && i.name === number);
    expect(doc?.trashed).toBe(true);
    const tables = committedDoc(academy.ws, doc!.id)!.body.filter((n) => n.kind === 'TABLE');
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ columnWidths: expect.arrayContaining([5]) });

    const pdf = items.find((i) => i.name === `${number}.pdf`)!;
    expect(pdf.text.split('\n')[0]).toBe(ENTE);
    expect(pdf.text.replace(/\s+/g, ' ')).toContain(`all'indirizzo ${url}`);
    expect(pdf.text).not.toContain('{{');
    const raw = Buffer.from(pdf.bytes).toString('latin1');
    expect(raw).toContain(`/Title (${number})`);
    expect(pdfQrText(pdf.bytes)).toBe(url);
    expect(raw.match(/\/Type \/Page\b/g)).toHaveLength(1);

    expect(String(step(academy, { do: 'visit', url }).value)).toContain('Attestato valido');
    const mail = snapshotMail(academy.ws).find((m) => m.subject.startsWith('Attestato di partecipazione'));
    expect(mail?.body).toContain(`Chiunque può verificarlo all'indirizzo ${url}`);
  });

  test('a template made before the QR marker gets the code and the address at its end', async () => {
    const academy = await academyWith([{ code: 'OLD', hours: 4, people: people(1) }]);
    const items = (): DriveItem[] => Object.values(driveState(academy.ws).items) as DriveItem[];
    const template = items().find((i) => i.mimeType === DOC_MIME && i.name === 'Modello attestato')!;
    const content = committedDoc(academy.ws, template.id)!;
    content.body = content.body.filter((n) => n.kind === 'TABLE' || !paragraphText(n).includes(QR_MARKER));
    commitDoc(academy.ws, template.id, content);

    expect(step(academy, { do: 'call', fn: 'issueCertificates', args: ['OLD'] }).ok).toBe(true);
    const cert = rows(academy, 'Attestati')[0]!;
    const url = `${webAppUrl(academy.ws)}?verifica=${String(cert['Codice verifica'])}`;
    const pdf = items().find((i) => i.name === `${String(cert.Numero)}.pdf`)!;
    expect(pdfQrText(pdf.bytes)).toBe(url);
    expect(pdf.text.trim().split('\n').at(-1)).toBe(url);
  });
});
