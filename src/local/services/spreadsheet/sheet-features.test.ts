import { answerNextAlerts, clearAnswers, uiState } from '.';
import { runAs, setup } from './testing';

describe('checkboxes', () => {
  // catalogue: SHEETS-CHECKBOX-VALUES
  test('insertCheckboxes sets the cells to false; check/uncheck toggle; isChecked reports the block', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A2:A3');
    range.insertCheckboxes();
    expect(range.getValues()).toEqual([[false], [false]]);
    expect(range.isChecked()).toBe(false);
    sheet.getRange('A2').check();
    expect(range.getValues()).toEqual([[true], [false]]);
    expect(range.isChecked()).toBeNull();
    range.check();
    expect(range.isChecked()).toBe(true);
    range.uncheck();
    expect(range.getValues()).toEqual([[false], [false]]);
    expect(sheet.getRange('B2').isChecked()).toBeNull();
  });

  // catalogue: SHEETS-CHECKBOX-EMPTY, SHEETS-LAST-ROW
  test('inserted checkboxes hold false, which is content: the last row moves down to them', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('Presente');
    sheet.getRange('A2:A20').insertCheckboxes();
    expect(sheet.getLastRow()).toBe(20);
  });

  // catalogue: SHEETS-CHECKBOX-EMPTY (unverified: both answers pinned)
  test('a checkbox rule on empty cells fills them with false, content up to the last one (strict)', () => {
    const { sheet, app } = setup({ variant: 'strict' });
    sheet.getRange('A1').setValue('Attivo');
    sheet.getRange('A2:A100').setDataValidation(app.newDataValidation().requireCheckbox().build());
    expect(sheet.getLastRow()).toBe(100);
    expect(sheet.getRange('A2').getValue()).toBe(false);
    expect(sheet.getRange('A2').isChecked()).toBe(false);
    sheet.getRange('A2').setValue('TRUE');
    expect(sheet.getRange('A2:A3').getValues()).toEqual([[true], [false]]);
    expect(sheet.getRange('A2').getDataValidation()?.getCriteriaType()).toBe(app.DataValidationCriteria.CHECKBOX);
  });

  // catalogue: SHEETS-CHECKBOX-EMPTY
  test('a checkbox rule on empty cells leaves them empty, no content (lenient)', () => {
    const { sheet, app } = setup({ variant: 'lenient' });
    sheet.getRange('A1').setValue('Attivo');
    sheet.getRange('A2:A100').setDataValidation(app.newDataValidation().requireCheckbox().build());
    expect(sheet.getLastRow()).toBe(1);
    expect(sheet.getRange('A2').getValue()).toBe('');
    expect(sheet.getRange('A2').isChecked()).toBe(false);
    sheet.getRange('A2').setValue('TRUE');
    expect(sheet.getRange('A2:A3').getValues()).toEqual([[true], ['']]);
  });

  // catalogue: SHEETS-CHECKBOX-VALUES
  test('removeCheckboxes clears the checkbox and its value', () => {
    const { sheet } = setup();
    sheet.getRange('A1').insertCheckboxes().check();
    sheet.getRange('A1').removeCheckboxes();
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(sheet.getRange('A1').getDataValidation()).toBeNull();
  });
});

describe('notes', () => {
  // catalogue: SHEETS-NOTES
  test('notes are stored per cell and cleared by clearNote', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setNotes([['Email non valida', '']]);
    sheet.getRange('C1').setNote('Data mancante');
    expect(sheet.getRange('A1:C1').getNotes()).toEqual([['Email non valida', '', 'Data mancante']]);
    expect(sheet.getRange('A1').getNote()).toBe('Email non valida');
    sheet.getRange('A1:C1').clearNote();
    expect(sheet.getRange('A1:C1').getNotes()).toEqual([['', '', '']]);
    expect(() => sheet.getRange('A1:B1').setNotes([['x']])).toThrow('The number of columns in the data does not match');
  });
});

