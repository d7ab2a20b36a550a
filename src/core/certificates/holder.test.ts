import { initials } from './holder';

describe('initials on the public verification page', () => {
  test('one initial per word of the name, upper case', () => {
    expect(initials('Anna Maria', 'De Luca')).toBe('A. M. D. L.');
    expect(initials("dell'Orto", 'lò')).toBe('D. O. L.');
  });

  test('a name starting with an emoji gives the first letter after it, never half a surrogate pair', () => {
    expect(initials('😀Anna', 'Bassi')).toBe('A. B.');
    expect(initials('😀', 'Bassi')).toBe('B.');
    expect(initials('𝒜nna', 'Bassi')).toBe('𝒜. B.');
  });

  test('an accent typed as a separate mark stays with its letter', () => {
    expect(initials('E\u0301lena', 'Riva')).toBe('E\u0301. R.');
  });

  test('right-to-left marks, unclosed overrides and lone surrogates are dropped', () => {
    expect(initials('\u200fAnna', '\u202eBassi')).toBe('A. B.');
    expect(initials('\ud83dAnna', 'Bassi\ude00')).toBe('A. B.');
    expect(initials('\u2067', '\u202e')).toBe('');
  });
});
