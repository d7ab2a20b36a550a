import { Workspace } from '../../runtime/workspace';
import { type Variant } from '../../runtime/variant';
import { formsGlobals, hostSubmit } from '.';
import { createSpreadsheet, hostReadTab } from '../spreadsheet';

/* eslint-disable @typescript-eslint/no-explicit-any -- the emulated services are untyped script globals */

function setup(variant: Variant = 'strict'): { ws: Workspace; FormApp: any } {
  const ws = Workspace.create({ startMs: Date.parse('2027-02-01T09:00:00+01:00'), variant });
  return { ws, FormApp: formsGlobals(ws).FormApp };
}

function gradimento(FormApp: any): { form: any; colours: any; grid: any; name: any } {
  const form = FormApp.create('Gradimento');
  form.setPublished(true);
  const name = form.addTextItem().setTitle('Nome');
  const colours = form.addCheckboxItem().setTitle('Colori').setChoiceValues(['Rosso', 'Verde']);
  const grid = form
    .addGridItem()
    .setTitle('Giudizio')
    .setRows(['Docente', 'Materiali'])
    .setColumns(['Buono', 'Ottimo']);
  return { form, colours, grid, name };
}

describe('page breaks and navigation', () => {
  // catalogue: FORMS-PAGE-NAVIGATION
  test('a page break continues until sent to another page or to a navigation type', () => {
    const { FormApp } = setup();
    const form = FormApp.create('Pagine');
    const two = form.addPageBreakItem().setTitle('Pagina 2');
    const three = form.addPageBreakItem().setTitle('Pagina 3');
    expect([two.getPageNavigationType(), two.getGoToPage()]).toEqual(['CONTINUE', null]);
    two.setGoToPage(three);
    expect(two.getPageNavigationType()).toBe(FormApp.PageNavigationType.GO_TO_PAGE);
    expect(two.getGoToPage().getId()).toBe(three.getId());
    three.setGoToPage(FormApp.PageNavigationType.RESTART);
    expect([three.getPageNavigationType(), three.getGoToPage()]).toEqual(['RESTART', null]);
    expect(form.getItems(FormApp.ItemType.PAGE_BREAK)[0].asPageBreakItem().getTitle()).toBe('Pagina 2');
    expect(() => form.getItems()[0].asTextItem()).toThrow('cannot be cast');
  });

  // catalogue: FORMS-PAGE-NAVIGATION
  test('a multiple-choice choice names its page; a list choice answers null; checkbox choices have none; no mixing', () => {
    const { FormApp } = setup();
    const form = FormApp.create('Pagine');
    const mc = form.addMultipleChoiceItem().setTitle('Ruolo');
    const page = form.addPageBreakItem();
    mc.setChoices([mc.createChoice('Staff', page), mc.createChoice('Altro', FormApp.PageNavigationType.SUBMIT)]);
    const [staff, other] = form.getItemById(mc.getId()).asMultipleChoiceItem().getChoices();
    expect(staff.getGotoPage().getId()).toBe(page.getId());
    expect([other.getPageNavigationType(), other.getGotoPage()]).toEqual(['SUBMIT', null]);
    const list = form.addListItem();
    list.setChoices([list.createChoice('A', page), list.createChoice('B', FormApp.PageNavigationType.CONTINUE)]);
    expect(list.getChoices()[0].getGotoPage()).toBeNull();
    expect(list.getChoices()[0].getPageNavigationType()).toBe('GO_TO_PAGE');
    expect(() => mc.setChoices([mc.createChoice('Staff', page), mc.createChoice('Nessuna')])).toThrow(
      'cannot be mixed',
    );
    expect(() => form.addCheckboxItem().createChoice('X', page)).toThrow('no page navigation');
    expect(() => mc.createChoice('X', 'GO_TO_PAGE')).toThrow('Invalid argument: navigationType');
  });
});