describe('data validation', () => {
  // catalogue: SHEETS-VALIDATION-RULES
  test('a list rule keeps its criteria; a copy can be changed without changing the original', () => {
    const { sheet, app } = setup();
    const rule = app
      .newDataValidation()
      .requireValueInList(['Online', 'In presenza'], true)
      .setHelpText('Scegli')
      .build();
    sheet.getRange('B2:B10').setDataValidation(rule);
    const read = sheet.getRange('B5').getDataValidation();
    expect(read?.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(read?.getCriteriaValues()).toEqual([['Online', 'In presenza'], true]);
    expect(read?.getHelpText()).toBe('Scegli');
    expect(read?.getAllowInvalid()).toBe(true);
    const stricter = read?.copy().setAllowInvalid(false).build();
    expect(stricter?.getAllowInvalid()).toBe(false);
    expect(sheet.getRange('B5').getDataValidation()?.getAllowInvalid()).toBe(true);
    expect(sheet.getRange('B1').getDataValidation()).toBeNull();
    expect(
      sheet
        .getRange('B1:B2')
        .getDataValidations()
        .map((r) => r[0] !== null),
    ).toEqual([false, true]);
  });

  // catalogue: SHEETS-VALIDATION-REJECT
  test('a rule that rejects invalid input makes an invalid write throw, and writes nothing', () => {
    const { sheet, app } = setup();
    sheet
      .getRange('A2:A5')
      .setDataValidation(app.newDataValidation().requireValueInList(['Sì', 'No']).setAllowInvalid(false).build());
    sheet.getRange('A2').setValue('Sì');
    expect(() => sheet.getRange('A2:A3').setValues([['No'], ['Forse']])).toThrow(
      'The data you entered in cell A3 violates the data validation rules set on this cell.',
    );
    expect(sheet.getRange('A2:A3').getValues()).toEqual([['Sì'], ['']]);
    sheet.getRange('A3').setValue('');
  });

  // catalogue: SHEETS-VALIDATION-RULES
  test('a range rule returns its range among the criteria', () => {
    const { ss, sheet, app } = setup();
    const comuni = ss.insertSheet('Comuni');
    comuni.getRange('B2:B3').setValues([['Crema'], ['Pandino']]);
    sheet
      .getRange('A2')
      .setDataValidation(
        app.newDataValidation().requireValueInRange(comuni.getRange('B2:B50')).setAllowInvalid(false).build(),
      );
    const [range, dropdown] = sheet.getRange('A2').getDataValidation()?.getCriteriaValues() ?? [];
    expect((range as GoogleAppsScript.Spreadsheet.Range).getA1Notation()).toBe('B2:B50');
    expect((range as GoogleAppsScript.Spreadsheet.Range).getSheet().getName()).toBe('Comuni');
    expect(dropdown).toBe(true);
    sheet.getRange('A2').setValue('Pandino');
    expect(() => sheet.getRange('A2').setValue('Milano')).toThrow('violates the data validation rules');
  });

  // catalogue: SHEETS-VALIDATION-REJECT
  test('number and e-mail rules that reject invalid input are enforced too', () => {
    const { sheet, app } = setup();
    sheet
      .getRange('A1')
      .setDataValidation(app.newDataValidation().requireNumberBetween(0, 100).setAllowInvalid(false).build());
    sheet.getRange('B1').setDataValidation(app.newDataValidation().requireTextIsEmail().setAllowInvalid(false).build());
    sheet.getRange('A1:B1').setValues([['75', 'anna@comune.crema.cr.it']]);
    expect(() => sheet.getRange('A1').setValue(101)).toThrow('cell A1 violates');
    expect(() => sheet.getRange('B1').setValue('anna')).toThrow('cell B1 violates');
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[75, 'anna@comune.crema.cr.it']]);
  });

  // catalogue: SHEETS-VALIDATION-RULES
  test('clearDataValidations removes the rules', () => {
    const { sheet, app } = setup();
    sheet.getRange('A1:A3').setDataValidation(app.newDataValidation().requireNumberBetween(0, 100).build());
    sheet.getRange('A1:A3').clearDataValidations();
    expect(sheet.getRange('A2').getDataValidation()).toBeNull();
  });
});

// catalogue: SHEETS-PROTECTION
describe('protection', () => {
  test('a range protection is recorded with description, editors (owner always kept) and warning flag', () => {
    const { ss, sheet, app, ws } = setup();
    ss.addEditor('staff@consorzio.example.it');
    const p = sheet.getRange('A:A').protect().setDescription('Colonna di sistema');
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([ws.state.owner, 'staff@consorzio.example.it']);
    p.removeEditors(p.getEditors());
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([ws.state.owner]);
    expect(p.getDescription()).toBe('Colonna di sistema');
    expect(p.isWarningOnly()).toBe(false);
    expect(p.getRange().getA1Notation()).toBe('A1:A1000');
    expect(p.canEdit()).toBe(true);
    const found = ss.getProtections(app.ProtectionType.RANGE);
    expect(found).toHaveLength(1);
    expect(found[0]?.getDescription()).toBe('Colonna di sistema');
    found[0]?.remove();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
  });

  test('only the owner and the listed editors can write a protected range; a warning-only one lets anyone', () => {
    const { ss, sheet, ws } = setup();
    ss.addEditor('staff@consorzio.example.it');
    const p = sheet.getRange('A1:A10').protect();
    p.removeEditors(['staff@consorzio.example.it']);
    runAs(ws, 'staff@consorzio.example.it', 'call', () => {
      expect(() => sheet.getRange('A2').setValue('x')).toThrow(
        'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
      );
      sheet.getRange('B2').setValue('fuori dalla protezione');
      expect(p.canEdit()).toBe(false);
    });
    runAs(ws, ws.state.owner, 'call', () => sheet.getRange('A2').setValue('owner'));
    p.setWarningOnly(true);
    runAs(ws, 'staff@consorzio.example.it', 'call', () => sheet.getRange('A3').setValue('ok'));
    expect(sheet.getRange('A2:A3').getValues()).toEqual([['owner'], ['ok']]);
  });

  test('protecting a sheet twice returns the existing protection', () => {
    const { sheet, app } = setup();
    sheet.protect().setDescription('Report');
    expect(sheet.protect().getDescription()).toBe('Report');
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
  });
});

