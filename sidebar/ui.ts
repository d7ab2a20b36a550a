/**
 * The sidebar's shared frame: the status line, the error box, the busy state, and the buttons that run
 * a server call with feedback or ask for a confirming second click.
 */
import { append, clear, el } from './dom';
import { messageOf } from '../src/core/registry/errors';

export const statusLine = el('p', { id: 'status', class: 'status', role: 'status', 'aria-live': 'polite' });
export const errorBox = el('div', { id: 'error', class: 'error', role: 'alert', hidden: true });
export const content = el('div', { id: 'content' });

let busy = false;

export function isBusy(): boolean {
  return busy;
}

export function setStatus(text: string): void {
  statusLine.textContent = text;
}

export function showError(text: string): void {
  errorBox.hidden = text === '';
  clear(errorBox);
  if (text !== '') append(errorBox, el('strong', { text: 'Operazione non riuscita. ' }), text);
}

function setBusy(on: boolean): void {
  busy = on;
  document.body.classList.toggle('busy', on);
  for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-server]'))) b.disabled = on;
}

/**
 * Runs one server call with feedback: the status line says what runs and how it ended (`quiet`: not
 * at all; `bare`: the server's message alone, when it already names the person and the course).
 */
export async function withFeedback<T extends { message?: string } | object | null | void>(
  label: string,
  task: () => Promise<T>,
  { quiet = false, bare = false }: { quiet?: boolean; bare?: boolean } = {},
): Promise<T | null> {
  if (busy) return null;
  setBusy(true);
  showError('');
  if (!quiet) setStatus(`${label}: in corso…`);
  try {
    const value = await task();
    const message =
      value && typeof value === 'object' && 'message' in value && typeof value.message === 'string'
        ? value.message
        : 'fatto.';
    if (!quiet) setStatus(bare ? message : `${label}: ${message}`);
    return value;
  } catch (error) {
    if (!quiet) setStatus('');
    showError(messageOf(error));
    return null;
  } finally {
    setBusy(false);
  }
}

export type ButtonStyle = 'action' | 'create' | 'plain';

export function serverButton(
  label: string,
  style: ButtonStyle,
  onClick: () => void,
  extra: Record<string, string> = {},
): HTMLButtonElement {
  return el('button', { type: 'button', class: style, 'data-server': 'true', onclick: onClick, text: label, ...extra });
}

/**
 * A button whose first click only asks: its label becomes `confirm` (saying what will happen, to whom),
 * and the second click acts.
 */
export function confirmingButton(
  label: string,
  confirm: string,
  style: ButtonStyle,
  act: () => void,
  extra: Record<string, string> = {},
): HTMLButtonElement {
  let armed = false;
  const button = serverButton(
    label,
    style,
    () => {
      if (!armed) {
        armed = true;
        button.textContent = confirm;
        button.classList.add('danger');
        button.setAttribute('data-confirming', 'true');
        return;
      }
      act();
    },
    extra,
  );
  return button;
}

export function section(title: string, id: string, ...children: Array<Node | string | null>): HTMLElement {
  const headingId = `${id}-title`;
  return el('section', { id, 'aria-labelledby': headingId }, el('h2', { id: headingId, text: title }), ...children);
}
