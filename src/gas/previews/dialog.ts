/** Shows a confirmation dialog over the spreadsheet (docs/google-behaviour.md, HTML-MODAL-DIALOG). */
import { DIALOG_HEIGHT, DIALOG_WIDTH } from '../../core/previews/dialog';

export function showModalDialog(html: string, title: string): void {
  const output = HtmlService.createHtmlOutput(html).setWidth(DIALOG_WIDTH).setHeight(DIALOG_HEIGHT);
  SpreadsheetApp.getUi().showModalDialog(output, title);
}
