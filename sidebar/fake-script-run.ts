/**
 * For the sidebar's unit tests: `google.script.run` as the page meets it in Apps Script (a runner whose
 * `withSuccessHandler`/`withFailureHandler` return a runner, and whose server functions answer later
 * than the call, never within it), answering from a table of values or errors by function name and recording
 * every call. The views then run as they do in the sidebar, with no server behind them.
 */
import type { ServerFunction } from './server';

export interface ServerCall {
  name: string;
  args: unknown[];
}

type Answer = unknown | ((...args: unknown[]) => unknown);

export interface FakeServer {
  calls: ServerCall[];
  /** The names called so far, in order. */
  names(): string[];
  answer(name: ServerFunction, value: Answer): void;
  fail(name: ServerFunction, message: string): void;
  uninstall(): void;
}

/** Lets every answer given so far, and what the views do with it, run to its end. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((done) => setTimeout(done, 0));
}

export function installFakeServer(): FakeServer {
  const answers = new Map<string, { value?: Answer; error?: string }>();
  const calls: ServerCall[] = [];
  const runner = (success: (v: unknown) => void, failure: (e: unknown) => void): unknown =>
    new Proxy(
      {},
      {
        get(_, prop: string) {
          if (prop === 'withSuccessHandler') return (h: (v: unknown) => void) => runner(h, failure);
          if (prop === 'withFailureHandler') return (h: (e: unknown) => void) => runner(success, h);
          const known = answers.get(prop);
          if (!known) return undefined;
          return (...args: unknown[]) => {
            calls.push({ name: prop, args });
            // Later than the call, as Google's answers are, but on no timer: tests with fake timers
            // count only the sidebar's own.
            queueMicrotask(() => {
              if (known.error !== undefined) {
                failure(new Error(known.error));
                return;
              }
              const value = known.value;
              try {
                success(typeof value === 'function' ? (value as (...a: unknown[]) => unknown)(...args) : value);
              } catch (error) {
                failure(error);
              }
            });
          };
        },
      },
    );
  const g = globalThis as { google?: unknown };
  g.google = {
    script: {
      run: runner(
        () => undefined,
        () => undefined,
      ),
    },
  };
  return {
    calls,
    names: () => calls.map((c) => c.name),
    answer: (name, value) => answers.set(name, { value }),
    fail: (name, message) => answers.set(name, { error: message }),
    uninstall: () => {
      delete g.google;
    },
  };
}
