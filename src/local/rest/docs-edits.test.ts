import { Workspace } from '../runtime/workspace';
import { documentGlobals, flushDocuments } from '../services/documents';
import { callRest } from './testing';

interface Doc {
  getId(): string;
  getBody(): { appendParagraph(text: string): unknown };
  saveAndClose(): void;
}

function docWith(ws: Workspace, lines: string[]): string {
  const app = documentGlobals(ws).DocumentApp as { create(name: string): Doc };
  const doc = app.create('Bozza');
  for (const line of lines) doc.getBody().appendParagraph(line);
  doc.saveAndClose();
  flushDocuments(ws);
  return doc.getId();
}

function content(ws: Workspace, id: string): Array<Record<string, unknown>> {
  const doc = callRest(ws, 'GET', `/v1/documents/${id}`).body;
  return (doc.body as { content: Array<Record<string, unknown>> }).content;
}

describe('Docs API editing requests', () => {
  // catalogue: REST-DOCS-INSERT-TABLE, REST-DOCS-INDEXES
  test('a table inserted in a paragraph starts one index after the location, the paragraph split around it', () => {
    const ws = Workspace.create({ startMs: Date.UTC(2027, 0, 11, 9) });
    const id = docWith(ws, ['Prima', 'AB']);
    const ab = content(ws, id).find((n) => JSON.stringify(n).includes('"content":"AB"')) as { startIndex: number };
    const answer = callRest(ws, 'POST', `/v1/documents/${id}:batchUpdate`, {
      requests: [{ insertTable: { rows: 2, columns: 3, location: { index: ab.startIndex + 1 } } }],
    });
    expect(answer.status).toBe(200);
    const after = content(ws, id);
    const table = after.find((n) => n.table) as { startIndex: number; endIndex: number; table: { rows: number } };
    expect(table.startIndex).toBe(ab.startIndex + 2);
    expect(table.table.rows).toBe(2);
    // One index for the table, one per row, per cell one plus its empty paragraph.
    expect(table.endIndex - table.startIndex).toBe(1 + 2 * (1 + 3 * 2));
    const texts = after.map((n) => JSON.stringify(n.paragraph ?? '').match(/"content":"([^"]*)"/)?.[1]);
    expect(texts.slice(-3)).toEqual(['A', undefined, 'B']);
  });

  // catalogue: REST-DOCS-TABLE-COLUMN-WIDTH
  test('a fixed column narrower than 5 pt is refused with a 400 and nothing of the batch applies', () => {
    const ws = Workspace.create({ startMs: Date.UTC(2027, 0, 11, 9) });
    const id = docWith(ws, ['Testo']);
    const before = content(ws, id);
    const end = (before.at(-1) as { endIndex: number }).endIndex;
    const answer = callRest(ws, 'POST', `/v1/documents/${id}:batchUpdate`, {
      requests: [
        { insertTable: { rows: 1, columns: 1, location: { index: end - 1 } } },
        {
          updateTableColumnProperties: {
            tableStartLocation: { index: end },
            columnIndices: [],
            tableColumnProperties: { widthType: 'FIXED_WIDTH', width: { magnitude: 4, unit: 'PT' } },
            fields: 'widthType,width',
          },
        },
      ],
    });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('at least 5 points');
    expect(content(ws, id)).toEqual(before);
  });

  // catalogue: REST-DOCS-WRITE-CONTROL
  test('a batch naming an older revision is refused, so a resent draw is not applied twice', () => {
    const ws = Workspace.create({ startMs: Date.UTC(2027, 0, 11, 9) });
    const id = docWith(ws, ['{{NOME}}']);
    const revision = callRest(ws, 'GET', `/v1/documents/${id}`).body.revisionId as string;
    const batch = {
      requests: [{ insertText: { location: { index: 1 }, text: 'X' } }],
      writeControl: { requiredRevisionId: revision },
    };
    expect(callRest(ws, 'POST', `/v1/documents/${id}:batchUpdate`, batch).status).toBe(200);
    expect(callRest(ws, 'POST', `/v1/documents/${id}:batchUpdate`, batch).status).toBe(400);
    const text = JSON.stringify(content(ws, id));
    expect(text.match(/"content":"X"/g)).toHaveLength(1);
    expect(text).toContain('"content":"{{NOME}}"');
  });
});
