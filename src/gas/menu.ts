/**
 * The Academy4PA menu: one item per workflow (docs/product.md, "Workflows"). `onOpen` is a simple trigger:
 * it touches only the spreadsheet's UI, nothing that needs authorization.
 */
import { serverAction } from './platform/entry';

export const MENU_TITLE = 'Academy4PA';

/**
 * Caption → server function, in menu order (a separator before the report actions). An item that mails
 * people or issues documents opens its preview (src/gas/previews/menu.ts) and acts only on confirmation.
 */
export const MENU_ITEMS: ReadonlyArray<readonly [string, string] | null> = [
  ['Apri pannello', 'showSidebar'],
  null,
  ['Configura', 'setupAcademy'],
  ['Pubblica modulo iscrizioni', 'publishEnrollmentForm'],
  ['Sincronizza calendario', 'showCalendarSyncPreview'],
  ['Prepara registro presenze', 'prepareAttendanceForSelection'],
  ['Importa presenze da Meet', 'importMeetAttendanceFromMenu'],
  ['Emetti attestati', 'showCertificatesPreview'],
  null,
  ['Aggiorna report', 'refreshReports'],
  ['Invia riepilogo ai comuni', 'showComuniSummariesPreview'],
  null,
  ['Pubblica questionario di gradimento', 'showFeedbackFormPreview'],
  ['Applica conservazione dati', 'showRetentionPreview'],
  null,
  ['Nuovo anno formativo', 'startNextTrainingYear'],
];

export function onOpen(): void {
  const menu = SpreadsheetApp.getUi().createMenu(MENU_TITLE);
  for (const item of MENU_ITEMS) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}

export function onInstall(): void {
  onOpen();
}

/** The sidebar is staff's tool: anyone else gets the refusal (and the attempt is logged). */
export const showSidebar = serverAction('Apri pannello', (): void => {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(MENU_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
});
