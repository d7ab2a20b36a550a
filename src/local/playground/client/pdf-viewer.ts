/**
 * The PDF preview in the page (bundled by assets.ts, loaded as a module): pdf.js, served from
 * node_modules by the playground, draws every page of the file the viewer element points at.
 */
type PdfJs = typeof import('pdfjs-dist');

const PDFJS = '/assets/pdfjs/pdf.min.mjs';
const WORKER = '/assets/pdfjs/pdf.worker.min.mjs';

async function show(container: HTMLElement): Promise<void> {
  const source = container.getAttribute('data-src') ?? '';
  const pdfjs = (await import(PDFJS)) as PdfJs;
  pdfjs.GlobalWorkerOptions.workerSrc = WORKER;
  const pdf = await pdfjs.getDocument({ url: source, isEvalSupported: false }).promise;
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const viewport = page.getViewport({ scale: 1.4 });
    const canvas = document.createElement('canvas');
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    canvas.setAttribute('aria-label', `Pagina ${n} di ${pdf.numPages}`);
    container.appendChild(canvas);
    const context = canvas.getContext('2d');
    if (context) await page.render({ canvasContext: context, viewport }).promise;
  }
  container.setAttribute('data-pages', String(pdf.numPages));
  container.setAttribute('aria-busy', 'false');
}

const container = document.getElementById('pdf');
if (container) {
  show(container).catch((e: unknown) => {
    container.setAttribute('aria-busy', 'false');
    container.textContent = `Anteprima non disponibile: ${e instanceof Error ? e.message : String(e)}`;
  });
}

export {};
