import { TIME_LIMIT_MESSAGE, type Workspace } from '../../runtime/workspace';

/** State and helpers every script-side service shares: the project's ids, the current user, the clock. */

export interface ScriptState {
  scriptId: string;
  deploymentId: string;
}

export function scriptState(ws: Workspace): ScriptState {
  return ws.slot<ScriptState>('script', () => ({ scriptId: ws.newId('1', 56), deploymentId: ws.newId('AKfycb', 66) }));
}

export function webAppUrl(ws: Workspace): string {
  return `https://script.google.com/macros/s/${scriptState(ws).deploymentId}/exec`;
}

/** The account the current execution runs as for per-user state (triggers, user properties, user cache). */
export function currentUser(ws: Workspace): string {
  return ws.execution?.activeUser || ws.state.owner;
}

/** Advances the emulated clock inside an execution (sleep, lock waits) and enforces its time limit. */
export function spend(ws: Workspace, ms: number): void {
  if (ms <= 0) return;
  ws.advanceClock(ms);
  const exec = ws.execution;
  if (exec && ws.now() - exec.startMs > exec.limitMs) {
    exec.dead = true;
    throw new Error(TIME_LIMIT_MESSAGE);
  }
}

/** The text a TextOutput or an HtmlOutput holds, with the content methods both classes have. */
export class OutputContent {
  constructor(protected content: string) {}
  getContent(): string {
    return this.content;
  }
  setContent(content: string): this {
    this.content = String(content);
    return this;
  }
  append(addedContent: string): this {
    this.content += String(addedContent);
    return this;
  }
  clear(): this {
    this.content = '';
    return this;
  }
}

export function enumOf<T extends string>(names: readonly T[]): Record<T, T> {
  return Object.fromEntries(names.map((n) => [n, n])) as Record<T, T>;
}
