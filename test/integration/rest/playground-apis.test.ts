/** `npm start`'s server answers Google's REST APIs and the workbook's snapshot on its own port. */
import type { AddressInfo } from 'node:net';
import { google } from 'googleapis';
import { OAuth2Client } from 'google-auth-library';
import { createPlaygroundServer } from '../../../src/local/playground/server';
import { LocalAcademy } from '../../../src/local/runtime/session';
import { sandboxFetch } from './node-fetch';

it('serves the Sheets API and GET /api/snapshot over the open workbook', async () => {
  const academy = LocalAcademy.fresh({ start: '2027-02-01T09:00:00+01:00' });
  expect(academy.call('setupAcademy').ok).toBe(true);
  const server = createPlaygroundServer(academy);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const rootUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: 'any' });
    const sheets = google.sheets({ version: 'v4', auth, rootUrl, fetchImplementation: sandboxFetch });
    const got = await sheets.spreadsheets.values.get({ spreadsheetId: academy.spreadsheetId, range: 'Corsi!A1:C1' });
    expect(got.data.values).toEqual([['Codice', 'Titolo', 'Area']]);
    const snapshot = (await (await fetch(`${rootUrl}api/snapshot`)).json()) as { sheets: Record<string, unknown> };
    expect(Object.keys(snapshot.sheets)).toContain('Corsi');
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}, 30_000);
