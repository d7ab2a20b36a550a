/**
 * The one way the end-to-end tests launch a browser: the Chromium that `@sparticuz/chromium` ships
 * inside its npm package (so `npm ci && npm test` needs no system browser), driven by playwright-core.
 *
 * The package inflates its binary into the temporary directory. The binary links against NSS, NSPR and
 * expat, which a bare machine may lack: the package carries them too (`al2023.tar.br`, meant for Amazon
 * Linux but plain x86-64 ELF libraries), so they are unpacked beside it and put first on the browser's
 * library path. Its fonts come from the package as well, so screenshots look the same everywhere.
 *
 * `A4PA_CHROMIUM=/path/to/chromium` runs another browser instead (for example a distribution's build
 * while chasing a rendering difference); nothing else is consulted.
 */
import sparticuz from '@sparticuz/chromium';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';

export const BROWSER_OVERRIDE_ENV = 'A4PA_CHROMIUM';

/**
 * Root runs Chromium only without its sandbox; the rest keeps a headless browser from reaching the
 * network on its own (the machine may have none, and a test must not depend on it).
 */
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--no-pings',
];

/** The package's `bin` folder, two levels above its CommonJS entry (`build/cjs/index.cjs`). */
const PACKAGE_BIN = join(dirname(require.resolve('@sparticuz/chromium')), '..', '..', 'bin');
const LIBRARIES = join(tmpdir(), 'a4pa-chromium-lib');

/** Unpacks the package's shared libraries once per machine (tar reads the inflated archive on stdin). */
function packagedLibraries(): string {
  if (existsSync(join(LIBRARIES, 'lib', 'libnss3.so'))) return join(LIBRARIES, 'lib');
  mkdirSync(LIBRARIES, { recursive: true });
  const archive = brotliDecompressSync(readFileSync(join(PACKAGE_BIN, 'al2023.tar.br')));
  const untar = spawnSync('tar', ['-x', '-C', LIBRARIES], { input: archive });
  if (untar.status !== 0) throw new Error(`cannot unpack Chromium's libraries: ${untar.stderr.toString()}`);
  return join(LIBRARIES, 'lib');
}

export interface LaunchedBrowser {
  browser: Browser;
  /** The binary that runs, so a test can show which browser it used. */
  executablePath: string;
}

/**
 * Inflates the packaged browser and its libraries. The e2e project's global setup calls it once before
 * the test workers start: the package takes an existing binary in the temporary directory as complete,
 * so two workers inflating it at once could launch a half-written file.
 */
export async function preparePackagedBrowser(): Promise<{ executablePath: string; libraries: string }> {
  return { executablePath: await sparticuz.executablePath(PACKAGE_BIN), libraries: packagedLibraries() };
}

export async function launchBrowser(): Promise<LaunchedBrowser> {
  const override = process.env[BROWSER_OVERRIDE_ENV];
  if (override) {
    const browser = await chromium.launch({ executablePath: override, headless: true, args: LAUNCH_ARGS });
    return { browser, executablePath: override };
  }
  const { executablePath, libraries } = await preparePackagedBrowser();
  const inherited = process.env.LD_LIBRARY_PATH;
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: LAUNCH_ARGS,
    env: {
      ...process.env,
      LD_LIBRARY_PATH: inherited ? `${libraries}:${inherited}` : libraries,
      FONTCONFIG_PATH: join(tmpdir(), 'fonts'),
    },
  });
  return { browser, executablePath };
}
