/** The Academy4PA menu: one item per workflow (DESIGN.md, "Workflows"). */
export const MENU_TITLE = 'Academy4PA';

export function onOpen(): void {
  SpreadsheetApp.getUi()
    .createMenu(MENU_TITLE)
    .addItem('Apri pannello', 'showSidebar')
    .addToUi();
}

export function onInstall(): void {
  onOpen();
}
