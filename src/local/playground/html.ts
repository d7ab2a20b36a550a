/**
 * HTML of the playground's pages: every value from the emulated Workspace goes through `escapeHtml`,
 * and the pages load nothing from outside localhost (no CDN, no fonts).
 */
import { isoInZone, wallClock } from '../runtime/time';

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** Tagged template: interpolated values are escaped unless wrapped in `raw`. */
export class Raw {
  constructor(readonly html: string) {}
}

export function raw(html: string): Raw {
  return new Raw(html);
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    const items = Array.isArray(v) ? v : [v];
    for (const item of items)
      out += item instanceof Raw ? item.html : escapeHtml(item === null || item === undefined ? '' : String(item));
    out += strings[i + 1] ?? '';
  });
  return new Raw(out);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A cell as Sheets shows it to an Italian user: dates dd/MM/yyyy, times HH:mm, numbers with a comma. */
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

/** An instant as an Italian reader reads it: `02/03/2027 09:00`. */
export function displayInstant(ms: number): string {
  const iso = isoInZone(ms);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}

export const NAV: ReadonlyArray<readonly [string, string]> = [
  ['/', 'Foglio e pannello'],
  ['/form', 'Modulo iscrizioni'],
  ['/mail', 'Posta inviata'],
  ['/calendar', 'Calendario'],
  ['/drive', 'Drive'],
  ['/clock', 'Orologio e trigger'],
];

const STYLE = `
* { box-sizing: border-box; }
body { font-family: Arial, sans-serif; font-size: 13px; color: #202124; margin: 0; background: #fff; }
header.bar { background: #174ea6; color: #fff; padding: 8px 16px; display: flex; align-items: center; gap: 16px; flex-wrap: wrap; }
header.bar h1 { font-size: 16px; margin: 0; font-weight: bold; }
header.bar nav { display: flex; gap: 4px; flex-wrap: wrap; }
header.bar nav a { color: #fff; text-decoration: none; padding: 4px 10px; border-radius: 12px; }
header.bar nav a[aria-current="page"] { background: #fff; color: #174ea6; }
header.bar .clock { margin-left: auto; }
main { padding: 12px 16px; }
a { color: #1967d2; }
button { font: inherit; padding: 4px 12px; border-radius: 4px; border: 1px solid #1967d2; background: #1967d2; color: #fff; cursor: pointer; min-height: 28px; }
button.secondary { background: #fff; color: #1967d2; border-color: #dadce0; }
button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible, td:focus-visible { outline: 2px solid #174ea6; outline-offset: 1px; }
.layout { display: flex; gap: 16px; align-items: flex-start; }
.workbook { flex: 1; min-width: 0; }
.sidebar { width: 320px; flex: none; border: 1px solid #dadce0; border-radius: 4px; }
.sidebar iframe { width: 300px; height: calc(100vh - 150px); min-height: 500px; border: 0; display: block; margin: 0 auto; }
.sidebar .who { padding: 6px 10px; border-bottom: 1px solid #dadce0; background: #f8f9fa; }
.sidebar .who label { font-size: 12px; }
.tabs { display: flex; flex-wrap: wrap; gap: 4px; margin-bottom: 8px; }
.tabs a { padding: 3px 9px; border-radius: 12px; text-decoration: none; color: #174ea6; background: #e8f0fe; }
.tabs a[aria-current="page"] { background: #174ea6; color: #fff; }
.grid-wrap { overflow: auto; max-height: calc(100vh - 210px); border: 1px solid #dadce0; }
table.grid { border-collapse: collapse; }
table.grid th, table.grid td { border: 1px solid #dadce0; padding: 3px 6px; white-space: nowrap; text-align: left; max-width: 320px; overflow: hidden; text-overflow: ellipsis; }
table.grid th { background: #f1f3f4; position: sticky; top: 0; z-index: 1; }
table.grid td.n { color: #5f6368; text-align: right; background: #f8f9fa; }
table.grid td.editable { cursor: text; }
table.grid td.active { outline: 2px solid #188038; outline-offset: -2px; background: #e6f4ea; }
table.grid td[title] { text-decoration: underline dotted #a50e0e; }
table.grid td input[type="text"] { font: inherit; width: 100%; min-width: 120px; }
.muted { color: #5f6368; }
.error { border: 1px solid #d93025; background: #fce8e6; color: #a50e0e; padding: 8px; border-radius: 4px; }
.ok { border: 1px solid #188038; background: #e6f4ea; color: #0d652d; padding: 8px; border-radius: 4px; }
.card { border: 1px solid #dadce0; border-radius: 6px; padding: 10px 12px; margin: 8px 0; max-width: 900px; }
.card h2, .card h3 { margin: 0 0 6px; font-size: 14px; }
pre { white-space: pre-wrap; font-family: inherit; margin: 6px 0; }
form.employee { max-width: 640px; }
form.employee fieldset { border: 1px solid #dadce0; border-radius: 6px; margin: 10px 0; padding: 10px; }
form.employee legend { font-weight: bold; }
form.employee label.choice { display: block; margin: 4px 0; }
form.employee input[type="text"], form.employee input[type="email"], form.employee select, form.employee textarea { font: inherit; width: 100%; padding: 4px; }
.pager { margin: 6px 0; display: flex; gap: 8px; align-items: center; }
`;

export function page(title: string, current: string, clock: string, body: Raw): string {
  const nav = NAV.map(
    ([href, label]) => html`<a href="${href}"${raw(href === current ? ' aria-current="page"' : '')}>${label}</a>`,
  );
  return `<!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Academy4PA playground</title>
<style>${STYLE}</style>
</head>
<body>
${html`<header class="bar"><h1>Academy4PA — playground</h1><nav aria-label="Sezioni">${nav}</nav><span class="clock" id="clock">Ora emulata: ${clock}</span></header>`.html}
<main id="main">
${body.html}
</main>
</body>
</html>
`;
}
