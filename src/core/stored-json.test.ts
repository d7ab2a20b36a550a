import * as z from 'zod/mini';
import { parseStored, storedJson } from './stored-json';

describe('a value kept as JSON text', () => {
  it('reads back what was written', () => {
    expect(storedJson('{"a":[1,2]}')).toEqual({ a: [1, 2] });
    expect(parseStored('[1,2]', z.array(z.number()))).toEqual([1, 2]);
  });

  it.each([null, '', '{"a":', 'not json', '["x"]'])('is no value when the text is %j', (text) => {
    expect(parseStored(text, z.array(z.number()))).toBeNull();
  });
});
