import { DAY_MS } from '../../../core/time/units';
import { Workspace } from '../../runtime/workspace';
import { driveGlobals } from '../drive';
import { formSubmitEvent, formsGlobals, hostFormView, hostSubmit, publishedUrlOf, snapshotForms } from '.';
import { createSpreadsheet, hostReadTab, hostTabNames, spreadsheetGlobals } from '../spreadsheet';

const START = Date.parse('2027-02-01T09:00:00+01:00');

type Form = GoogleAppsScript.Forms.Form & {
  isPublished(): boolean;
  setPublished(published: boolean): Form;
  setEmailCollectionType(type: string): Form;
  getEmailCollectionType(): string;
};

function setup(startMs = START): { ws: Workspace; FormApp: GoogleAppsScript.Forms.FormApp } {
  const ws = Workspace.create({ startMs });
  return { ws, FormApp: formsGlobals(ws).FormApp };
}

/** The enrollment form's shape: e-mail, name, a course checkbox list, an action. */
function enrollmentForm(FormApp: GoogleAppsScript.Forms.FormApp): Form {
  const form = FormApp.create('Iscrizioni 2027') as Form;
  form.setTitle('Iscrizioni 2027');
  form.setEmailCollectionType('VERIFIED');
  form.addTextItem().setTitle('Nome').setRequired(true);
  form
    .addCheckboxItem()
    .setTitle('Corsi')
    .setChoiceValues(['EXC-BASE — Excel di base', 'PEC — Posta certificata'])
    .setRequired(true);
  form.addMultipleChoiceItem().setTitle('Azione').setChoiceValues(['Iscrizione', 'Annullamento']).setRequired(true);
  return form;
}

/** The enrollment form, published and linked to a fresh bound spreadsheet. */
function linkedEnrollmentForm(): { ws: Workspace; FormApp: GoogleAppsScript.Forms.FormApp; ssId: string; form: Form } {
  const { ws, FormApp } = setup();
  const ssId = createSpreadsheet(ws, 'Academy', { bind: true });
  const form = enrollmentForm(FormApp);
  form.setPublished(true);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ssId);
  return { ws, FormApp, ssId, form };
}

describe('FormApp: forms and publication', () => {
  // catalogue: FORMS-PUBLISH
  test('a form created by a script after 30 June 2026 starts unpublished', () => {
    const { FormApp } = setup();
    const form = FormApp.create('Iscrizioni') as Form;
    expect(form.isPublished()).toBe(false);
    expect(form.isAcceptingResponses()).toBe(true);
    form.setPublished(true);
    expect(form.isPublished()).toBe(true);
  });

  // catalogue: FORMS-PUBLISH
  test('a form created before July 2026 started published', () => {
    const { FormApp } = setup(Date.parse('2026-03-01T09:00:00+01:00'));
    expect((FormApp.create('Vecchio modulo') as Form).isPublished()).toBe(true);
  });

  // catalogue: FORMS-PUBLISH
  test('hostSubmit refuses an unpublished form and a closed one, with the closed message', () => {
    const { ws, FormApp } = setup();
    const form = enrollmentForm(FormApp);
    const answers = { Nome: 'Anna', Corsi: ['PEC — Posta certificata'], Azione: 'Iscrizione' };
    expect(() => hostSubmit(ws, form.getId(), { email: 'anna@comune.example.it', answers })).toThrow(
      /non è pubblicato/,
    );
    form.setPublished(true);
    form.setAcceptingResponses(false).setCustomClosedFormMessage('Iscrizioni chiuse per il 2027.');
    expect(() => hostSubmit(ws, form.getId(), { email: 'anna@comune.example.it', answers })).toThrow(
      'Iscrizioni chiuse per il 2027.',
    );
    form.setAcceptingResponses(true);
    expect(hostSubmit(ws, form.getId(), { email: 'anna@comune.example.it', answers })).toMatch(/^2_/);
  });

  test('ids are stable: openById, openByUrl on the edit and published URLs, and a short URL', () => {
    const { ws, FormApp } = setup();
    const form = FormApp.create('Iscrizioni');
    // catalogue: FORMS-CREATE-NAMING
    expect(FormApp.openById(form.getId()).getTitle()).toBe('');
    expect(FormApp.openByUrl(form.getEditUrl()).getId()).toBe(form.getId());
    expect(form.getPublishedUrl()).toBe(publishedUrlOf(ws, form.getId()));
    expect(FormApp.openByUrl(form.getPublishedUrl()).getId()).toBe(form.getId());
    expect(form.shortenFormUrl(form.getPublishedUrl())).toMatch(/^https:\/\/forms\.gle\/[A-Za-z0-9]+$/);
    expect(() => FormApp.openById('nope')).toThrow();
  });

  // catalogue: DRIVE-TRASH-EXPIRES
  test('a form stays open while its file is in the trash and is gone once Drive deletes the file', () => {
    const { ws, FormApp } = setup();
    const { DriveApp } = driveGlobals(ws) as { DriveApp: GoogleAppsScript.Drive.DriveApp };
    const endExecution = (): void => {
      for (const hook of ws.endHooks) hook(null as never);
    };
    const form = FormApp.create('Iscrizioni 2027');
    const kept = FormApp.create('Iscrizioni 2028');
    DriveApp.getFileById(form.getId()).setTrashed(true);
    ws.advanceClock(29 * DAY_MS);
    endExecution();
    expect(FormApp.openById(form.getId()).getId()).toBe(form.getId());
    ws.advanceClock(DAY_MS);
    endExecution();
    expect(() => FormApp.openById(form.getId())).toThrow('No item with the given ID could be found');
    expect(() => FormApp.openByUrl(form.getPublishedUrl())).toThrow('No item with the given ID could be found');
    expect(snapshotForms(ws).map((f) => f.id)).toEqual([kept.getId()]);
  });

  // catalogue: FORMS-ACTIVE-FORM
  test('getActiveForm is null in a spreadsheet-bound script', () => {
    expect(setup().FormApp.getActiveForm()).toBeNull();
  });
});

