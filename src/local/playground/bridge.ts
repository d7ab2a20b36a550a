/**
 * The sidebar page of the playground: the real dist/Sidebar.html with the bridge (client/bridge.ts,
 * bundled) placed before any of its own scripts, configured with the bundle's top-level functions and
 * the user the sidebar is opened by.
 */
import { scriptJson } from './html';

export function sidebarWithBridge(sidebarHtml: string, functionNames: readonly string[], as: string): string {
  const tags = `<script type="application/json" id="a4pa-bridge">${scriptJson({ names: functionNames, as })}</script>\n<script src="/assets/bridge.js"></script>`;
  const head = /<head[^>]*>/i.exec(sidebarHtml);
  if (!head) return `${tags}\n${sidebarHtml}`;
  const at = head.index + head[0].length;
  return `${sidebarHtml.slice(0, at)}\n${tags}${sidebarHtml.slice(at)}`;
}
