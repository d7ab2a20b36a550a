import { base64Url, checkToken, formatToken, tokenPayload, type TokenClaims } from './token';

/** A stand-in keyed signer (the adapter uses HMAC-SHA256): 32 bytes mixing the key and every character. */
function signer(key: string): (payload: string) => string {
  return (payload) => {
    const bytes = new Array<number>(32).fill(0);
    [...`${key}|${payload}`].forEach((c, i) => {
      for (let j = 0; j < 32; j += 1) bytes[j] = ((bytes[j] as number) * 31 + c.charCodeAt(0) * (i + j + 1)) & 0xff;
    });
    return base64Url(bytes);
  };
}
const sign = signer('secret');
const claims: TokenClaims = {
  enrollmentId: 'I00007',
  decision: 'approve',
  expiresAt: 2_000_000_000,
  nonce: '0123456789abcdef',
};

describe('decision tokens', () => {
  test('base64Url matches Node for signed and unsigned bytes', () => {
    expect(base64Url([0, 255, -1, 127, -128, 64, 3])).toBe('AP__f4BAAw');
    expect(base64Url([77, 97, 110])).toBe('TWFu');
  });

  test('a well-signed token is accepted before its expiry and refused after', () => {
    const token = formatToken(claims, sign(tokenPayload(claims)));
    expect(checkToken(token, sign, 1_999_999_999)).toEqual({ ok: true, claims });
    expect(checkToken(token, sign, 2_000_000_000)).toEqual({ ok: false, reason: 'expired' });
  });

  test('changed claims, a foreign signature or a malformed string are refused', () => {
    const token = formatToken(claims, sign(tokenPayload(claims)));
    expect(checkToken(token.replace('.a.', '.d.'), sign, 0)).toEqual({ ok: false, reason: 'signature' });
    expect(checkToken(token.replace('I00007', 'I00008'), sign, 0)).toEqual({ ok: false, reason: 'signature' });
    expect(checkToken(formatToken(claims, signer('other')(tokenPayload(claims))), sign, 0)).toEqual({
      ok: false,
      reason: 'signature',
    });
    expect(checkToken('<script>', sign, 0)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('canonical token encoding', () => {
  const token = formatToken(claims, sign(tokenPayload(claims)));
  const [id, decision, expiry, nonce, signature] = token.split('.') as [string, string, string, string, string];

  test('a leading zero in the expiry makes another spelling of the same claims: refused', () => {
    expect(checkToken([id, decision, `0${expiry}`, nonce, signature].join('.'), sign, 0)).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(checkToken([id, decision, `00${expiry}`, nonce, signature].join('.'), sign, 0)).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  test('the token as issued is the only spelling accepted', () => {
    expect(checkToken(token, sign, 0)).toEqual({ ok: true, claims });
    expect(checkToken(` ${token} `, sign, 0)).toEqual({ ok: true, claims });
  });
});
