/**
 * The confirmation dialog a menu item opens (Ui.showModalDialog): the workflow's preview, an «Annulla»
 * button and the confirming one, which calls the workflow's server function through
 * `google.script.run` once (it is disabled while the call runs and gone after it succeeded) and shows
 * the answer in place. Every text from the registry is escaped; the call is data, not code.
 */
import { escapeHtml } from '../mail/document';
import type { PreviewView } from './views';

export interface DialogAction {
  /** The staff-only server function the confirming button calls. */
  fn: string;
  args: ReadonlyArray<string | number | boolean>;
}

export const DIALOG_WIDTH = 600;
export const DIALOG_HEIGHT = 520;

/** JSON inside a `<script>` element: `<` never closes it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

const STYLE = `
body { font: 14px/1.45 Arial, Helvetica, sans-serif; color: #202124; margin: 0; padding: 4px 8px 72px; }
p.message { margin: 0 0 12px; }
section h2 { font-size: 14px; margin: 12px 0 4px; }
section ul { margin: 0; padding-left: 20px; max-height: 180px; overflow-y: auto; }
#outcome { margin: 12px 0 0; padding: 8px; border-radius: 4px; }
#outcome:empty { display: none; }
#outcome.ok { background: #e6f4ea; }
#outcome.error { background: #fce8e6; }
.buttons { position: fixed; left: 0; right: 0; bottom: 0; padding: 12px 8px; background: #fff;
  border-top: 1px solid #dadce0; display: flex; justify-content: flex-end; gap: 8px; }
button { font: inherit; padding: 6px 16px; border-radius: 4px; border: 1px solid #dadce0; background: #fff; cursor: pointer; }
button.primary { background: #1a73e8; border-color: #1a73e8; color: #fff; }
button:disabled { opacity: .6; cursor: default; }
`;

/**
 * Runs in the dialog. The first click disables the button, so a double click calls once; the answer's
 * `message` replaces the buttons with «Chiudi»; a refusal re-enables it (the server functions are
 * idempotent, so trying again is safe).
 */
const SCRIPT = `
(function () {
  var action = JSON.parse(document.getElementById('a4pa-action').textContent);
  var confirmButton = document.getElementById('confirm');
  var cancelButton = document.getElementById('cancel');
  var outcome = document.getElementById('outcome');
  cancelButton.addEventListener('click', function () { google.script.host.close(); });
  if (!confirmButton) return;
  confirmButton.addEventListener('click', function () {
    if (confirmButton.disabled) return;
    confirmButton.disabled = true;
    cancelButton.disabled = true;
    outcome.className = '';
    outcome.textContent = 'In corso…';
    var runner = google.script.run
      .withSuccessHandler(function (value) {
        outcome.className = 'ok';
        outcome.textContent = value && value.message ? value.message : 'Fatto.';
        confirmButton.remove();
        cancelButton.disabled = false;
        cancelButton.textContent = 'Chiudi';
      })
      .withFailureHandler(function (error) {
        outcome.className = 'error';
        outcome.textContent = error && error.message ? error.message : String(error);
        confirmButton.disabled = false;
        cancelButton.disabled = false;
      });
    runner[action.fn].apply(runner, action.args);
  });
})();
`;

export function confirmDialogHtml(view: PreviewView, action: DialogAction): string {
  const sections = view.lists
    .filter((list) => list.items.length > 0)
    .map(
      (list) =>
        `<section><h2>${escapeHtml(list.title)}</h2><ul>${list.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul></section>`,
    )
    .join('\n');
  const confirm = view.confirm
    ? `<button type="button" id="confirm" class="primary" data-fn="${escapeHtml(action.fn)}">${escapeHtml(view.confirm)}</button>`
    : '';
  return `<!DOCTYPE html>
<html lang="it">
<head><meta charset="utf-8"><base target="_blank"><style>${STYLE}</style></head>
<body>
<p class="message">${escapeHtml(view.message)}</p>
${sections}
<p id="outcome" role="status" aria-live="polite"></p>
<div class="buttons"><button type="button" id="cancel">${view.confirm ? 'Annulla' : 'Chiudi'}</button>${confirm}</div>
<script type="application/json" id="a4pa-action">${scriptJson(action)}</script>
<script>${SCRIPT}</script>
</body>
</html>`;
}
