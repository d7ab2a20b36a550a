// Prints the text of a PDF (one line per text line, pages separated by a form feed), read from the file
// given as the first argument or from stdin. pdfjs-dist 4 is ESM-only, hence a separate Node process
// for tests that run under CommonJS.
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const input = process.argv[2] ? readFileSync(process.argv[2]) : readFileSync(0);
const pdf = await getDocument({
  data: new Uint8Array(input),
  useSystemFonts: false,
  isEvalSupported: false,
  verbosity: 0,
}).promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  const lines = [];
  let current = '';
  let lastY = null;
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const y = item.transform[5];
    if (lastY !== null && Math.abs(y - lastY) > 1) {
      lines.push(current);
      current = '';
    } else if (current !== '' && item.str !== '' && !current.endsWith(' ') && !item.str.startsWith(' ')) {
      current += ' ';
    }
    current += item.str;
    lastY = y;
    if (item.hasEOL) {
      lines.push(current);
      current = '';
      lastY = null;
    }
  }
  if (current !== '') lines.push(current);
  pages.push(
    lines
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter((l) => l !== '')
      .join('\n'),
  );
}
process.stdout.write(pages.join('\f\n'));
