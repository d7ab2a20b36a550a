/** Probes for the catalogue's Forms entries (FORMS-*). Every form made is trashed after the run. */
import type { Probe, ProbeContext } from '../probe';

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
];
