/**
 * The QR code printed on a certificate: the verification page's address, error correction M (a
 * crumpled or stamped paper copy still reads), a four-module quiet zone, each module a square of
 * pixels, as a PNG. The encoder is uqr (MIT), the smallest well-kept one that gives the module matrix.
 */
import { encode } from 'uqr';
import { bitmapPng } from './png';

export const QR_QUIET_ZONE = 4;
export const QR_MODULE_PIXELS = 6;

export function qrCodePng(text: string, modulePixels = QR_MODULE_PIXELS): Uint8Array {
  const { data } = encode(text, { ecc: 'M', border: QR_QUIET_ZONE });
  const dark = data.flatMap((row) => {
    const line = row.flatMap((module) => new Array<boolean>(modulePixels).fill(module));
    return new Array<boolean[]>(modulePixels).fill(line);
  });
  return bitmapPng(dark);
}