describe('UI', () => {
  // catalogue: HTML-ALERT-ANSWER
  test('a question takes the buttons a person clicked, in order, and refuses a button its set lacks', () => {
    const { app, ws, id } = setup();
    const ui = app.getUi();
    answerNextAlerts(ws, id, 'NO', 'CANCEL', 'YES');
    expect(ui.alert('Primo', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('Solo un avviso')).toBe(ui.Button.OK);
    expect(ui.alert('Secondo', 'Procedere?', ui.ButtonSet.YES_NO_CANCEL)).toBe(ui.Button.CANCEL);
    expect(() => ui.alert('Terzo', ui.ButtonSet.OK_CANCEL)).toThrow('The answer YES is not a button of OK_CANCEL.');
    expect(ui.alert('Quarto', ui.ButtonSet.OK_CANCEL)).toBe(ui.Button.CLOSE);
    answerNextAlerts(ws, id, 'YES');
    clearAnswers(ws, id);
    expect(ui.alert('Quinto', ui.ButtonSet.YES_NO)).toBe(ui.Button.CLOSE);
    expect(uiState(ws, id).alerts.map((a) => [a.prompt, a.answer, a.unanswered])).toEqual([
      ['Primo', 'NO', false],
      ['Solo un avviso', 'OK', false],
      ['Procedere?', 'CANCEL', false],
      ['Quarto', 'CLOSE', true],
      ['Quinto', 'CLOSE', true],
    ]);
  });

  // catalogue: SHEETS-UI-CONTEXT
  test('getUi works in a simple trigger but not in an installable trigger', () => {
    const { app, ws } = setup();
    runAs(ws, '', 'simple', () => expect(app.getUi().createMenu('X')).toBeTruthy());
    runAs(ws, ws.state.owner, 'trigger', () =>
      expect(() => app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.'),
    );
  });

  // catalogue: SHEETS-ACTIVE-CELL
  test('the active range is recorded with its sheet name', () => {
    const { ss, ws, id, app } = setup();
    const report = ss.insertSheet('Report corsi');
    report.getRange('B2:C3').activate();
    expect(uiState(ws, id).activeRange).toBe("'Report corsi'!B2:C3");
    expect(app.getActiveRange()?.getA1Notation()).toBe('B2:C3');
    ss.setActiveRange(ss.getRange('Foglio1!D4'));
    expect(uiState(ws, id).activeRange).toBe('Foglio1!D4');
  });

  // catalogue: SHEETS-ACTIVE-CELL
  test('the active cell is the top-left cell of the selection on the active sheet, A1 on any other', () => {
    const { ss, app } = setup();
    const report = ss.insertSheet('Report corsi');
    report.getRange('C5:D9').activate();
    expect(report.getActiveCell().getA1Notation()).toBe('C5');
    expect(app.getActiveSheet()?.getActiveCell().getRow()).toBe(5);
    expect(ss.getSheetByName('Foglio1')?.getActiveCell().getA1Notation()).toBe('A1');
  });
});

describe('sheet settings and charts', () => {
  // catalogue: SHEETS-SHEET-SETTINGS
  test('frozen rows, widths, hidden columns, tab color and visibility are recorded', () => {
    const { sheet, app } = setup();
    sheet.setFrozenRows(1);
    sheet.setColumnWidths(1, 2, 180);
    sheet.hideColumns(3);
    sheet.setTabColor('#1a73e8');
    sheet.hideSheet();
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getColumnWidth(2)).toBe(180);
    expect(sheet.getColumnWidth(4)).toBe(100);
    expect(sheet.isColumnHiddenByUser(3)).toBe(true);
    expect(sheet.getTabColor()).toBe('#1a73e8');
    expect(sheet.isSheetHidden()).toBe(true);
    expect(sheet.getType()).toBe(app.SheetType.GRID);
  });

  // catalogue: SHEETS-SHEET-SETTINGS
  test('formats are recorded without changing values', () => {
    const { sheet } = setup();
    sheet
      .getRange('A1:B1')
      .setValues([['Codice', 'Titolo']])
      .setFontWeight('bold')
      .setBackground('#eeeeee')
      .setWrap(true)
      .setHorizontalAlignment('center');
    expect(sheet.getRange('B1').getFontWeight()).toBe('bold');
    expect(sheet.getRange('B1').getBackground()).toBe('#eeeeee');
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['Codice', 'Titolo']]);
  });

  // catalogue: SHEETS-BACKGROUNDS
  test('backgrounds read as hex codes, white where none was set, and null resets a colour', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setBackgrounds([
      ['#fde2e1', null],
      [null, '#fff2cc'],
    ]);
    expect(sheet.getRange('A1:B2').getBackgrounds()).toEqual([
      ['#fde2e1', '#ffffff'],
      ['#ffffff', '#fff2cc'],
    ]);
    sheet.getRange('A1').setBackground(null);
    expect(sheet.getRange('A1').getBackground()).toBe('#ffffff');
  });

  // catalogue: SHEETS-CHARTS
  test('charts are built, inserted, listed, updated and removed', () => {
    const { sheet, Charts } = setup();
    const chart = sheet
      .newChart()
      .addRange(sheet.getRange('A1:B5'))
      .setChartType(Charts.ChartType.COLUMN)
      .setPosition(2, 4, 0, 0)
      .setOption('title', 'Ore')
      .build();
    sheet.insertChart(chart);
    const [inserted] = sheet.getCharts();
    expect(inserted?.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B5']);
    expect(inserted?.getOptions().get('title')).toBe('Ore');
    sheet.updateChart(
      (inserted as GoogleAppsScript.Spreadsheet.EmbeddedChart).modify().setOption('title', 'Ore per comune').build(),
    );
    expect(sheet.getCharts()[0]?.getOptions().get('title')).toBe('Ore per comune');
    sheet.removeChart(sheet.getCharts()[0] as GoogleAppsScript.Spreadsheet.EmbeddedChart);
    expect(sheet.getCharts()).toHaveLength(0);
  });

  // catalogue: SHEETS-CLEAR-PARTS
  test('clear empties values and formats; clearContents keeps formats', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(5).setNumberFormat('0.00');
    sheet.clearContents();
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.00');
    sheet.getRange('A1').setValue(5);
    sheet.clear();
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
  });
});