describe('Form.createResponse() and FormResponse.submit()', () => {
  // catalogue: FORMS-SCRIPT-SUBMIT
  test('a built response has no id until submitted; submitted, it is stored in form order and lands in the tab', () => {
    const { ws, FormApp } = setup();
    const ssId = createSpreadsheet(ws, 'Academy', { bind: true });
    const { form, colours, grid, name } = gradimento(FormApp);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ssId);
    const draft = form
      .createResponse()
      .withItemResponse(grid.createResponse(['Ottimo', null]))
      .withItemResponse(name.createResponse('Anna'))
      .withItemResponse(colours.createResponse(['Verde', 'Rosso']));
    expect(draft.getId()).toBeNull();
    expect(draft.getItemResponses().map((r: any) => r.getItem().getTitle())).toEqual(['Nome', 'Colori', 'Giudizio']);
    const before = ws.now();
    const sent = draft.submit();
    const after = ws.now();
    expect(typeof sent.getId()).toBe('string');
    const at = sent.getTimestamp().getTime();
    expect(at >= Math.floor(before) && at <= after).toBe(true);
    expect(form.getResponses().map((r: any) => r.getId())).toEqual([sent.getId()]);
    expect(() => draft.submit()).toThrow('already been submitted');
    const tab = hostReadTab(ws, ssId, 'Risposte del modulo 1');
    expect(tab?.header).toEqual([
      'Informazioni cronologiche',
      'Nome',
      'Colori',
      'Giudizio [Docente]',
      'Giudizio [Materiali]',
    ]);
    expect(tab?.rows[0]?.slice(1)).toEqual(['Anna', 'Verde, Rosso', 'Ottimo', '']);
  });

  // catalogue: FORMS-CHECKBOX-ORDER
  test.each([
    ['strict', ['Rosso', 'Verde']],
    ['lenient', ['Verde', 'Rosso']],
  ] as const)('read back, a submitted checkbox answer comes in its own order (%s)', (variant, expected) => {
    const { FormApp } = setup(variant);
    const { form, colours } = gradimento(FormApp);
    const made = colours.createResponse(['Verde', 'Rosso']);
    expect(made.getResponse()).toEqual(['Verde', 'Rosso']);
    form.createResponse().withItemResponse(made).submit();
    const [answer] = form.getResponses()[0].getItemResponses();
    expect(answer.getResponse()).toEqual(expected);
    expect(form.getResponses()[0].getItemResponses()[0].getResponse()).toEqual(expected);
  });

  // catalogue: FORMS-CREATE-RESPONSE
  test('an answer outside the choices, the scale or the grid size is refused when it is made', () => {
    const { FormApp } = setup();
    const { form, colours, grid } = gradimento(FormApp);
    expect(() => colours.createResponse(['Blu'])).toThrow('"Blu" is not one of its choices');
    expect(() => colours.createResponse('Rosso')).toThrow('a checkbox answer is a list');
    expect(() => grid.createResponse(['Buono'])).toThrow('one entry per row (2)');
    expect(() => grid.createResponse(['Buono', 'Pessimo'])).toThrow('"Pessimo"');
    const scale = form.addScaleItem().setBounds(1, 5);
    expect(() => scale.createResponse(6)).toThrow('outside 1..5');
    expect(scale.createResponse('3').getResponse()).toBe('3');
    const other = FormApp.create('Altro').addTextItem();
    expect(() => form.createResponse().withItemResponse(other.createResponse('x'))).toThrow('another form');
  });
});

describe('validations and grids as the form page applies them', () => {
  // catalogue: FORMS-PAGE-CHECKS
  test('a checkbox validation counts the ticks; it only fits a checkbox item', () => {
    const { ws, FormApp } = setup();
    const { form, colours, name } = gradimento(FormApp);
    const atMostOne = FormApp.createCheckboxValidation().requireSelectAtMost(1).setHelpText('Al massimo uno').build();
    colours.setValidation(atMostOne);
    expect(() => hostSubmit(ws, form.getId(), { email: '', answers: { Colori: ['Rosso', 'Verde'] } })).toThrow(
      'Colori: Al massimo uno',
    );
    expect(hostSubmit(ws, form.getId(), { email: '', answers: { Colori: ['Rosso'] } })).toMatch(/^2_/);
    expect(() => name.setValidation(atMostOne)).toThrow('Invalid argument: validation');
    expect(() => FormApp.createCheckboxValidation().requireSelectExactly(0)).toThrow('Invalid argument');
  });

  // catalogue: FORMS-PAGE-CHECKS
  test('a grid takes one column per row, a required grid every row, and one-per-column when validated', () => {
    const { ws, FormApp } = setup();
    const { form, grid } = gradimento(FormApp);
    const submit = (answer: Array<string | null>): string =>
      hostSubmit(ws, form.getId(), { email: '', answers: { Giudizio: answer } });
    const id = submit(['Buono', null]);
    expect(form.getResponse(id).getItemResponses()[0].getResponse()).toEqual(['Buono', null]);
    grid.setRequired(true);
    expect(() => submit(['Buono', null])).toThrow('serve una risposta per ogni riga');
    expect(() => submit(['Buono', 'Mediocre'])).toThrow('"Mediocre" non è tra le colonne');
    grid.setValidation(FormApp.createGridValidation().requireLimitOneResponsePerColumn().build());
    expect(() => submit(['Buono', 'Buono'])).toThrow('Giudizio: Il valore inserito non è valido.');
    expect(submit(['Buono', 'Ottimo'])).toMatch(/^2_/);
  });

  // catalogue: FORMS-PAGE-CHECKS
  test('a checkbox grid keeps the columns ticked in each row', () => {
    const { ws, FormApp } = setup();
    const form = FormApp.create('Disponibilità');
    form.setPublished(true);
    form.addCheckboxGridItem().setTitle('Giorni').setRows(['Mattina', 'Pomeriggio']).setColumns(['Lun', 'Mar']);
    const id = hostSubmit(ws, form.getId(), { email: '', answers: { Giorni: [['Lun', 'Mar'], []] } });
    expect(form.getResponse(id).getItemResponses()[0].getResponse()).toEqual([['Lun', 'Mar'], null]);
  });
});
