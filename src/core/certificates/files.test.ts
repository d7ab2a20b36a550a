import { batchQuery, multipartUpload, pdfMetadata, resumeBatch, taggedFiles } from './files';

const utf8 = (text: string): number[] => [...new TextEncoder().encode(text)];

describe('certificate files on Drive', () => {
  it('tags the PDF with its batch, number and role, and finds the batch by a quoted query', () => {
    expect(pdfMetadata("b'1", 'A4PA-2027-00001', 'F')).toEqual({
      name: 'A4PA-2027-00001.pdf',
      mimeType: 'application/pdf',
      parents: ['F'],
      properties: { a4paBatch: "b'1", a4paCertificate: 'A4PA-2027-00001', a4paRole: 'pdf' },
    });
    expect(batchQuery("b'1")).toBe("properties has { key='a4paBatch' and value='b\\'1' } and trashed = false");
  });

  it('builds a multipart upload whose media part is the PDF bytes unchanged', () => {
    const pdf = [37, 80, 68, 70, 255, 0, 10];
    const upload = multipartUpload('XYZ', { name: 'a.pdf' }, pdf, utf8);
    expect(upload.contentType).toBe('multipart/related; boundary=XYZ');
    const text = Buffer.from(upload.body).toString('latin1');
    expect(text.startsWith('--XYZ\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n{"name":"a.pdf"}\r\n')).toBe(
      true,
    );
    expect(text.endsWith('\r\n--XYZ--')).toBe(true);
    const media =
      text.indexOf('Content-Type: application/pdf\r\n\r\n') + 'Content-Type: application/pdf\r\n\r\n'.length;
    expect(upload.body.slice(media, media + pdf.length)).toEqual(pdf);
  });

  it('resumes a batch: adopts one PDF per certificate still due, trashes drafts, duplicates and PDFs no longer due', () => {
    const files = taggedFiles({
      files: [
        { id: 'd1', properties: { a4paCertificate: 'N1', a4paRole: 'bozza' } },
        { id: 'p1', webViewLink: 'u1', properties: { a4paCertificate: 'N1', a4paRole: 'pdf' } },
        { id: 'p1b', properties: { a4paCertificate: 'N1', a4paRole: 'pdf' } },
        { id: 'p2', properties: { a4paCertificate: 'N2', a4paRole: 'pdf' } },
        { id: 'p3', properties: { a4paCertificate: 'N3', a4paRole: 'pdf' } },
        { id: 'x', properties: { other: 'y' } },
      ],
    });
    const entry = (key: string, number: string) => ({ key, number, verificationCode: 'V', pdfId: '', pdfUrl: '' });
    const { entries, trash } = resumeBatch({
      entries: [entry('new:a', 'N1'), entry('new:b', 'N2'), entry('new:c', 'N3'), entry('new:d', 'N4')],
      files,
      recordedNumbers: new Set(['N3']),
      recordedFiles: new Set(['p3']),
      due: new Set(['new:a', 'new:d']),
    });
    expect(entries).toEqual([
      { ...entry('new:a', 'N1'), pdfId: 'p1', pdfUrl: 'u1' },
      entry('', 'N2'),
      entry('new:d', 'N4'),
    ]);
    expect(trash.sort()).toEqual(['d1', 'p1b', 'p2']);
  });
});
