/**
 * Google Drive as staff know it: folders first, then files, with their real names, kind, owner, last
 * change and size, a breadcrumb back to "Il mio Drive"; a file opens in the page (PDFs and Docs drawn
 * by pdf.js, spreadsheets in the grid, text as text). Attachments of mails open in the same viewer.
 */
import { hostDriveFile } from '../../services/drive';
import {
  DOC_MIME,
  driveState,
  findItem,
  FOLDER_MIME,
  isEffectivelyTrashed,
  PDF_MIME,
  type DriveItem,
} from '../../services/files/store';
import { outbox } from '../../services/mail';
import type { PageContext } from '../context';
import { displayInstant, html, type Raw } from '../html';

/** Each kind's icon colour (as Drive colours them) and name. */
const KINDS: Record<string, [string, string]> = {
  [FOLDER_MIME]: ['folder', 'Cartella'],
  [DOC_MIME]: ['doc', 'Documento Google'],
  [PDF_MIME]: ['pdf', 'PDF'],
  'application/vnd.google-apps.spreadsheet': ['sheet', 'Foglio Google'],
  'application/vnd.google-apps.form': ['form', 'Modulo Google'],
  'text/csv': ['text', 'CSV'],
  'text/plain': ['text', 'Testo'],
};

function kindOf(mimeType: string): [string, string] {
  return KINDS[mimeType] ?? ['text', mimeType.split('/').pop() ?? mimeType];
}

function sizeOf(item: DriveItem): string {
  if (item.mimeType.startsWith('application/vnd.google-apps.')) return '—';
  const kb = item.bytes.length / 1024;
  return kb < 1024 ? `${Math.max(1, Math.round(kb))} KB` : `${(kb / 1024).toFixed(1).replace('.', ',')} MB`;
}

function trail(ctx: PageContext, item: DriveItem | null): Raw {
  const st = driveState(ctx.ws);
  const chain: DriveItem[] = [];
  for (let at = item; at && at.id !== st.rootId; at = at.parents[0] ? findItem(ctx.ws, at.parents[0]) : null)
    chain.unshift(at);
  return html`<nav class="crumbs" aria-label="Percorso"><a href="/drive">Il mio Drive</a>${chain.map(
    (f) =>
      html` › <a href="${f.mimeType === FOLDER_MIME ? `/drive?folder=${encodeURIComponent(f.id)}` : `/drive/file/${encodeURIComponent(f.id)}`}">${f.name}</a>`,
  )}</nav>`;
}

function hrefOf(item: DriveItem): string {
  if (item.mimeType === FOLDER_MIME) return `/drive?folder=${encodeURIComponent(item.id)}`;
  if (item.mimeType === 'application/vnd.google-apps.spreadsheet') return `/?ss=${encodeURIComponent(item.id)}`;
  if (item.mimeType === 'application/vnd.google-apps.form') return `/form?id=${encodeURIComponent(item.id)}`;
  return `/drive/file/${encodeURIComponent(item.id)}`;
}

