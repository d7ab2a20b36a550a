import type { Workspace } from '../../runtime/workspace';

/** Every counted script call goes through the workspace gate under the Spreadsheet service. */
export function gate(ws: Workspace, method: string, cells = 0): void {
  ws.call('Spreadsheet', method, cells);
}
