import type { Workspace } from '../runtime/workspace';
import { calendarGlobals } from './calendar';
import { documentGlobals } from './documents';
import { driveGlobals } from './drive';
import { formsGlobals } from './forms';
import { mailGlobals } from './mail';
import { scriptGlobals } from './script';
import { spreadsheetGlobals } from './spreadsheet';
import { urlFetchGlobals } from './url-fetch';

export { formSubmitEvent, responseLanding } from './forms';
export { spreadsheetFormSubmitEvent } from './spreadsheet';

/**
 * The globals an Apps Script execution sees, each an emulated service over the workspace's state.
 * Every method of every service goes through `Workspace.call`, which counts it, charges its latency
 * and applies injected faults.
 */
export function createGlobals(ws: Workspace): Record<string, unknown> {
  return {
    ...spreadsheetGlobals(ws),
    ...formsGlobals(ws),
    ...calendarGlobals(ws),
    ...documentGlobals(ws),
    ...driveGlobals(ws),
    ...mailGlobals(ws),
    ...scriptGlobals(ws),
    ...urlFetchGlobals(ws),
  };
}
