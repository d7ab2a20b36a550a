/** Jest's global setup of the e2e project: the packaged browser is inflated once, before any worker. */
import { BROWSER_OVERRIDE_ENV, preparePackagedBrowser } from './browser';

export default async function globalSetup(): Promise<void> {
  if (process.env[BROWSER_OVERRIDE_ENV]) return;
  await preparePackagedBrowser();
}