// catalogue: FORMS-ITEMS
describe('FormApp: items', () => {
  test('updating an item in place keeps its id; getItems and getItemById find it', () => {
    const { FormApp } = setup();
    const form = enrollmentForm(FormApp);
    const courses = form.getItems(FormApp.ItemType.CHECKBOX)[0];
    const id = courses.getId();
    courses.asCheckboxItem().setChoiceValues(["EXC-BASE — Excel di base (lista d'attesa)"]);
    expect(
      form
        .getItemById(id)
        ?.asCheckboxItem()
        .getChoices()
        .map((c) => c.getValue()),
    ).toEqual(["EXC-BASE — Excel di base (lista d'attesa)"]);
    expect(form.getItems().map((i) => i.getType())).toEqual(['TEXT', 'CHECKBOX', 'MULTIPLE_CHOICE']);
    expect(courses.getIndex()).toBe(1);
  });

  test('a typed cast throws when the type differs', () => {
    const { FormApp } = setup();
    const form = enrollmentForm(FormApp);
    expect(() => form.getItems()[0].asCheckboxItem()).toThrow(/TEXT.*CHECKBOX/);
    expect(form.getItems()[0].asTextItem().isRequired()).toBe(true);
  });

  test('choices made with createChoice, and an empty choice list is refused', () => {
    const { FormApp } = setup();
    const form = FormApp.create('x');
    const list = form.addListItem().setTitle('Comune');
    list.setChoices([list.createChoice('Crema'), list.createChoice('Lodi')]);
    expect(list.getChoices().map((c) => c.getValue())).toEqual(['Crema', 'Lodi']);
    expect(() => list.setChoiceValues([])).toThrow();
  });

  test('deleteItem and moveItem', () => {
    const { FormApp } = setup();
    const form = enrollmentForm(FormApp);
    const action = form.getItems()[2];
    form.moveItem(action, 0);
    expect(form.getItems().map((i) => i.getTitle())).toEqual(['Azione', 'Nome', 'Corsi']);
    form.deleteItem(0);
    expect(form.getItems().map((i) => i.getTitle())).toEqual(['Nome', 'Corsi']);
    expect(() => action.getTitle()).toThrow();
  });

  test('a scale item keeps its bounds and labels', () => {
    const { FormApp } = setup();
    const scale = FormApp.create('Gradimento')
      .addScaleItem()
      .setTitle('Voto')
      .setBounds(1, 5)
      .setLabels('Poco', 'Molto');
    expect([scale.getLowerBound(), scale.getUpperBound(), scale.getLeftLabel(), scale.getRightLabel()]).toEqual([
      1,
      5,
      'Poco',
      'Molto',
    ]);
    expect(() => scale.setBounds(2, 5)).toThrow();
  });
});

