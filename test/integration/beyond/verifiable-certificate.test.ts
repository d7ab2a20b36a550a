/**
 * A certificate anyone can verify from paper: it prints the verification page's address and a QR code of
 * it (an image in the Doc, catalogue: DOCS-INLINE-IMAGE), its header is the consortium's `Nome ente`, and
 * its PDF's title is the certificate's number.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { committedDoc, paragraphsOf } from '../../../src/local/services/files/doc-model';
import { DOC_MIME, driveState, type DriveItem } from '../../../src/local/services/files/store';
import { snapshotMail } from '../../../src/local/services/mail';
import { webAppUrl } from '../../../src/local/services/script/common';
import { academyWith, people } from '../certificates/academy';
import { rows, step } from '../enrollment/helpers';

jest.setTimeout(30_000);

const ENTE = 'Consorzio.IT — Consorzio Informatica e Territorio del Cremasco';

function qrContent(base64: string): string | undefined {
  const image = PNG.sync.read(Buffer.from(base64, 'base64'));
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

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
    const images = paragraphsOf(committedDoc(academy.ws, doc!.id)!.body).flatMap((p) => p.images ?? []);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatchObject({ mimeType: 'image/png', width: 112, height: 112 });
    expect(qrContent(images[0]!.base64)).toBe(url);

    const pdf = items.find((i) => i.name === `${number}.pdf`)!;
    expect(pdf.text.split('\n')[0]).toBe(ENTE);
    expect(pdf.text.replace(/\s+/g, ' ')).toContain(`all'indirizzo ${url}`);
    expect(pdf.text).not.toContain('{{');
    const raw = Buffer.from(pdf.bytes).toString('latin1');
    expect(raw).toContain(`/Title (${number})`);
    expect(raw).toMatch(/\/Subtype \/Image/);

    expect(String(step(academy, { do: 'visit', url }).value)).toContain('Attestato valido');
    const mail = snapshotMail(academy.ws).find((m) => m.subject.startsWith('Attestato di partecipazione'));
    expect(mail?.body).toContain(`Chiunque può verificarlo all'indirizzo ${url}`);
  });
});