export function drivePage(ctx: PageContext): string {
  const st = driveState(ctx.ws);
  const folderId = ctx.url.searchParams.get('folder') ?? st.rootId;
  const folder = folderId === st.rootId ? null : findItem(ctx.ws, folderId);
  if (folderId !== st.rootId && (!folder || folder.mimeType !== FOLDER_MIME))
    return ctx.render('Drive', 'drive', html`<p class="error">Cartella non trovata.</p>`);
  const children = st.order
    .map((id) => st.items[id] as DriveItem)
    .filter((item) => item.parents.includes(folderId) && !isEffectivelyTrashed(ctx.ws, item))
    .sort((a, b) =>
      a.mimeType === FOLDER_MIME && b.mimeType !== FOLDER_MIME
        ? -1
        : b.mimeType === FOLDER_MIME && a.mimeType !== FOLDER_MIME
          ? 1
          : a.name.localeCompare(b.name, 'it'),
    );
  const rows = children.map((item) => {
    const [icon, kind] = kindOf(item.mimeType);
    return html`<tr data-kind="${item.mimeType === FOLDER_MIME ? 'folder' : 'file'}"><td><span class="icon ${icon}" aria-hidden="true"></span><a href="${hrefOf(item)}">${item.name}</a></td><td>${kind}</td><td>${item.owner === ctx.ws.state.owner ? 'io' : item.owner}</td><td>${displayInstant(item.updatedMs)}</td><td>${sizeOf(item)}</td></tr>`;
  });
  const body = html`<div class="drive">${trail(ctx, folder)}
<table class="files" id="files"><thead><tr><th>Nome</th><th>Tipo</th><th>Proprietario</th><th>Ultima modifica</th><th>Dimensioni</th></tr></thead>
<tbody>${rows.length > 0 ? rows : html`<tr><td colspan="5" class="muted">Questa cartella è vuota.</td></tr>`}</tbody></table></div>`;
  return ctx.render(folder ? folder.name : 'Il mio Drive', 'drive', body);
}

/** A PDF drawn by pdf.js in the page (the viewer script fetches `source`). */
export function pdfViewer(title: string, source: string, back: Raw): Raw {
  return html`<div class="viewer">${back}<h2>${title}</h2>
<p><a href="${source}" download>Scarica</a></p>
<div class="pages" id="pdf" data-src="${source}" aria-label="Anteprima di ${title}" aria-busy="true"></div></div>
<script type="module" src="/assets/pdf-viewer.js"></script>`;
}

export function fileViewPage(ctx: PageContext, id: string): string {
  const item = findItem(ctx.ws, id);
  const file = item ? hostDriveFile(ctx.ws, id) : null;
  if (!item || !file || file.trashed)
    return ctx.render('Drive', 'drive', html`<p class="error">File non trovato o nel cestino.</p>`);
  const back = trail(ctx, item);
  const raw = `/drive/raw/${encodeURIComponent(id)}`;
  if (file.mimeType === PDF_MIME) return ctx.render(file.name, 'drive', pdfViewer(file.name, raw, back));
  if (item.mimeType === 'application/vnd.google-apps.spreadsheet')
    return ctx.render(
      item.name,
      'drive',
      html`${back}<p><a href="/?ss=${encodeURIComponent(id)}">Apri il foglio «${item.name}»</a></p>`,
    );
  if (file.mimeType.startsWith('text/'))
    return ctx.render(
      file.name,
      'drive',
      html`${back}<h2>${file.name}</h2><pre class="card">${Buffer.from(file.bytes).toString('utf8')}</pre>`,
    );
  if (file.mimeType.startsWith('image/'))
    return ctx.render(
      file.name,
      'drive',
      html`${back}<h2>${file.name}</h2><img src="${raw}" alt="${file.name}" style="max-width:100%">`,
    );
  return ctx.render(
    file.name,
    'drive',
    html`${back}<h2>${file.name}</h2><p><a href="${raw}" download>Scarica ${file.name}</a> (${kindOf(file.mimeType)[1]})</p>`,
  );
}

export function attachmentViewPage(ctx: PageContext, mail: number, index: number): string {
  const m = outbox(ctx.ws)[mail];
  const a = m?.attachments[index];
  if (!m || !a) return ctx.render('Allegato', 'mail', html`<p class="error">Allegato non trovato.</p>`);
  const back = html`<p><a href="/mail?m=m${mail}">← ${m.subject}</a></p>`;
  const source = `/mail/${mail}/${index}`;
  if (a.mimeType === PDF_MIME) return ctx.render(a.name, 'mail', pdfViewer(a.name, source, back));
  return ctx.render(a.name, 'mail', html`${back}<h2>${a.name}</h2><p><a href="${source}" download>Scarica</a></p>`);
}