describe('hostSubmit and responses', () => {
  function published(): { ws: Workspace; FormApp: GoogleAppsScript.Forms.FormApp; form: Form } {
    const { ws, FormApp } = setup();
    const form = enrollmentForm(FormApp);
    form.setPublished(true);
    return { ws, FormApp, form };
  }

  test('a checkbox answer is a string[]; other answers strings; the respondent e-mail and timestamp are kept', () => {
    const { ws, form } = published();
    const id = hostSubmit(ws, form.getId(), {
      email: 'anna@comune.example.it',
      answers: { Nome: 'Anna', Corsi: ['EXC-BASE — Excel di base', 'PEC — Posta certificata'], Azione: 'Iscrizione' },
    });
    const sentAt = ws.now();
    const response = form.getResponse(id);
    expect(response.getRespondentEmail()).toBe('anna@comune.example.it');
    expect(response.getTimestamp()).toBeInstanceOf(Date);
    expect(response.getTimestamp().getTime()).toBe(sentAt);
    const answers = response.getItemResponses().map((r) => [r.getItem().getTitle(), r.getResponse()]);
    expect(answers).toEqual([
      ['Nome', 'Anna'],
      // catalogue: FORMS-CHECKBOX-ORDER (strict: never the order ticked, the same on every read)
      ['Corsi', ['PEC — Posta certificata', 'EXC-BASE — Excel di base']],
      ['Azione', 'Iscrizione'],
    ]);
    expect(form.getResponse(id).getItemResponses()[1]?.getResponse()).toEqual(answers[1]?.[1]);
    expect(form.getResponses().map((r) => r.getId())).toEqual([id]);
    expect(response.getEditResponseUrl()).toContain(id);
  });

  // catalogue: FORMS-CHOICES-OPEN
  test('a choice no longer offered is refused, unless the respondent had the form open before (stale)', () => {
    const { ws, FormApp, form } = published();
    const courses = form.getItems(FormApp.ItemType.CHECKBOX)[0].asCheckboxItem();
    courses.setChoiceValues(['PEC — Posta certificata']);
    const answers = { Nome: 'Anna', Corsi: ['EXC-BASE — Excel di base'], Azione: 'Iscrizione' };
    expect(() => hostSubmit(ws, form.getId(), { email: 'anna@comune.example.it', answers })).toThrow(
      /non è tra le opzioni/,
    );
    const id = hostSubmit(ws, form.getId(), { email: 'anna@comune.example.it', answers, stale: true });
    expect(form.getResponse(id).getItemResponses()[1].getResponse()).toEqual(['EXC-BASE — Excel di base']);
  });

  // catalogue: FORMS-PAGE-CHECKS
  test('a missing required answer, an unknown question and a bad e-mail are refused', () => {
    const { ws, form } = published();
    expect(() =>
      hostSubmit(ws, form.getId(), {
        email: 'anna@comune.example.it',
        answers: { Nome: 'Anna', Azione: 'Iscrizione' },
      }),
    ).toThrow('La domanda "Corsi" è obbligatoria.');
    expect(() =>
      hostSubmit(ws, form.getId(), {
        email: 'anna@comune.example.it',
        answers: { Nome: 'A', Corsi: ['PEC — Posta certificata'], Azione: 'Iscrizione', Età: '3' },
      }),
    ).toThrow(/non ha la domanda "Età"/);
    expect(() =>
      hostSubmit(ws, form.getId(), {
        email: 'non-una-mail',
        answers: { Nome: 'A', Corsi: ['PEC — Posta certificata'], Azione: 'Iscrizione' },
      }),
    ).toThrow(/email/i);
    expect(form.getResponses()).toHaveLength(0);
  });

  // catalogue: FORMS-PAGE-CHECKS
  test('a text validation applies with its help text', () => {
    const { ws, FormApp } = setup();
    const form = FormApp.create('x') as Form;
    form.setPublished(true);
    const validation = FormApp.createTextValidation()
      .requireTextIsEmail()
      .setHelpText('Serve un indirizzo email.')
      .build();
    form.addTextItem().setTitle('Email referente').setValidation(validation);
    expect(() => hostSubmit(ws, form.getId(), { email: '', answers: { 'Email referente': 'nope' } })).toThrow(
      'Email referente: Serve un indirizzo email.',
    );
    expect(hostSubmit(ws, form.getId(), { email: '', answers: { 'Email referente': 'a@b.it' } })).toBeTruthy();
  });

  // catalogue: FORMS-EMAIL-COLLECTION
  test('without e-mail collection the respondent e-mail is empty', () => {
    const { ws, FormApp } = setup();
    const form = FormApp.create('x') as Form;
    form.setPublished(true);
    form.addTextItem().setTitle('Nome');
    const id = hostSubmit(ws, form.getId(), { email: 'anna@comune.example.it', answers: { Nome: 'Anna' } });
    expect(form.getResponse(id).getRespondentEmail()).toBe('');
  });

  // catalogue: FORMS-SUBMIT-EVENT
  test('formSubmitEvent carries the response and the form', () => {
    const { ws, form } = published();
    const id = hostSubmit(ws, form.getId(), {
      email: 'anna@comune.example.it',
      answers: { Nome: 'Anna', Corsi: ['PEC — Posta certificata'], Azione: 'Iscrizione' },
    });
    const event = formSubmitEvent(ws, form.getId(), id) as {
      response: GoogleAppsScript.Forms.FormResponse;
      source: GoogleAppsScript.Forms.Form;
      authMode: string;
    };
    expect(event.response.getId()).toBe(id);
    expect(event.source.getId()).toBe(form.getId());
    expect(event.authMode).toBe('FULL');
    expect(() => formSubmitEvent(ws, form.getId(), 'missing')).toThrow();
  });

  // catalogue: FORMS-PAGE-CHECKS
  test('with the one-response limit a second response from the same account is refused', () => {
    const { ws, form } = published();
    form.setLimitOneResponsePerUser(true);
    const answers = { Nome: 'Anna', Corsi: ['PEC — Posta certificata'], Azione: 'Iscrizione' };
    hostSubmit(ws, form.getId(), { email: 'anna@comune.example.it', answers });
    expect(() => hostSubmit(ws, form.getId(), { email: 'Anna@comune.example.it', answers })).toThrow(/una sola volta/);
    expect(hostSubmit(ws, form.getId(), { email: 'bruno@comune.example.it', answers })).toBeTruthy();
  });
});

