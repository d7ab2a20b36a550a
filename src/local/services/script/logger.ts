import type { Workspace } from '../../runtime/workspace';
import { formatString } from './format-string';

/** The emulated Logger and console: lines kept per workspace, echoed to stderr under ACADEMY_DEBUG. */

/** Lines kept per workspace (oldest dropped first), so a long demo does not grow without bound. */
export const MAX_LOG_LINES = 10_000;
const logs = new WeakMap<Workspace, string[]>();

export function logLines(ws: Workspace): string[] {
  return [...(logs.get(ws) ?? [])];
}

function record(ws: Workspace, line: string): void {
  let lines = logs.get(ws);
  if (!lines) {
    lines = [];
    logs.set(ws, lines);
  }
  lines.push(line);
  if (lines.length > MAX_LOG_LINES) lines.splice(0, lines.length - MAX_LOG_LINES);
  if (process.env.ACADEMY_DEBUG) process.stderr.write(`[script] ${line}\n`);
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toString();
  if (value instanceof Error) return value.stack ?? value.message;
  if (value && typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

export function logger(ws: Workspace): Record<string, unknown> {
  const self: Record<string, unknown> = {
    log(data: unknown, ...values: unknown[]): unknown {
      ws.call('Logger', 'log');
      record(ws, values.length > 0 ? formatString(String(data), values) : show(data));
      return self;
    },
    getLog(): string {
      ws.call('Logger', 'getLog');
      return (logs.get(ws) ?? []).join('\n');
    },
    clear(): void {
      ws.call('Logger', 'clear');
      logs.set(ws, []);
    },
  };
  return self;
}

export function consoleFacade(ws: Workspace): Record<string, unknown> {
  const write =
    (level: string) =>
    (...args: unknown[]): void => {
      ws.call('Logger', `console.${level}`);
      const text = args.map(show).join(' ');
      record(ws, level === 'log' || level === 'info' ? text : `${level.toUpperCase()}: ${text}`);
    };
  return { log: write('log'), info: write('info'), warn: write('warn'), error: write('error') };
}
