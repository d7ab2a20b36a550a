/**
 * @jest-environment jsdom
 */
/**
 * The comune-page links and the external-training import as staff use them: nothing mailed, imported or
 * revoked before the preview or the confirming click, and a revocation armed for one comune only.
 */
import { SYLLABUS_REPORT } from './fixtures';
import { installFakeServer, settle, type FakeServer } from './fake-script-run';
import { comuneLinksSection, externalSection } from './tools-view';
import { errorBox, statusLine } from './ui';

let server: FakeServer;

beforeEach(() => {
  server = installFakeServer();
  document.body.innerHTML = '';
  document.body.append(statusLine, errorBox, comuneLinksSection(), externalSection());
});

afterEach(() => server.uninstall());

function button(fn: string): HTMLButtonElement {
  const found = document.querySelector(`button[data-fn="${fn}"]`);
  if (!found) throw new Error(`no button ${fn}`);
  return found as HTMLButtonElement;
}

function type(id: string, value: string): void {
  const input = document.getElementById(id) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

describe('comuneLinksSection', () => {
  it('previews the referent who would receive the link, and mails only on the confirming button', async () => {
    server.answer('previewComunePageLinks', {
      message: 'Anteprima: 1 referente.',
      validUntil: '31/12/2027',
      recipients: [{ comune: 'Crema', to: 'referente@comune.crema.cr.it', alreadySent: false }],
      leftOut: [],
    });
    server.answer('sendComunePageLink', { message: 'Link inviato a referente@comune.crema.cr.it.' });
    type('comune-name', ' Crema ');
    button('comune-link').click();
    await settle();
    expect(server.calls).toEqual([{ name: 'previewComunePageLinks', args: ['Crema'] }]);
    expect(document.getElementById('comune-panel')?.textContent).toContain(
      'Riceveranno il link, valido fino al 31/12/2027 (1)',
    );
    button('comune-link-confirm').click();
    await settle();
    expect(server.calls[1]).toEqual({ name: 'sendComunePageLink', args: ['Crema'] });
    expect(statusLine.textContent).toBe('Link inviato a referente@comune.crema.cr.it.');
  });

  it('with no comune named the preview is of every comune, and nobody to mail means no confirm button', async () => {
    server.answer('previewComunePageLinks', {
      message: 'Nessun referente da avvisare.',
      validUntil: '',
      recipients: [],
      leftOut: [{ comune: 'Ripalta Arpina', reason: 'nessun referente indicato' }],
    });
    button('comune-link').click();
    await settle();
    expect(server.calls).toEqual([{ name: 'previewComunePageLinks', args: [] }]);
    expect(document.querySelector('button[data-fn="comune-link-confirm"]')).toBeNull();
    expect(document.getElementById('comune-panel')?.textContent).toContain(
      'Ripalta Arpina — nessun referente indicato',
    );
  });

  it('a revocation asks first for the comune, then for a confirming click, and another comune typed disarms it', async () => {
    server.answer('revokeComunePageLink', { message: 'Link del Comune di Crema revocati.' });
    const revoke = button('comune-link-revoke');
    revoke.click();
    expect(errorBox.textContent).toContain('Indichi il comune di cui revocare i link.');
    type('comune-name', 'Crema');
    revoke.click();
    expect(revoke.textContent).toBe('Conferma: i link già inviati al Comune di Crema smettono di funzionare');
    type('comune-name', 'Offanengo');
    expect(revoke.textContent).toBe('Revoca i link del comune');
    revoke.click();
    await settle();
    expect(server.calls).toEqual([]);
    revoke.click();
    await settle();
    expect(server.calls).toEqual([{ name: 'revokeComunePageLink', args: ['Offanengo'] }]);
  });
});

const SYLLABUS = { ...SYLLABUS_REPORT, duplicates: [], unmatched: [] };

describe('externalSection', () => {
  it('previews the file and imports it only on the confirming button', async () => {
    server.answer('previewExternalTraining', SYLLABUS);
    server.answer('importExternalTraining', { ...SYLLABUS, message: '1 riga aggiunta a «Formazione esterna».' });
    type('external-file', 'syllabus.csv');
    button('external').click();
    await settle();
    expect(server.calls).toEqual([{ name: 'previewExternalTraining', args: ['syllabus.csv'] }]);
    const confirm = button('external-confirm');
    expect(confirm.textContent).toBe('Conferma: aggiunta di 1 riga');
    confirm.click();
    await settle();
    expect(server.calls[1]).toEqual({ name: 'importExternalTraining', args: ['syllabus.csv'] });
    expect(statusLine.textContent).toBe('1 riga aggiunta a «Formazione esterna».');
    expect(document.querySelector('button[data-fn="external-confirm"]')).toBeNull();
  });

  it("needs a file name, and a file that cannot be read shows the server's reason and no preview", async () => {
    button('external').click();
    await settle();
    expect(server.calls).toEqual([]);
    expect(errorBox.textContent).toContain('Indichi il nome o l’ID del file CSV o xlsx in Drive.');
    server.fail('previewExternalTraining', 'Exception: Nessun file «Syllabus.xlsx» nella cartella dell’academy.');
    type('external-file', 'Syllabus.xlsx');
    button('external').click();
    await settle();
    expect(server.names()).toEqual(['previewExternalTraining']);
    expect(errorBox.textContent).toBe(
      'Operazione non riuscita. Nessun file «Syllabus.xlsx» nella cartella dell’academy.',
    );
    expect((document.getElementById('external-panel') as HTMLElement).hidden).toBe(true);
  });
});
