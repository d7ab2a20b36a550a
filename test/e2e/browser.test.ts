/**
 * The e2e browser comes from npm, not from the machine: without the override, the binary launched is
 * the one `@sparticuz/chromium` inflated, and it renders a page.
 */
import { tmpdir } from 'node:os';
import { BROWSER_OVERRIDE_ENV, launchBrowser } from './browser';

jest.setTimeout(60_000);

test('launches the Chromium packaged on npm when no override is set, and it renders a page', async () => {
  expect(process.env[BROWSER_OVERRIDE_ENV]).toBeUndefined();
  const { browser, executablePath } = await launchBrowser();
  try {
    expect(executablePath.startsWith(tmpdir())).toBe(true);
    const page = await browser.newPage();
    await page.setContent('<main><h1>Academy4PA</h1><p>Registro presenze</p></main>');
    expect(await page.textContent('h1')).toBe('Academy4PA');
    expect(browser.version()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  } finally {
    await browser.close();
  }
});
