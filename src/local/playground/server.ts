/**
 * The playground's HTTP server (node:http only): the workbook's tabs, read-only, as staff see them,
 * and the snapshot as JSON. Everything shown comes from the emulated Workspace and is HTML-escaped.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { LocalAcademy } from '../runtime/session';
import { wallClock } from '../runtime/time';
import { takeSnapshot } from '../scenario/snapshot';
import { hostTabNames } from '../services/spreadsheet';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A cell as Sheets shows it to an Italian user: dates dd/MM/yyyy, times HH:mm, checkboxes ticked or not. */
export function displayCell(value: unknown): string {
  if (value instanceof Date) {
    const w = wallClock(value.getTime());
    if (w.year === 1899 && w.month === 12 && w.day === 30) return `${pad(w.hour)}:${pad(w.minute)}`;
    const date = `${pad(w.day)}/${pad(w.month)}/${w.year}`;
    return w.hour === 0 && w.minute === 0 && w.second === 0 ? date : `${date} ${pad(w.hour)}:${pad(w.minute)}`;
  }
  if (typeof value === 'boolean') return value ? '☑' : '☐';
  if (typeof value === 'number') return String(value).replace('.', ',');
  return value === null || value === undefined ? '' : String(value);
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: Arial, sans-serif; font-size: 13px; color: #202124; margin: 0; }
header { background: #1a73e8; color: #fff; padding: 10px 16px; font-size: 16px; }
nav { padding: 8px 16px; border-bottom: 1px solid #dadce0; display: flex; flex-wrap: wrap; gap: 4px; }
nav a { padding: 4px 10px; border-radius: 12px; text-decoration: none; color: #1a73e8; background: #e8f0fe; }
nav a.current { background: #1a73e8; color: #fff; }
main { padding: 12px 16px; overflow: auto; }
table { border-collapse: collapse; }
th, td { border: 1px solid #dadce0; padding: 3px 6px; white-space: nowrap; text-align: left; }
th { background: #f1f3f4; position: sticky; top: 0; }
td.n { color: #5f6368; text-align: right; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

export function renderWorkbook(academy: LocalAcademy, selected: string | null): string {
  const tabs = hostTabNames(academy.ws, academy.spreadsheetId);
  const current = selected !== null && tabs.includes(selected) ? selected : (tabs[0] ?? null);
  const nav = tabs
    .map((t) => `<a href="/?tab=${encodeURIComponent(t)}"${t === current ? ' class="current" aria-current="page"' : ''}>${escapeHtml(t)}</a>`)
    .join('\n');
  let content = '<p>Il foglio non ha ancora schede.</p>';
  if (current !== null) {
    const data = academy.readTab(current);
    const header = data?.header ?? [];
    const rows = data?.rows ?? [];
    const head = `<tr><th></th>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
    const body = rows
      .map((r, i) => `<tr><td class="n">${i + 2}</td>${header.map((_, c) => `<td>${escapeHtml(displayCell(r[c]))}</td>`).join('')}</tr>`)
      .join('\n');
    const count = rows.length === 1 ? '1 riga' : `${rows.length} righe`;
    content = `<h2>${escapeHtml(current)}</h2><p>${count} (sola lettura)</p><table>\n${head}\n${body}\n</table>`;
  }
  return page('Academy4PA — playground', `<header>Academy4PA — playground</header>\n<nav aria-label="Schede">\n${nav}\n</nav>\n<main>${content}</main>`);
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

function handle(academy: LocalAcademy, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'text/plain', 'Metodo non consentito.');
    return;
  }
  if (url.pathname === '/') {
    send(res, 200, 'text/html', renderWorkbook(academy, url.searchParams.get('tab')));
  } else if (url.pathname === '/api/snapshot') {
    send(res, 200, 'application/json', JSON.stringify(takeSnapshot(academy)));
  } else if (url.pathname === '/api/tabs') {
    send(res, 200, 'application/json', JSON.stringify(hostTabNames(academy.ws, academy.spreadsheetId)));
  } else {
    send(res, 404, 'text/plain', 'Pagina non trovata.');
  }
}

export function createPlaygroundServer(academy: LocalAcademy): Server {
  return createServer((req, res) => {
    try {
      handle(academy, req, res);
    } catch (error) {
      send(res, 500, 'text/plain', `Errore interno: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}
