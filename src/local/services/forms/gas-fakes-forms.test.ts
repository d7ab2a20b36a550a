import { Workspace } from '../../runtime/workspace';
import { formsGlobals } from '.';

/*
 * Conformance with an independent oracle: the assertions brucemcpherson/gas-fakes makes for live Apps
 * Script in test/testform.js and test/testformresponse.js (MIT), reproduced as our own calls for the
 * members the emulator has. Each test names the lines it comes from; assertions the suite guards with
 * `FormApp.isFake` (what gas-fakes itself answers, not Google) are left out.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- the emulated services are untyped script globals */

function formApp(): any {
  const ws = Workspace.create({ startMs: Date.parse('2027-02-01T09:00:00+01:00') });
  return formsGlobals(ws).FormApp;
}

describe('gas-fakes test/testform.js, as live Apps Script answers', () => {
  // catalogue: FORMS-PAGE-NAVIGATION
  test('page breaks print their class, sit at their index, and choices carry their navigation (lines 11-35)', () => {
    const FormApp = formApp();
    const form = FormApp.create('Add PageBreakItem Test Form');
    const question1 = form.addListItem().setTitle('Go to page 2?');
    const pageBreak1 = form.addPageBreakItem();
    form.addTextItem().setTitle('This is Page 2');
    const pageBreak2 = form.addPageBreakItem();
    form.addTextItem().setTitle('This is Page 3');
    expect(pageBreak1.toString()).toBe('PageBreakItem');
    expect(pageBreak1.getIndex()).toBe(1);
    expect(pageBreak1.getType()).toBe(FormApp.ItemType.PAGE_BREAK);
    const yes = question1.createChoice('Yes', pageBreak2);
    const no = question1.createChoice('No', FormApp.PageNavigationType.CONTINUE);
    question1.setChoices([yes, no]);
    const choices = form.getItemById(question1.getId()).asListItem().getChoices();
    expect(choices[0].getPageNavigationType()).toBe(FormApp.PageNavigationType.GO_TO_PAGE);
    expect(choices[1].getPageNavigationType()).toBe(FormApp.PageNavigationType.CONTINUE);
    // Line 36: live Apps Script throws on `getGoToPage()` of a choice (the member is `getGotoPage`).
    expect(() => choices[0].getGoToPage()).toThrow(TypeError);
  });

  test('a form prints "Form", its URLs name it, and the enums print their names (lines 50-107)', () => {
    const FormApp = formApp();
    const form = FormApp.create('gas-fakes-test-form');
    expect(form.toString()).toBe('Form');
    expect(form.getEditUrl()).toContain(form.getId());
    expect(form.getPublishedUrl()).toContain('/viewform');
    expect(form.shortenFormUrl(form.getPublishedUrl())).not.toContain('/viewform');
    // catalogue: FORMS-CREATE-NAMING
    expect(form.getTitle()).toBe('');
    expect(FormApp.openById(form.getId()).getTitle()).toBe('');
    expect(FormApp.openByUrl(form.getEditUrl()).getId()).toBe(form.getId());
    expect(() => FormApp.openByUrl('http://invalid.url/')).toThrow();
    form.setTitle('renamed').setDescription('renamed-description');
    expect(FormApp.openById(form.getId()).getTitle()).toBe('renamed');
    expect(form.getDescription()).toBe('renamed-description');
    expect(FormApp.ItemType.CHECKBOX.toString()).toBe('CHECKBOX');
    expect(FormApp.Alignment.LEFT.toString()).toBe('LEFT');
  });

  // catalogue: FORMS-ITEMS
  test('each item prints its class (lines 215, 248, 341, 359, 412, 441)', () => {
    const form = formApp().create('Add CheckboxItem Test Form');
    expect(form.addCheckboxItem().toString()).toBe('CheckboxItem');
    expect(form.addMultipleChoiceItem().toString()).toBe('MultipleChoiceItem');
    expect(form.addSectionHeaderItem().toString()).toBe('SectionHeaderItem');
    expect(form.addScaleItem().toString()).toBe('ScaleItem');
    expect(form.addListItem().toString()).toBe('ListItem');
    expect(form.addTextItem().toString()).toBe('TextItem');
  });

  // catalogue: FORMS-ITEMS
  test('a grid item: class, index, type, not required until set, rows and columns kept (lines 276-301)', () => {
    const FormApp = formApp();
    const form = FormApp.create('Add GridItem Test Form');
    const grid = form.addGridItem();
    expect(grid.toString()).toBe('GridItem');
    expect(grid.getIndex()).toBe(0);
    expect(grid.getType()).toBe(FormApp.ItemType.GRID);
    expect(typeof grid.getId()).toBe('number');
    expect(grid.isRequired()).toBe(false);
    expect(grid.setRequired(true).isRequired()).toBe(true);
    expect(grid.setRequired(false).isRequired()).toBe(false);
    grid.setRows(['Row A', 'Row B']).setColumns(['Col 1', 'Col 2', 'Col 3']);
    expect(grid.getRows()).toEqual(['Row A', 'Row B']);
    expect(grid.getColumns()).toEqual(['Col 1', 'Col 2', 'Col 3']);
  });

  // catalogue: FORMS-ITEMS
  test('a checkbox grid item, and its cast from getItemById (lines 303-334)', () => {
    const FormApp = formApp();
    const form = FormApp.create('Add CheckboxGridItem Test Form');
    const grid = form.addCheckboxGridItem();
    expect(grid.toString()).toBe('CheckboxGridItem');
    expect(grid.getIndex()).toBe(0);
    expect(grid.getType()).toBe(FormApp.ItemType.CHECKBOX_GRID);
    expect(grid.isRequired()).toBe(false);
    expect(grid.setRequired(true).isRequired()).toBe(true);
    grid.setRows(['Row 1', 'Row 2']).setColumns(['A', 'B']);
    grid.setTitle('Select all that apply').setHelpText('You may select multiple options per row');
    const again = form.getItemById(grid.getId()).asCheckboxGridItem();
    expect([again.getTitle(), again.getHelpText(), again.getRows(), again.getColumns()]).toEqual([
      'Select all that apply',
      'You may select multiple options per row',
      ['Row 1', 'Row 2'],
      ['A', 'B'],
    ]);
  });

  // catalogue: FORMS-ITEMS, FORMS-PAGE-NAVIGATION
  test('getItems(type) filters page breaks and text items, in form order (lines 456-479)', () => {
    const FormApp = formApp();
    const form = FormApp.create('Item Type Filter Test');
    const text = form.addTextItem().setTitle('Text Question');
    const page1 = form.addPageBreakItem().setTitle('Page 2');
    form.addListItem().setTitle('List Question');
    form.addPageBreakItem().setTitle('Page 3');
    expect(form.getItems()).toHaveLength(4);
    const pages = form.getItems(FormApp.ItemType.PAGE_BREAK);
    expect(pages).toHaveLength(2);
    expect(pages[0].getId()).toBe(page1.getId());
    expect(form.getItems(FormApp.ItemType.TEXT).map((i: any) => i.getId())).toEqual([text.getId()]);
  });
});

