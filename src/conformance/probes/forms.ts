/** Probes for the catalogue's Forms entries (FORMS-*). Every form made is trashed after the run. */
import { thrown, type Probe, type ProbeContext } from '../probe';

/** Members newer than the published typings. */
type Form = GoogleAppsScript.Forms.Form & {
  isPublished(): boolean;
  setPublished(published: boolean): Form;
  setEmailCollectionType(type: unknown): Form;
  getEmailCollectionType(): unknown;
};

function scratchForm(ctx: ProbeContext, name: string): Form {
  const form = FormApp.create(name) as Form;
  ctx.scratch(form.getId());
  return form;
}

export const formsProbes: Probe[] = [
  {
    id: 'FORMS-CREATE-NAMING',
    run: (ctx) => {
      const form = scratchForm(ctx, 'Sonda nome modulo');
      const created = form.getTitle();
      form.setTitle('Titolo della sonda');
      return {
        created,
        title: form.getTitle(),
        file: DriveApp.getFileById(form.getId()).getName(),
        name: String(form),
      };
    },
    expected: { value: { created: '', title: 'Titolo della sonda', file: 'Sonda nome modulo', name: 'Form' } },
  },
  {
    id: 'FORMS-PUBLISH',
    run: (ctx) => {
      const form = scratchForm(ctx, 'Sonda pubblicazione');
      const created = form.isPublished();
      form.setPublished(true);
      const published = form.isPublished();
      form.setAcceptingResponses(false);
      return { created, published, accepting: form.isAcceptingResponses() };
    },
    expected: { value: { created: false, published: true, accepting: false } },
  },
  {
    id: 'FORMS-EMAIL-COLLECTION',
    run: (ctx) => {
      const form = scratchForm(ctx, 'Sonda indirizzi');
      const types = (FormApp as unknown as { EmailCollectionType: Record<string, unknown> }).EmailCollectionType;
      const before = String(form.getEmailCollectionType());
      form.setEmailCollectionType(types.VERIFIED);
      return { before, after: String(form.getEmailCollectionType()), collects: form.collectsEmail() };
    },
    expected: { value: { before: 'DO_NOT_COLLECT', after: 'VERIFIED', collects: true } },
  },
  {
    id: 'FORMS-DESTINATION',
    run: (ctx) => {
      const form = scratchForm(ctx, 'Sonda destinazione');
      form.addTextItem().setTitle('Nome');
      const tabs = ctx.spreadsheet.getSheets().length;
      form.setDestination(FormApp.DestinationType.SPREADSHEET, ctx.spreadsheet.getId());
      const answer = {
        type: String(form.getDestinationType()),
        sameId: form.getDestinationId() === ctx.spreadsheet.getId(),
        newTabs: SpreadsheetApp.openById(ctx.spreadsheet.getId()).getSheets().length - tabs,
      };
      form.removeDestination();
      return answer;
    },
    expected: { value: { type: 'SPREADSHEET', sameId: true, newTabs: 1 } },
  },
  {
    id: 'FORMS-CHECKBOX-ORDER',
    run: (ctx) => {
      const form = scratchForm(ctx, 'Sonda ordine caselle').setPublished(true);
      const item = form.addCheckboxItem().setTitle('Colori').setChoiceValues(['Rosso', 'Verde']);
      form
        .createResponse()
        .withItemResponse(item.createResponse(['Verde', 'Rosso']))
        .submit();
      return form.getResponses()[0]?.getItemResponses()[0]?.getResponse() ?? null;
    },
    expected: { strict: ['Rosso', 'Verde'], lenient: ['Verde', 'Rosso'] },
  },
  {
    id: 'FORMS-PAGE-NAVIGATION',
    run: (ctx) => {
      const form = scratchForm(ctx, 'Sonda pagine');
      const question = form.addMultipleChoiceItem().setTitle('Ruolo');
      const two = form.addPageBreakItem().setTitle('Pagina 2');
      const three = form.addPageBreakItem().setTitle('Pagina 3');
      const fresh = { type: String(two.getPageNavigationType()), page: two.getGoToPage() };
      two.setGoToPage(three);
      question.setChoices([
        question.createChoice('Staff', three),
        question.createChoice('Altro', FormApp.PageNavigationType.SUBMIT),
      ]);
      const choices = question.getChoices();
      return {
        fresh,
        goTo: [String(two.getPageNavigationType()), two.getGoToPage()?.getId() === three.getId()],
        choices: choices.map((c) => String(c.getPageNavigationType())),
        choicePage: choices[0]?.getGotoPage()?.getId() === three.getId(),
        name: String(two),
      };
    },
    expected: {
      value: {
        fresh: { type: 'CONTINUE', page: null },
        goTo: ['GO_TO_PAGE', true],
        choices: ['GO_TO_PAGE', 'SUBMIT'],
        choicePage: true,
        name: 'PageBreakItem',
      },
    },
  },
  {
    id: 'FORMS-CREATE-RESPONSE',
    run: (ctx) => {
      const form = scratchForm(ctx, 'Sonda risposte');
      const grid = form.addGridItem().setTitle('Giudizio').setRows(['Docente', 'Materiali']);
      grid.setColumns(['Buono', 'Ottimo']);
      const scale = form.addScaleItem().setBounds(1, 5);
      const box = form.addCheckboxItem().setChoiceValues(['Rosso', 'Verde']);
      return {
        grid: grid.createResponse(['Ottimo', 'Buono']).getResponse(),
        scale: scale.createResponse(4).getResponse(),
        outsideChoices: thrown(() => box.createResponse(['Blu'])) !== null,
        outsideScale: thrown(() => scale.createResponse(9)) !== null,
        wrongRows: thrown(() => grid.createResponse(['Buono'])) !== null,
      };
    },
    expected: {
      value: { grid: ['Ottimo', 'Buono'], scale: '4', outsideChoices: true, outsideScale: true, wrongRows: true },
    },
  },
  {
    id: 'FORMS-DESTINATION-ROW',
    run: (ctx) => {
      const form = scratchForm(ctx, 'Sonda riga risposte').setPublished(true);
      const choices = ['A (01/02, 03/04) — x', 'B — y'];
      const box = form.addCheckboxItem().setTitle('Corsi').setChoiceValues(choices);
      const before = new Set(ctx.spreadsheet.getSheets().map((s) => s.getSheetId()));
      form.setDestination(FormApp.DestinationType.SPREADSHEET, ctx.spreadsheet.getId());
      const sent = form.createResponse().withItemResponse(box.createResponse(choices)).submit();
      const tab = SpreadsheetApp.openById(ctx.spreadsheet.getId())
        .getSheets()
        .find((s) => !before.has(s.getSheetId()));
      const row = tab ? tab.getRange(2, 1, 1, tab.getLastColumn()).getValues()[0] : [];
      const at = row?.[0] instanceof Date ? row[0].getTime() : NaN;
      const apart = Math.abs(at - sent.getTimestamp().getTime());
      // The next response's row: the one below (the tie of a submit event to its response counts on it).
      form
        .createResponse()
        .withItemResponse(box.createResponse(['B — y']))
        .submit();
      const nextRow = tab ? tab.getLastRow() : 0;
      form.removeDestination();
      // Whether the two times are equal to the millisecond is the unverified half: only "within a
      // second" is asked, which both answers give.
      return { cell: String(row?.[row.length - 1] ?? ''), withinSecond: apart < 1000, nextRow };
    },
    expected: { value: { cell: 'A (01/02, 03/04) — x, B — y', withinSecond: true, nextRow: 3 } },
  },
  {
    id: 'FORMS-SCRIPT-SUBMIT',
    run: (ctx) => {
      const form = scratchForm(ctx, 'Sonda invio').setPublished(true);
      const name = form.addTextItem().setTitle('Nome');
      const grid = form.addGridItem().setTitle('Giudizio').setRows(['Docente']);
      grid.setColumns(['Buono']);
      const draft = form.createResponse().withItemResponse(grid.createResponse(['Buono']));
      draft.withItemResponse(name.createResponse('Anna'));
      const before = form.getResponses().length;
      const sent = draft.submit();
      const stored = form.getResponses();
      return {
        before,
        after: stored.length,
        sameId: stored[0]?.getId() === sent.getId(),
        titles: sent.getItemResponses().map((r) => r.getItem().getTitle()),
      };
    },
    expected: { value: { before: 0, after: 1, sameId: true, titles: ['Nome', 'Giudizio'] } },
  },
  {
    id: 'FORMS-ITEMS',
    run: (ctx) => {
      const form = scratchForm(ctx, 'Sonda elementi');
      const first = form.addTextItem().setTitle('Nome');
      const choice = form.addMultipleChoiceItem().setTitle('Sede');
      first.setTitle('Nome e cognome');
      form.moveItem(choice.getIndex(), 0);
      return {
        sameId: form.getItemById(first.getId())?.getTitle(),
        order: form.getItems().map((i) => i.getTitle()),
        texts: form.getItems(FormApp.ItemType.TEXT).length,
        printed: String(choice),
        required: first.isRequired(),
        wrongCast: thrown(() => form.getItemById(first.getId())?.asScaleItem()) !== null,
      };
    },
    expected: {
      value: {
        sameId: 'Nome e cognome',
        order: ['Sede', 'Nome e cognome'],
        texts: 1,
        printed: 'MultipleChoiceItem',
        required: false,
        wrongCast: true,
      },
    },
  },
  {
    id: 'FORMS-ACTIVE-FORM',
    run: () => ({ active: FormApp.getActiveForm() }),
    expected: { value: { active: null } },
  },
];