// catalogue: FORMS-DESTINATION
describe('spreadsheet destination', () => {
  test('setDestination adds "Risposte del modulo 1" with the Italian header, then 2 for another form', () => {
    const { ws, FormApp } = setup();
    const ssId = createSpreadsheet(ws, 'Academy', { bind: true });
    const form = enrollmentForm(FormApp);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ssId);
    expect(form.getDestinationId()).toBe(ssId);
    expect(form.getDestinationType()).toBe(FormApp.DestinationType.SPREADSHEET);
    expect(hostReadTab(ws, ssId, 'Risposte del modulo 1')).toEqual({
      header: ['Informazioni cronologiche', 'Indirizzo email', 'Nome', 'Corsi', 'Azione'],
      rows: [],
    });
    const other = FormApp.create('Gradimento');
    other.addTextItem().setTitle('Commento');
    other.setDestination(FormApp.DestinationType.SPREADSHEET, ssId);
    expect(hostTabNames(ws, ssId)).toContain('Risposte del modulo 2');
    expect(hostReadTab(ws, ssId, 'Risposte del modulo 2')?.header).toEqual(['Informazioni cronologiche', 'Commento']);
  });

  test('a response appends one row: timestamp Date, e-mail, answers in item order, checkboxes joined', () => {
    const { ws, ssId, form } = linkedEnrollmentForm();
    hostSubmit(ws, form.getId(), {
      email: 'anna@comune.example.it',
      answers: { Corsi: ['EXC-BASE — Excel di base', 'PEC — Posta certificata'], Azione: 'Iscrizione', Nome: 'Anna' },
    });
    const tab = hostReadTab(ws, ssId, 'Risposte del modulo 1');
    expect(tab?.rows).toHaveLength(1);
    const [row] = tab?.rows ?? [];
    expect(row[0]).toBeInstanceOf(Date);
    // catalogue: FORMS-DESTINATION-ROW (strictly the tab's time is the response's to the second only)
    expect(Math.abs((row[0] as Date).getTime() - ws.now())).toBeLessThan(1000);
    expect(row.slice(1)).toEqual([
      'anna@comune.example.it',
      'Anna',
      'EXC-BASE — Excel di base, PEC — Posta certificata',
      'Iscrizione',
    ]);
    const values = spreadsheetGlobals(ws)
      .SpreadsheetApp.openById(ssId)
      .getSheetByName('Risposte del modulo 1')
      ?.getDataRange()
      .getValues();
    expect(values?.[1][0]).toBeInstanceOf(Date);
  });

  test('a question added later gets a new column; a renamed one keeps its column under the new title', () => {
    const { ws, FormApp } = setup();
    const ssId = createSpreadsheet(ws, 'Academy', { bind: true });
    const form = FormApp.create('x') as Form;
    form.setPublished(true);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ssId);
    const name = form.addTextItem().setTitle('Nome');
    hostSubmit(ws, form.getId(), { email: '', answers: { Nome: 'Anna' } });
    name.setTitle('Nome e cognome');
    form.addTextItem().setTitle('Ufficio');
    hostSubmit(ws, form.getId(), { email: '', answers: { 'Nome e cognome': 'Bruno Rossi', Ufficio: 'Anagrafe' } });
    const tab = hostReadTab(ws, ssId, 'Risposte del modulo 1');
    expect(tab?.header).toEqual(['Informazioni cronologiche', 'Nome e cognome', 'Ufficio']);
    expect(tab?.rows.map((r) => r.slice(1))).toEqual([
      ['Anna', ''],
      ['Bruno Rossi', 'Anagrafe'],
    ]);
  });

  test('e-mail collection turned on after linking adds its column at the end, keeping earlier rows aligned', () => {
    const { ws, FormApp } = setup();
    const ssId = createSpreadsheet(ws, 'Academy', { bind: true });
    const form = FormApp.create('x') as Form;
    form.setPublished(true);
    form.addTextItem().setTitle('Nome');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ssId);
    hostSubmit(ws, form.getId(), { email: 'anna@comune.example.it', answers: { Nome: 'Anna' } });
    form.setEmailCollectionType('VERIFIED');
    hostSubmit(ws, form.getId(), { email: 'bruno@comune.example.it', answers: { Nome: 'Bruno' } });
    const tab = hostReadTab(ws, ssId, 'Risposte del modulo 1');
    expect(tab?.header).toEqual(['Informazioni cronologiche', 'Nome', 'Indirizzo email']);
    expect(tab?.rows.map((r) => r.slice(1))).toEqual([
      ['Anna', ''],
      ['Bruno', 'bruno@comune.example.it'],
    ]);
  });

  test('the linked tab knows its form (getFormUrl), follows a rename, and forgets the form when unlinked', () => {
    const { ws, FormApp, ssId, form } = linkedEnrollmentForm();
    const book = spreadsheetGlobals(ws).SpreadsheetApp.openById(ssId);
    const tab = book.getSheetByName('Risposte del modulo 1');
    const url = tab?.getFormUrl();
    expect(url).toBeTruthy();
    expect(FormApp.openByUrl(String(url)).getId()).toBe(form.getId());
    expect(book.getSheets().filter((s) => s.getFormUrl() !== null)).toHaveLength(1);
    tab?.setName('Iscrizioni dal modulo');
    hostSubmit(ws, form.getId(), {
      email: 'anna@comune.example.it',
      answers: { Nome: 'Anna', Corsi: ['PEC — Posta certificata'], Azione: 'Iscrizione' },
    });
    expect(hostReadTab(ws, ssId, 'Iscrizioni dal modulo')?.rows).toHaveLength(1);
    form.removeDestination();
    expect(tab?.getFormUrl()).toBeNull();
    expect(hostReadTab(ws, ssId, 'Iscrizioni dal modulo')?.rows).toHaveLength(1);
  });

  test("deleteResponse empties the form's store only: the row in the linked tab stays, as Google documents", () => {
    const { ws, ssId, form } = linkedEnrollmentForm();
    const answers = { Nome: 'Anna', Corsi: ['PEC — Posta certificata'], Azione: 'Iscrizione' };
    const first = hostSubmit(ws, form.getId(), { email: 'anna@comune.example.it', answers });
    const second = hostSubmit(ws, form.getId(), {
      email: 'bruno@comune.example.it',
      answers: { ...answers, Nome: 'Bruno' },
    });
    expect(form.deleteResponse(first)).toBe(form);
    expect(form.getResponses().map((r) => r.getId())).toEqual([second]);
    expect(() => form.getResponse(first)).toThrow('No response with the given ID could be found.');
    expect(() => form.deleteResponse(first)).toThrow('No response with the given ID could be found.');
    expect(hostReadTab(ws, ssId, 'Risposte del modulo 1')?.rows).toHaveLength(2);
    form.deleteAllResponses();
    expect(form.getResponses()).toEqual([]);
    expect(hostReadTab(ws, ssId, 'Risposte del modulo 1')?.rows).toHaveLength(2);
  });

  test('removeDestination stops the rows', () => {
    const { ws, FormApp } = setup();
    const ssId = createSpreadsheet(ws, 'Academy', { bind: true });
    const form = FormApp.create('x') as Form;
    form.setPublished(true);
    form.addTextItem().setTitle('Nome');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ssId);
    form.removeDestination();
    hostSubmit(ws, form.getId(), { email: '', answers: { Nome: 'Anna' } });
    expect(hostReadTab(ws, ssId, 'Risposte del modulo 1')?.rows).toEqual([]);
    expect(() => form.getDestinationId()).toThrow();
  });
});