describe('gas-fakes test/testformresponse.js, as live Apps Script answers', () => {
  // catalogue: FORMS-CREATE-RESPONSE
  test('createResponse answers as given: text, choices, a scale as text, grids per row (lines 10-69)', () => {
    const form = formApp().create('Response Test Form');
    const text = form.addTextItem().setTitle('Name');
    const textResp = text.createResponse('John Doe');
    expect(textResp.getItem().getId()).toBe(text.getId());
    expect(textResp.getResponse()).toBe('John Doe');
    const checkbox = form.addCheckboxItem().setTitle('Colors');
    checkbox.setChoices(['Red', 'Blue', 'Green'].map((c) => checkbox.createChoice(c)));
    expect(checkbox.createResponse(['Red', 'Green']).getResponse()).toEqual(['Red', 'Green']);
    const mc = form.addMultipleChoiceItem().setTitle('Favorite');
    mc.setChoices([mc.createChoice('Red'), mc.createChoice('Blue')]);
    expect(mc.createResponse('Red').getResponse()).toBe('Red');
    const list = form.addListItem().setTitle('Select Category');
    list.setChoices([list.createChoice('Category A'), list.createChoice('Category B')]);
    expect(list.createResponse('Category A').getResponse()).toBe('Category A');
    expect(form.addScaleItem().setTitle('Rate').createResponse(4).getResponse()).toBe('4');
    const grid = form.addGridItem().setTitle('Grid').setRows(['Row 1', 'Row 2']).setColumns(['A', 'B']);
    expect(grid.createResponse(['A', 'B']).getResponse()).toEqual(['A', 'B']);
    const cbGrid = form.addCheckboxGridItem().setTitle('CB Grid').setRows(['Row 1', 'Row 2']).setColumns(['A', 'B']);
    expect(cbGrid.createResponse([['A'], ['A', 'B']]).getResponse()).toEqual([['A'], ['A', 'B']]);
    expect(form.addParagraphTextItem().setTitle('Bio').createResponse('Long text...').getResponse()).toBe(
      'Long text...',
    );
  });
});
