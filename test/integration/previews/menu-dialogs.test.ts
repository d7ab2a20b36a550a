/**
 * The menu items that mail people or issue documents open their preview in a dialog and change
 * nothing; the dialog's confirming button calls the workflow once, and a second confirmation (a double
 * click that got through) does nothing twice. Through the bundle, as Google runs a menu item.
 * catalogue: HTML-MODAL-DIALOG (the dialog does not hold the script: the menu function ends, the
 * confirmation is a later `google.script.run` call).
 */
import type { LocalAcademy } from '../../../src/local/runtime/session';
import { snapshotForms } from '../../../src/local/services/forms';
import { snapshotMail } from '../../../src/local/services/mail';
import { uiState } from '../../../src/local/services/spreadsheet';
import { academyWith, certificateRows, people, type Person } from '../certificates/academy';
import { stateOf } from '../reliability/helpers';

jest.setTimeout(30_000);

/** The server function Google runs for the menu item `caption` (the menu as `onOpen` builds it). */
function menuFunction(academy: LocalAcademy, caption: string): string {
  academy.runtime.run('onOpen', [{ authMode: 'LIMITED', source: null }], { kind: 'simple' });
  const menu = uiState(academy.ws, academy.spreadsheetId).menus.find((m) => m.title === 'Academy4PA');
  const fn = menu?.items.find((i) => i.kind === 'item' && i.caption === caption)?.functionName;
  if (!fn) throw new Error(`no menu item ${caption}`);
  return fn;
}

interface Dialog {
  title: string;
  html: string;
  /** What the confirming button calls, as the page reads it ('' when there is no such button). */
  fn: string;
  args: unknown[];
  confirm: string;
}

/** Clicks the menu item as staff and reads the one dialog it showed. */
function openFromMenu(academy: LocalAcademy, caption: string): Dialog {
  const fn = menuFunction(academy, caption);
  const shown = uiState(academy.ws, academy.spreadsheetId).dialogs.length;
  const run = academy.call(fn);
  expect(run.error ?? null).toBeNull();
  const dialogs = uiState(academy.ws, academy.spreadsheetId).dialogs.slice(shown);
  expect(dialogs).toHaveLength(1);
  const d = dialogs[0]!;
  expect(d.modal).toBe(true);
  const action = JSON.parse(
    /<script type="application\/json" id="a4pa-action">(.*?)<\/script>/s.exec(d.html)?.[1] ?? '{}',
  ) as {
    fn: string;
    args: unknown[];
  };
  const button = /<button type="button" id="confirm"[^>]*data-fn="([^"]+)"[^>]*>([^<]*)<\/button>/.exec(d.html);
  return {
    title: d.title,
    html: d.html,
    fn: button ? action.fn : '',
    args: action.args,
    confirm: button?.[2] ?? '',
  };
}

function confirm(academy: LocalAcademy, dialog: Dialog): string {
  const run = academy.call(dialog.fn, dialog.args);
  expect(run.error ?? null).toBeNull();
  return String((run.value as { message?: unknown }).message ?? '');
}

const mailCount = (academy: LocalAcademy): number => snapshotMail(academy.ws).length;

