import jsQR from 'jsqr';
import { QR_MARKER } from './placeholders';
import { qrDrawRequests, qrModules, qrPlacement, qrShrinkRequests, qrTableStart } from './qr-table';

const URL = 'https://script.google.com/macros/s/AKfycbx123/exec?verifica=ABCDEFGHJKL';

/** The modules as an RGBA bitmap, `scale` pixels each, for a decoder. */
function bitmap(modules: boolean[][], scale = 4): { data: Uint8ClampedArray; side: number } {
  const side = modules.length * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  modules.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (!dark) return;
      for (let y = r * scale; y < (r + 1) * scale; y++)
        for (let x = c * scale; x < (c + 1) * scale; x++) data.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
    }),
  );
  return { data, side };
}

function paragraph(startIndex: number, text: string): Record<string, unknown> {
  return {
    startIndex,
    endIndex: startIndex + text.length + 1,
    paragraph: {
      elements: [{ startIndex, endIndex: startIndex + text.length + 1, textRun: { content: `${text}\n` } }],
    },
  };
}

describe('certificate QR code as a Docs table', () => {
  test('the modules, quiet zone included, decode back to the verification address', () => {
    const modules = qrModules(URL);
    const { data, side } = bitmap(modules);
    expect(jsQR(data, side, side)?.data).toBe(URL);
    expect(modules[0]?.every((dark) => !dark)).toBe(true);
  });

  test('the QR goes where the marker is, or at the end of a template without it', () => {
    const withMarker = { body: { content: [paragraph(1, 'Attestato'), paragraph(11, `Qui ${QR_MARKER}`)] } };
    expect(qrPlacement(withMarker)).toEqual({ index: 15, markerLength: QR_MARKER.length });
    const without = { body: { content: [paragraph(1, 'Attestato'), paragraph(11, 'Firma')] } };
    expect(qrPlacement(without)).toEqual({ index: 16, markerLength: 0 });
    expect(qrTableStart({ index: 15, markerLength: QR_MARKER.length })).toBe(16);
    expect(qrTableStart({ index: 16, markerLength: 0 })).toBe(18);
  });

  // catalogue: REST-DOCS-INSERT-TABLE, REST-DOCS-TABLE-COLUMN-WIDTH
  test('one table a module a cell: the marker removed, 5 pt columns, every dark module painted once', () => {
    const requests = qrDrawRequests({ index: 15, markerLength: QR_MARKER.length }, URL);
    const size = qrModules(URL).length;
    expect(requests[0]).toEqual({ deleteContentRange: { range: { startIndex: 15, endIndex: 15 + QR_MARKER.length } } });
    expect(requests[1]).toEqual({ insertTable: { rows: size, columns: size, location: { index: 15 } } });
    const painted = requests
      .map((r) => (r.updateTableCellStyle as { tableRange?: { columnSpan: number } } | undefined)?.tableRange)
      .filter((r) => r !== undefined)
      .reduce((sum, r) => sum + r.columnSpan, 0);
    expect(painted).toBe(qrModules(URL).flat().filter(Boolean).length);
  });

  test('the cells are shrunk only once the table is in the document', () => {
    const size = qrModules(URL).length;
    const table = {
      startIndex: 16,
      endIndex: 900,
      table: {
        rows: size,
        columns: size,
        tableRows: [
          { tableCells: [{ startIndex: 18, endIndex: 20 }] },
          { tableCells: [{ startIndex: 880, endIndex: 900 }] },
        ],
      },
    };
    const doc = { body: { content: [paragraph(1, 'Attestato'), table] } };
    expect(qrShrinkRequests(doc, URL)?.[0]).toMatchObject({
      updateTextStyle: { range: { startIndex: 19, endIndex: 900 } },
    });
    expect(qrShrinkRequests({ body: { content: [paragraph(1, 'Attestato')] } }, URL)).toBeNull();
  });
});
