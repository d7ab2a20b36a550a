/**
 * The playground's `google.script.run` (browser code, bundled by assets.ts and placed before the own script
 * of the real sidebar or of a dialog a menu item showed): one method per top-level function of the bundle, as Apps Script offers, each
 * call POSTed to `/api/run`, where the local runtime runs it as the chosen user, arguments and result
 * passed through JSON. As on Google, an argument that is not a primitive, a plain object or an array
 * fails the call in the page, and at most 10 calls run at once while the rest wait their turn. The
 * parent page is told after every call so the grid can refresh. Messages go to the origin `'/'` (the
 * page's own): a dialog's `srcdoc` page has the spreadsheet page's origin but no URL to read it from.
 */
import { illegalPath } from './arguments';

interface BridgeConfig {
  names: string[];
  as: string;
}

type Handler = (value: unknown) => void;

interface Runner {
  withSuccessHandler(handler: Handler): Runner;
  withFailureHandler(handler: (error: Error) => void): Runner;
  withUserObject(object: unknown): Runner;
  [fn: string]: unknown;
}

const MAX_IN_FLIGHT = 10;

function install(config: BridgeConfig): void {
  let inFlight = 0;
  const waiting: Array<(done: () => void) => void> = [];
  const enqueue = (start: (done: () => void) => void): void => {
    if (inFlight >= MAX_IN_FLIGHT) {
      waiting.push(start);
      return;
    }
    inFlight += 1;
    let ended = false;
    start(() => {
      if (ended) return;
      ended = true;
      inFlight -= 1;
      const next = waiting.shift();
      if (next) enqueue(next);
    });
  };

  const call = (
    name: string,
    args: unknown[],
    onSuccess: Handler | null,
    onFailure: ((e: Error) => void) | null,
  ): void => {
    for (let n = 0; n < args.length; n++) {
      const bad = illegalPath(args[n], String(n));
      if (bad) {
        const error = new Error(`Failed due to illegal value in property: ${bad.split('.').pop() ?? bad}`);
        setTimeout(() => onFailure?.(error), 0);
        return;
      }
    }
    const body = JSON.stringify({ fn: name, args, as: config.as });
    enqueue((done) => {
      fetch('/api/run', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })
        .then((res) => res.json() as Promise<{ ok: boolean; value: unknown; error: string | null }>)
        .then((out) => {
          done();
          if (window.parent !== window) window.parent.postMessage({ type: 'a4pa-ran', fn: name }, '/');
          if (out.ok) onSuccess?.(out.value);
          else onFailure?.(new Error(out.error ?? 'Errore sconosciuto'));
        })
        .catch((e: unknown) => {
          done();
          onFailure?.(new Error(`Il playground non risponde: ${e instanceof Error ? e.message : String(e)}`));
        });
    });
  };

  const runner = (onSuccess: Handler | null, onFailure: ((e: Error) => void) | null): Runner => {
    const r: Runner = {
      withSuccessHandler: (h) => runner(h, onFailure),
      withFailureHandler: (h) => runner(onSuccess, h),
      withUserObject: () => r,
    };
    for (const name of config.names) r[name] = (...args: unknown[]) => call(name, args, onSuccess, onFailure);
    return r;
  };

  const w = window as unknown as Record<string, unknown>;
  w.__a4paInFlight = () => ({ running: inFlight, waiting: waiting.length });
  const noop = (): void => undefined;
  // The spreadsheet page closes the dialog whose frame asks; the sidebar's frame is no dialog and stays.
  const close = (): void => {
    if (window.parent !== window) window.parent.postMessage({ type: 'a4pa-close' }, '/');
  };
  w['google'] = {
    script: {
      run: runner(null, null),
      host: { close, setHeight: noop, setWidth: noop, editor: { focus: noop } },
    },
  };
}

const element = document.getElementById('a4pa-bridge');
if (element?.textContent) install(JSON.parse(element.textContent) as BridgeConfig);
