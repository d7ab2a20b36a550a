/**
 * The add-on's pages in the playground (the sidebar, dist/Sidebar.html, and the dialogs a menu item
 * shows) with the bridge (client/bridge.ts, bundled) placed before any of their own scripts, configured
 * with the bundle's top-level functions and the user the page is opened by.
 */
import { scriptJson } from './html';

export function withBridge(sidebarHtml: string, functionNames: readonly string[], as: string): string {
  const tags = `<script type="application/json" id="a4pa-bridge">${scriptJson({ names: functionNames, as })}</script>\n<script src="/assets/bridge.js"></script>`;
  const head = /<head[^>]*>/i.exec(sidebarHtml);
  if (!head) return `${tags}\n${sidebarHtml}`;
  const at = head.index + head[0].length;
  return `${sidebarHtml.slice(0, at)}\n${tags}${sidebarHtml.slice(at)}`;
}
