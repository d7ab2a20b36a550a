import { CELL_CHARACTER_LIMIT, cutText, displaySafe, meetHref, normalizeEmail, normalizeKey } from './text';

describe('cutText', () => {
  test('text within the limit is returned as it is', () => {
    expect(cutText('Anna', 4)).toBe('Anna');
  });

  test('longer text ends in an ellipsis within the limit', () => {
    const cut = cutText('x'.repeat(CELL_CHARACTER_LIMIT + 10), CELL_CHARACTER_LIMIT);
    expect(cut).toHaveLength(CELL_CHARACTER_LIMIT);
    expect(cut.endsWith('…')).toBe(true);
  });

  test('a surrogate pair at the cut is not split', () => {
    const cut = cutText('ab😀cd', 4);
    expect(cut).toBe('ab…');
  });
});

describe('displaySafe', () => {
  test('removes bidi controls and lone surrogates, keeps pairs and letters', () => {
    expect(displaySafe('\u202eabc\u2066d\u200f')).toBe('abcd');
    expect(displaySafe('a\ud83d b\ude00 😀')).toBe('a b 😀');
  });
});

describe('meetHref', () => {
  test('a Meet link is kept', () => {
    expect(meetHref(' https://meet.google.com/abc-defg-hij ')).toBe('https://meet.google.com/abc-defg-hij');
    expect(meetHref('https://meet.google.com/abc-defg-hij?authuser=0')).toBe(
      'https://meet.google.com/abc-defg-hij?authuser=0',
    );
  });

  test('anything else never becomes a link', () => {
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'http://meet.google.com/abc-defg-hij',
      'https://meet.google.com.evil.example/abc',
      'https://evil.example/?https://meet.google.com/abc',
      'https://meet.google.com/abc"onclick="x',
      'https://meet.google.com@evil.example/abc',
      '',
    ])
      expect(meetHref(bad)).toBe('');
  });
});

describe('normalizeKey', () => {
  test('ignores case, accents and surrounding spaces, and runs of spaces count as one', () => {
    expect(normalizeKey('  Modalità ')).toBe('modalita');
    expect(normalizeKey('Responsabile  di\tservizio')).toBe(normalizeKey('responsabile di servizio'));
    expect(normalizeKey('SAN BASSANO')).toBe('san bassano');
  });

  test('keeps words apart: a missing space is a different key', () => {
    expect(normalizeKey('Sergnano')).not.toBe(normalizeKey('Ser gnano'));
  });
});

describe('normalizeEmail', () => {
  test('an address matches whatever its case and surrounding spaces', () => {
    expect(normalizeEmail(' Anna.Bassi@Comune.Crema.CR.it ')).toBe('anna.bassi@comune.crema.cr.it');
  });
});