describe('emulator: the UI the host records', () => {
  const html = (title: string, content: string) => ({ getTitle: () => title, getContent: () => content });

  test('menus, sidebars, dialogs, toasts and alerts are recorded', () => {
    const { app, ss, ws, id } = setup();
    const ui = app.getUi();
    ui.createMenu('Academy4PA')
      .addItem('Apri pannello', 'showSidebar')
      .addSeparator()
      .addSubMenu(ui.createMenu('Attestati').addItem('Emetti', 'issueCertificates'))
      .addToUi();
    ui.createMenu('Academy4PA').addItem('Apri pannello', 'showSidebar').addToUi();
    ui.showSidebar(html('Academy4PA', '<p>ciao</p>') as unknown as GoogleAppsScript.HTML.HtmlOutput);
    ui.showModalDialog(html('', '<p>modulo</p>') as unknown as GoogleAppsScript.HTML.HtmlOutput, 'Anteprima');
    ss.toast('Fatto', 'Academy4PA', 5);
    expect(ui.alert('Attenzione')).toBe(ui.Button.OK);
    expect(ui.alert('Conferma', 'Procedere?', ui.ButtonSet.YES_NO)).toBe(ui.Button.CLOSE);
    const state = uiState(ws, id);
    expect(state.menus).toEqual([
      { title: 'Academy4PA', items: [{ kind: 'item', caption: 'Apri pannello', functionName: 'showSidebar' }] },
    ]);
    expect(state.sidebars).toEqual([{ title: 'Academy4PA', html: '<p>ciao</p>' }]);
    expect(state.dialogs).toEqual([{ title: 'Anteprima', html: '<p>modulo</p>', modal: true }]);
    expect(state.toasts).toEqual([{ message: 'Fatto', title: 'Academy4PA', timeoutSeconds: 5 }]);
    expect(state.alerts).toEqual([
      { title: '', prompt: 'Attenzione', buttons: 'OK', answer: 'OK', unanswered: false },
      { title: 'Conferma', prompt: 'Procedere?', buttons: 'YES_NO', answer: 'CLOSE', unanswered: true },
    ]);
    expect(state.activeRange).toBe('Foglio1!A1');
  });

  test('submenus are recorded with their items', () => {
    const { app, ws, id } = setup();
    const ui = app.getUi();
    ui.createMenu('M').addSubMenu(ui.createMenu('Sub').addItem('Uno', 'one')).addToUi();
    expect(uiState(ws, id).menus[0]?.items).toEqual([
      { kind: 'submenu', caption: 'Sub', items: [{ kind: 'item', caption: 'Uno', functionName: 'one' }] },
    ]);
  });
});
