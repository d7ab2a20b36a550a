import { createHash } from 'node:crypto';
import { SCRIPT_TIME_ZONE } from '../../../core/time/zone';
import type { Workspace } from '../../runtime/workspace';
import { scriptState } from './common';

/** The emulated Session: who runs the execution and as whom. */

export function session(ws: Workspace): Record<string, unknown> {
  const call = (method: string): void => ws.call('Session', method);
  return {
    getActiveUser(): { getEmail(): string } {
      call('getActiveUser');
      const email = ws.execution ? ws.execution.activeUser : ws.state.owner;
      return { getEmail: () => email };
    },
    getEffectiveUser(): { getEmail(): string } {
      call('getEffectiveUser');
      // A web app runs as its deployer; menus, sidebars and installable triggers run as their user.
      const email =
        !ws.execution || ws.execution.kind === 'webapp' ? ws.state.owner : ws.execution.activeUser || ws.state.owner;
      return { getEmail: () => email };
    },
    getScriptTimeZone(): string {
      call('getScriptTimeZone');
      return SCRIPT_TIME_ZONE;
    },
    getActiveUserLocale(): string {
      call('getActiveUserLocale');
      return 'it';
    },
    getTemporaryActiveUserKey(): string {
      call('getTemporaryActiveUserKey');
      const user = ws.execution ? ws.execution.activeUser : ws.state.owner;
      return createHash('sha256')
        .update(`${scriptState(ws).scriptId}:${user}`)
        .digest('base64url')
        .slice(0, 43);
    },
  };
}