describe('emulator: host views and snapshots', () => {
  test('snapshotForms lists forms with items as ItemType names', () => {
    const { ws, FormApp } = setup();
    const form = enrollmentForm(FormApp);
    expect(snapshotForms(ws)).toEqual([
      {
        id: form.getId(),
        title: 'Iscrizioni 2027',
        accepting: true,
        published: false,
        items: [
          { title: 'Nome', type: 'TEXT', required: true, choices: [] },
          {
            title: 'Corsi',
            type: 'CHECKBOX',
            required: true,
            choices: ['EXC-BASE — Excel di base', 'PEC — Posta certificata'],
          },
          { title: 'Azione', type: 'MULTIPLE_CHOICE', required: true, choices: ['Iscrizione', 'Annullamento'] },
        ],
      },
    ]);
  });

  test('hostFormView shows what the employee sees', () => {
    const { ws, FormApp } = setup();
    const form = enrollmentForm(FormApp);
    form.setDescription('Scegli i corsi.');
    form.getItems()[1].setHelpText('Posti rimasti tra parentesi');
    const view = hostFormView(ws, form.getId());
    expect(view).toMatchObject({
      title: 'Iscrizioni 2027',
      description: 'Scegli i corsi.',
      published: false,
      accepting: true,
      collectsEmail: true,
    });
    expect(view.items[1]).toMatchObject({
      type: 'CHECKBOX',
      title: 'Corsi',
      helpText: 'Posti rimasti tra parentesi',
      required: true,
    });
  });
});

describe('emulator: call counting', () => {
  test('every script method is a Forms call, the handle getId excepted', () => {
    const { ws, FormApp } = setup();
    const form = FormApp.create('Iscrizioni');
    form.getId();
    form.setTitle('Iscrizioni 2027').setDescription('Modulo');
    expect(ws.counts.Forms).toBe(3);
    expect(ws.methodCounts['Forms.create']).toBe(1);
  });

  test('hostSubmit is not a script call', () => {
    const { ws, FormApp } = setup();
    const form = enrollmentForm(FormApp);
    form.setPublished(true);
    const before = ws.counts.Forms;
    hostSubmit(ws, form.getId(), {
      email: 'anna@comune.example.it',
      answers: { Nome: 'Anna', Corsi: ['PEC — Posta certificata'], Azione: 'Iscrizione' },
    });
    expect(ws.counts.Forms).toBe(before);
  });
});
