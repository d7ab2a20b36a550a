import { applyFieldMask, maskReaches, parseFieldMask } from './field-mask';
import { RestError } from './http';

const resource = {
  spreadsheetId: 'x',
  properties: { title: 'Registro', locale: 'it_IT' },
  sheets: [
    { properties: { title: 'A', index: 0 }, data: [{ startRow: 3, rowData: [{ values: [{ a: 1, b: 2 }, {}] }] }] },
    { properties: { title: 'B', index: 1 } },
  ],
};

// catalogue: REST-SHEETS-GRID-DATA (the fields mask that asks for grid data)
describe('a fields mask', () => {
  it('keeps what it names inside lists and objects, and a field whole when named alone', () => {
    const mask = parseFieldMask('properties/title,sheets(properties(title),data(startRow,rowData(values(b))))');
    expect(applyFieldMask(resource, mask)).toEqual({
      properties: { title: 'Registro' },
      sheets: [
        { properties: { title: 'A' }, data: [{ startRow: 3, rowData: [{ values: [{ b: 2 }, {}] }] }] },
        { properties: { title: 'B' } },
      ],
    });
    expect(applyFieldMask(resource, parseFieldMask('spreadsheetId,sheets'))).toEqual({
      spreadsheetId: 'x',
      sheets: resource.sheets,
    });
  });

  it('merges two paths into one field (dots or slashes, camelCase or snake_case) and keeps everything under a star', () => {
    const mask = parseFieldMask('sheets.properties.title, sheets/properties/index');
    expect(applyFieldMask(resource, mask)).toEqual({
      sheets: [{ properties: { title: 'A', index: 0 } }, { properties: { title: 'B', index: 1 } }],
    });
    expect(applyFieldMask(resource, parseFieldMask('*'))).toBe(resource);
    expect(applyFieldMask(resource, parseFieldMask('spreadsheet_id'))).toEqual({ spreadsheetId: 'x' });
  });

  it('says whether it reaches a path', () => {
    const mask = parseFieldMask('sheets(properties,data/rowData)');
    expect(maskReaches(mask, ['sheets', 'data'])).toBe(true);
    expect(maskReaches(mask, ['sheets', 'charts'])).toBe(false);
    expect(maskReaches(parseFieldMask('sheets'), ['sheets', 'data'])).toBe(true);
  });

  it.each(['sheets(', 'a,,b', 'a)b', ''])('refuses the malformed mask %j with a 400', (mask) => {
    expect(() => parseFieldMask(mask)).toThrow(RestError);
  });
});
