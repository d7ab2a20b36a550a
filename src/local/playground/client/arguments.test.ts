import { illegalPath } from './arguments';

describe('the bridge refuses, as google.script.run does, what is not JSON-like', () => {
  test('primitives, plain objects and arrays pass', () => {
    expect(illegalPath({ a: [1, 'x', true, null, { b: undefined }] }, '0')).toBeNull();
    expect(illegalPath(Object.create(null), '0')).toBeNull();
  });

  test('a Date, a function or a class instance is named by its path', () => {
    expect(illegalPath({ when: new Date() }, '0')).toBe('0.when');
    expect(illegalPath([1, () => 2], '1')).toBe('1.1');
    expect(illegalPath({ a: { m: new Map() } }, '0')).toBe('0.a.m');
  });
});
