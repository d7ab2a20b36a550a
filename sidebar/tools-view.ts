/**
 * Two dashboard sections that work on something staff name rather than a course: the import of
 * training done elsewhere from a Drive file (preview, then import on confirmation), and the links to the
 * comuni's pages (preview of the referents first, since it mails them; revocation with confirmation).
 */
import { comuneLinksView, revokeLabel } from './comune-links';
import { el } from './dom';
import { externalPreviewView } from './external';
import { hidePanel, panelRegion, showLoading, showPanel } from './panel';
import { run } from './server';
import { section, serverButton, showError, withFeedback } from './ui';

function required(input: HTMLInputElement, missing: string): string | null {
  const value = input.value.trim();
  if (value !== '') return value;
  showError(missing);
  input.focus();
  return null;
}

export function externalSection(): HTMLElement {
  const input = el('input', {
    id: 'external-file',
    type: 'text',
    autocomplete: 'off',
    placeholder: 'es. Syllabus 2027.xlsx o ID del file',
  });
  const panel = panelRegion('external-panel', 'Anteprima formazione esterna');
  const importFile = async (file: string): Promise<void> => {
    const report = await withFeedback('Importa formazione esterna', () => run('importExternalTraining', file), {
      bare: true,
    });
    if (report) showPanel(panel, `Importato: ${report.file}`, externalPreviewView(report, true), []);
    else hidePanel(panel);
  };
  const preview = async (): Promise<void> => {
    const file = required(input, 'Indichi il nome o l’ID del file CSV o xlsx in Drive.');
    if (file === null) return;
    showLoading(panel, `Lettura di «${file}» in corso…`);
    const report = await withFeedback('Anteprima formazione esterna', () => run('previewExternalTraining', file), {
      quiet: true,
    });
    if (!report) {
      hidePanel(panel);
      return;
    }
    const view = externalPreviewView(report);
    const confirm = view.confirm
      ? [serverButton(view.confirm, 'create', () => void importFile(file), { 'data-fn': 'external-confirm' })]
      : [];
    showPanel(panel, `Anteprima: ${report.file}`, view, confirm);
  };
  return section(
    'Formazione esterna',
    'external',
    el('p', {
      class: 'meta',
      text: 'Ore svolte fuori dall’academy (Syllabus, corsi obbligatori): un file CSV o xlsx in Drive con email o codice fiscale, titolo, ore e data.',
    }),
    el('label', { for: 'external-file', text: 'File in Drive (nome o ID)' }),
    input,
    el(
      'div',
      { class: 'buttons' },
      serverButton('Anteprima importazione', 'action', () => void preview(), { 'data-fn': 'external' }),
    ),
    panel,
  );
}

export function comuneLinksSection(): HTMLElement {
  const input = el('input', {
    id: 'comune-name',
    type: 'text',
    autocomplete: 'off',
    placeholder: 'es. Crema (vuoto: tutti i comuni)',
  });
  const panel = panelRegion('comune-panel', 'Anteprima link pagina comune');
  const send = async (comune: string): Promise<void> => {
    const done = await withFeedback(
      'Invio link pagina comune',
      (): Promise<{ message: string }> => (comune ? run('sendComunePageLink', comune) : run('sendComunePageLinks')),
      { bare: true },
    );
    if (done) hidePanel(panel);
  };
  const preview = async (): Promise<void> => {
    const comune = input.value.trim();
    showLoading(panel, 'Anteprima dei destinatari in corso…');
    const p = await withFeedback(
      'Anteprima link pagina comune',
      () => (comune ? run('previewComunePageLinks', comune) : run('previewComunePageLinks')),
      { quiet: true },
    );
    if (!p) {
      hidePanel(panel);
      return;
    }
    const view = comuneLinksView(p, comune);
    const confirm = view.confirm
      ? [serverButton(view.confirm, 'action', () => void send(comune), { 'data-fn': 'comune-link-confirm' })]
      : [];
    showPanel(panel, `Anteprima: link alla pagina ${comune ? `del Comune di ${comune}` : 'dei comuni'}`, view, confirm);
  };
  let armed = '';
  const revoke = serverButton(
    'Revoca i link del comune',
    'plain',
    () => {
      const comune = required(input, 'Indichi il comune di cui revocare i link.');
      if (comune === null) return;
      if (armed !== comune) {
        armed = comune;
        revoke.textContent = revokeLabel(comune);
        revoke.classList.add('danger');
        revoke.setAttribute('data-confirming', 'true');
        return;
      }
      disarm();
      void withFeedback('Revoca link pagina comune', () => run('revokeComunePageLink', comune), { bare: true });
    },
    { 'data-fn': 'comune-link-revoke' },
  );
  const disarm = (): void => {
    armed = '';
    revoke.textContent = 'Revoca i link del comune';
    revoke.classList.remove('danger');
    revoke.removeAttribute('data-confirming');
  };
  input.addEventListener('input', disarm);
  return section(
    'Pagina del comune',
    'comune-links',
    el('p', {
      class: 'meta',
      text: 'Ogni referente può ricevere il link alla pagina del proprio Comune (ore dei dipendenti, corsi, attestati). Revocare rende inutilizzabili i link già inviati.',
    }),
    el('label', { for: 'comune-name', text: 'Comune (nome o codice ISTAT)' }),
    input,
    el(
      'div',
      { class: 'buttons' },
      serverButton('Anteprima invio link', 'action', () => void preview(), { 'data-fn': 'comune-link' }),
      revoke,
    ),
    panel,
  );
}
