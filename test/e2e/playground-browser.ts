/**
 * The one setup of the end-to-end files that drive the playground in a browser: `npm start`'s server on a
 * fresh workbook (./playground-server.ts), the packaged Chromium (./browser.ts) with an Italian page, every
 * request that leaves localhost blocked and failing the test it happened in, and screenshots written to
 * test-artifacts/ (git-ignored).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { APIResponse, Browser, BrowserContext, Page } from 'playwright-core';
import type { Snapshot } from '../../src/local/scenario/snapshot';
import { launchBrowser } from './browser';
import { startPlayground, type RunningPlayground } from './playground-server';

const ARTIFACTS = resolve(__dirname, '../../test-artifacts');

/**
 * The first start lives the demo academy's past before the server is ready: about 80 s on CI's two
 * cores alone, 270 s under a full parallel `npm test`, 450 s measured with four test runs sharing the two
 * cores; the allowance is twice the worst of those.
 */
const FIRST_START_MS = 900_000;

export interface PlaygroundInBrowser {
  playground: RunningPlayground;
  base: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /**
   * A GET to the playground's server. The server lives the clock's triggers in long synchronous
   * stretches, after which Node's keep-alive timer may close an idle connection the request was just
   * sent on: the reset is retried, as a browser retries an idempotent request.
   */
  get(path: string): Promise<APIResponse>;
  /** The server's scenario snapshot (docs/contracts.md, "Snapshot") as it stands now. */
  snapshot(): Promise<Snapshot>;
  /** A screenshot of `target` (the page by default) as test-artifacts/<prefix><name>.png. */
  shot(name: string, target?: Page): Promise<void>;
}

/** Pages the browser makes itself count as local: only http(s)/ws to the loopback host leaves the page. */
export function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank' || url === 'about:srcdoc')
    return true;
  const { hostname, protocol } = new URL(url);
  return (protocol === 'http:' || protocol === 'ws:') && (hostname === 'localhost' || hostname === '127.0.0.1');
}

/**
 * Registers the file's hooks: the playground and the browser before its first test, both stopped after
 * its last, and after each test the check that no request left localhost. The fields are set once
 * `beforeAll` has run.
 */
export function usePlaygroundInBrowser(options: {
  /** The instant the demo year is placed around and the emulated clock starts at (ISO-8601). */
  start: string;
  employees: number;
  /** How long a locator waits for an element by default. */
  actionTimeoutMs: number;
  /** Prepended to every screenshot's name, so two files' screenshots do not overwrite each other. */
  shotPrefix?: string;
}): PlaygroundInBrowser {
  const outside: string[] = [];
  const session = {
    get: (path: string): Promise<APIResponse> =>
      session.context.request.get(`${session.base}${path}`, { maxRetries: 2 }),
    snapshot: async (): Promise<Snapshot> => (await (await session.get('/api/snapshot')).json()) as Snapshot,
    shot: async (name: string, target?: Page): Promise<void> => {
      await (target ?? session.page).screenshot({ path: join(ARTIFACTS, `${options.shotPrefix ?? ''}${name}.png`) });
    },
  } as PlaygroundInBrowser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    session.playground = await startPlayground({ start: options.start, employees: options.employees });
    session.base = session.playground.base;
    ({ browser: session.browser } = await launchBrowser());
    session.context = await session.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'it-IT' });
    await session.context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      outside.push(url);
      return route.abort('blockedbyclient');
    });
    session.page = await session.context.newPage();
    session.page.setDefaultTimeout(options.actionTimeoutMs);
    session.page.on('dialog', (d) => void d.accept());
  }, FIRST_START_MS);

  afterAll(async () => {
    await session.browser?.close();
    await session.playground?.stop();
  });

  afterEach(() => {
    expect(outside).toEqual([]);
  });

  return session;
}
