import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { bitmapPng } from './png';
import { qrCodePng } from './qr-image';

function decode(png: Uint8Array): { width: number; height: number; data: Uint8Array } {
  const image = PNG.sync.read(Buffer.from(png));
  return { width: image.width, height: image.height, data: new Uint8Array(image.data) };
}

describe('certificate QR code', () => {
  test('a PNG any decoder reads: 1-bit, stored deflate blocks, black where asked', () => {
    const dark = Array.from({ length: 3 }, (_, y) => Array.from({ length: 10 }, (_, x) => x === y));
    const image = decode(bitmapPng(dark));
    expect([image.width, image.height]).toEqual([10, 3]);
    const black = (x: number, y: number): boolean => image.data[(y * 10 + x) * 4] === 0;
    expect([black(0, 0), black(1, 0), black(1, 1), black(9, 2), black(2, 2)]).toEqual([true, false, true, false, true]);
  });

  test('a bitmap larger than one stored block still decodes', () => {
    const dark = Array.from({ length: 1100 }, (_, y) => Array.from({ length: 480 }, (_, x) => (x + y) % 2 === 0));
    // 1,100 rows of 61 bytes: two stored blocks.
    expect(decode(bitmapPng(dark)).height).toBe(1100);
  });

  test('decodes back to the verification address', () => {
    const url = 'https://script.google.com/macros/s/AKfycbx123/exec?verifica=ABCDEFGHJKL';
    const image = decode(qrCodePng(url));
    const found = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(found?.data).toBe(url);
  });
});