describe('menu items that mail or issue open a preview and act on confirmation', () => {
  it('«Emetti attestati» shows who receives one and who is left out and why, issues on confirmation, once', async () => {
    const intruder: Person = { first: '<img src=x onerror=alert(1)>', last: 'Rossi', hours: [null, null] };
    const absent: Person = { first: 'Marta', last: 'Assente', hours: [0, 0] };
    const academy = await academyWith([{ code: 'EXC', hours: 4, people: [...people(2), intruder, absent] }]);
    const before = stateOf(academy);
    const dialog = openFromMenu(academy, 'Emetti attestati');
    expect(stateOf(academy)).toBe(before);
    expect(dialog.title).toBe('Emetti attestati');
    expect(dialog.html).toContain('3 attestati da emettere e inviare per email. 1 persona esclusa');
    expect(dialog.html).toContain('<li>Cognome1 Nome1 — 4 ore</li>');
    expect(dialog.html).toContain(
      '<li>Assente Marta — 0 ore frequentate su 3 ore richieste (soglia 75% di 4 ore)</li>',
    );
    expect(dialog.html).toContain('Rossi &lt;img src=x onerror=alert(1)&gt;');
    expect(dialog.html).not.toContain('<img');
    expect(dialog).toMatchObject({
      fn: 'issueCertificates',
      args: [],
      confirm: 'Conferma: emissione e invio di 3 attestati',
    });

    expect(confirm(academy, dialog)).toContain('3 di 3 emessi e inviati');
    expect(certificateRows(academy)).toHaveLength(3);
    expect(mailCount(academy)).toBe(3);
    expect(confirm(academy, dialog)).toContain('Nessun nuovo attestato da emettere. Già emessi in precedenza: 3.');
    expect(certificateRows(academy)).toHaveLength(3);
    expect(mailCount(academy)).toBe(3);

    const again = openFromMenu(academy, 'Emetti attestati');
    expect(again.confirm).toBe('');
    expect(again.html).toContain('<button type="button" id="cancel">Chiudi</button>');
  });

  it('«Emetti attestati» on a course still open says to close it first and offers nothing to confirm', async () => {
    const academy = await academyWith([{ code: 'EXC', hours: 4, status: 'In corso', people: people(2) }]);
    const dialog = openFromMenu(academy, 'Emetti attestati');
    expect(dialog.html).toContain('Nessun corso «Concluso»: nessun attestato da emettere.');
    expect(dialog.confirm).toBe('');
    expect(mailCount(academy)).toBe(0);
  });

  it('«Invia riepilogo ai comuni» lists the referents and the subject, mails on confirmation, once a month', async () => {
    const academy = await academyWith([{ code: 'EXC', hours: 4, people: people(2) }]);
    academy.edit('Comuni', { Comune: 'Pandino' }, { 'Email referente': 'referente@comune.pandino.cr.it' });
    const before = stateOf(academy);
    const dialog = openFromMenu(academy, 'Invia riepilogo ai comuni');
    expect(stateOf(academy)).toBe(before);
    expect(dialog.html).toContain('<h2>Destinatari (1)</h2><ul><li>Pandino — referente@comune.pandino.cr.it</li>');
    expect(dialog.html).toContain('<h2>Oggetto della email</h2>');
    expect(dialog).toMatchObject({ fn: 'sendComuniSummaries', confirm: 'Conferma: invio di 1 email ai referenti' });

    confirm(academy, dialog);
    const sent = snapshotMail(academy.ws).filter((m) => m.to === 'referente@comune.pandino.cr.it');
    expect(sent).toHaveLength(1);
    expect(confirm(academy, dialog)).toContain('già stati inviati');
    expect(snapshotMail(academy.ws).filter((m) => m.to === 'referente@comune.pandino.cr.it')).toHaveLength(1);
  });

  it('«Pubblica questionario di gradimento» lists its courses and makes one form, however often confirmed', async () => {
    const academy = await academyWith([
      { code: 'EXC', hours: 4, people: people(1) },
      { code: 'DRAFT', hours: 4, status: 'Bozza', people: [] },
    ]);
    const forms = snapshotForms(academy.ws).length;
    const dialog = openFromMenu(academy, 'Pubblica questionario di gradimento');
    expect(snapshotForms(academy.ws)).toHaveLength(forms);
    expect(dialog.html).toContain('<h2>Corsi nel questionario (1)</h2>');
    expect(dialog.html).toContain('Pubblicarlo non invia email');
    expect(dialog.fn).toBe('publishFeedbackForm');
    confirm(academy, dialog);
    confirm(academy, dialog);
    expect(snapshotForms(academy.ws)).toHaveLength(forms + 1);
    expect(mailCount(academy)).toBe(0);
  });

  it('«Applica conservazione dati» counts what becomes anonymous and anonymises on confirmation, once', async () => {
    const academy = await academyWith([{ code: 'EXC', hours: 4, people: people(2) }], { 'Anni di conservazione': 1 });
    academy.ws.clock.advance(400 * 24 * 60 * 60_000);
    const before = stateOf(academy);
    const dialog = openFromMenu(academy, 'Applica conservazione dati');
    expect(stateOf(academy)).toBe(before);
    expect(dialog.html).toContain('<li>Iscrizioni: 2</li><li>Righe di presenza: 4</li>');
    expect(dialog.fn).toBe('applyRetention');
    expect(confirm(academy, dialog)).toContain('Conservazione 1 anni');
    const anonymised = stateOf(academy);
    expect(anonymised).not.toBe(before);
    expect(academy.readTab('Iscrizioni')?.rows.every((r) => !r.includes('dip1@comune.pandino.cr.it'))).toBe(true);
    confirm(academy, dialog);
    expect(stateOf(academy)).toBe(anonymised);
  });

  it('the menu offers no item that mails or issues at one click', async () => {
    const academy = await academyWith([{ code: 'EXC', hours: 4, people: people(1) }]);
    const direct = [
      'issueCertificates',
      'sendComuniSummaries',
      'publishFeedbackForm',
      'applyRetention',
      'syncCalendar',
    ];
    for (const caption of [
      'Sincronizza calendario',
      'Emetti attestati',
      'Invia riepilogo ai comuni',
      'Pubblica questionario di gradimento',
      'Applica conservazione dati',
    ])
      expect(direct).not.toContain(menuFunction(academy, caption));
  });
});
