/**
 * Verification codes: from an HMAC (the adapter computes it over a fresh UUID with a secret key), taken
 * five bits at a time into a 32-character alphabet without look-alikes (no 0, O, 1, I). Eleven characters carry 55
 * bits: unguessable, short enough to type.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 11;

/** Bytes as Apps Script returns them (signed, -128..127) or unsigned. */
export function verificationCodeFrom(bytes: readonly number[], length = CODE_LENGTH): string {
  if (bytes.length * 8 < length * 5) throw new Error('not enough bytes for a verification code');
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | (b & 0xff);
    bits += 8;
    while (bits >= 5 && out.length < length) {
      bits -= 5;
      out += CODE_ALPHABET[(acc >> bits) & 31];
    }
    acc &= (1 << bits) - 1;
    if (out.length === length) break;
  }
  return out;
}

/** The verification page of a certificate: the web app with `?verifica=CODE`; '' without a web app. */
export function verificationUrl(webAppUrl: string, code: string): string {
  return webAppUrl ? `${webAppUrl}${webAppUrl.includes('?') ? '&' : '?'}verifica=${encodeURIComponent(code)}` : '';
}
