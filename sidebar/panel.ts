/**
 * A panel that shows a preview or an outcome in place: its message, its lists, and its buttons. While
 * it is open it is marked `data-confirming`, so the dashboard does not reload under staff's eyes.
 */
import { append, clear, el } from './dom';
import type { PreviewList } from './workflows';

export function panelRegion(id: string, label: string): HTMLElement {
  return el('div', { id, class: 'preview', role: 'region', 'aria-label': label, hidden: true });
}

export function showPanel(
  panel: HTMLElement,
  title: string,
  view: { message: string; lists: readonly PreviewList[] },
  buttons: readonly HTMLElement[],
): void {
  clear(panel);
  panel.hidden = false;
  panel.setAttribute('data-confirming', 'true');
  append(panel, el('h3', { text: title }), el('p', { text: view.message }));
  for (const list of view.lists) {
    if (list.items.length === 0) continue;
    append(
      panel,
      el('h4', { text: list.title }),
      el('ul', { class: 'preview-list' }, ...list.items.map((t) => el('li', { text: t }))),
    );
  }
  const close = el('button', { type: 'button', class: 'plain', text: 'Chiudi', onclick: () => hidePanel(panel) });
  append(panel, el('div', { class: 'buttons' }, ...buttons, close));
  panel.scrollIntoView?.({ block: 'nearest' });
}

export function showLoading(panel: HTMLElement, text: string): void {
  clear(panel);
  panel.hidden = false;
  panel.setAttribute('data-confirming', 'true');
  append(panel, el('p', { class: 'muted', text }));
}

export function hidePanel(panel: HTMLElement): void {
  clear(panel);
  panel.hidden = true;
  panel.removeAttribute('data-confirming');
}
