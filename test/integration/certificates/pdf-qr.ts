/**
 * Reads a QR code back from a PDF the emulated export made: the filled black rectangles of its content
 * streams (a table's cell backgrounds) painted on a white bitmap, then jsQR.
 */
import { inflateSync } from 'node:zlib';
import jsQR from 'jsqr';

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

function contentStreams(pdf: Uint8Array): string[] {
  const raw = Buffer.from(pdf);
  const text = raw.toString('latin1');
  const out: string[] = [];
  const re = /stream\r?\n/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    const bytes = raw.subarray(start, end);
    try {
      out.push(inflateSync(bytes).toString('latin1'));
    } catch {
      out.push(bytes.toString('latin1'));
    }
  }
  return out;
}

/** The rectangles filled in black (`re` then `f`, the fill colour set by `rg` or `g`). */
export function blackRectangles(pdf: Uint8Array): Rect[] {
  const rects: Rect[] = [];
  for (const stream of contentStreams(pdf)) {
    let black = false;
    let pending: Rect[] = [];
    const tokens = stream.split(/\s+/);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const n = (k: number): number => Number(tokens[i - k]);
      if (t === 'rg') black = n(3) === 0 && n(2) === 0 && n(1) === 0;
      else if (t === 'g') black = n(1) === 0;
      else if (t === 're') pending.push({ x: n(4), y: n(3), w: n(2), h: n(1) });
      else if (t === 'f' || t === 'f*') {
        if (black) rects.push(...pending);
        pending = [];
      } else if (t === 'S' || t === 'n' || t === 'B') pending = [];
    }
  }
  return rects;
}

/** The text of the QR code the PDF draws with black rectangles, or undefined. */
export function pdfQrText(pdf: Uint8Array, pixelsPerPoint = 2): string | undefined {
  const rects = blackRectangles(pdf).map((r) => ({
    x0: Math.min(r.x, r.x + r.w),
    x1: Math.max(r.x, r.x + r.w),
    y0: Math.min(r.y, r.y + r.h),
    y1: Math.max(r.y, r.y + r.h),
  }));
  if (rects.length === 0) return undefined;
  const margin = 20;
  const left = Math.min(...rects.map((r) => r.x0)) - margin;
  const bottom = Math.min(...rects.map((r) => r.y0)) - margin;
  const width = Math.ceil((Math.max(...rects.map((r) => r.x1)) + margin - left) * pixelsPerPoint);
  const height = Math.ceil((Math.max(...rects.map((r) => r.y1)) + margin - bottom) * pixelsPerPoint);
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (const r of rects)
    for (let y = Math.round((r.y0 - bottom) * pixelsPerPoint); y < Math.round((r.y1 - bottom) * pixelsPerPoint); y++)
      for (let x = Math.round((r.x0 - left) * pixelsPerPoint); x < Math.round((r.x1 - left) * pixelsPerPoint); x++) {
        const row = height - 1 - y;
        data.fill(0, (row * width + x) * 4, (row * width + x) * 4 + 3);
      }
  return jsQR(data, width, height)?.data;
}
