/**
 * The emulated REST APIs answer the real googleapis client (no mock): the same spreadsheet, Drive,
 * Docs, calendar and outbox the add-on sees through Apps Script.
 */
import type { Server } from 'node:http';
import { Readable } from 'node:stream';
import { google } from 'googleapis';
import { OAuth2Client } from 'google-auth-library';
import { prepareAcademy } from '../../../src/local/scenario/runner';
import { LocalAcademy } from '../../../src/local/runtime/session';
import { startRestServer } from '../../../src/local/rest/server';
import { injectRestFault } from '../../../src/local/rest/faults';
import { sandboxFetch } from './node-fetch';
import { recordConference } from '../../../src/local/rest/meet';
import { snapshotMail } from '../../../src/local/services/mail';
import { snapshotCalendar } from '../../../src/local/services/calendar';
import { hostReadTab } from '../../../src/local/services/spreadsheet/host';

let academy: LocalAcademy;
let server: Server;
let rootUrl: string;
const auth = new OAuth2Client();
auth.setCredentials({ access_token: 'local-test-token' });
google.options({ fetchImplementation: sandboxFetch });

beforeAll(async () => {
  academy = LocalAcademy.fresh({ start: '2027-02-01T09:00:00+01:00' });
  prepareAcademy(academy, {
    settings: { 'Anno formativo': 2027 },
    registry: {
      Comuni: [{ 'Codice ISTAT': '019035', Comune: 'Crema', Provincia: 'CR', 'Quota pagata': true }],
      Corsi: [{ Codice: 'EXC', Titolo: 'Excel', Ore: 6, Modalità: 'Online', Posti: 20, Stato: 'Iscrizioni aperte' }],
      Sessioni: [{ Corso: 'EXC', Data: '2027-03-02', Inizio: '09:00', Fine: '12:00' }],
    },
  });
  const started = await startRestServer({
    ws: academy.ws,
    script: {
      scriptId: '',
      hasFunction: (fn) => academy.hasFunction(fn),
      run: (fn, args) => academy.call(fn, args),
    },
  });
  server = started.server;
  rootUrl = started.url;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('Sheets v4', () => {
  it('reads tabs as values, dates as serial numbers when unformatted, and writes RAW and USER_ENTERED', async () => {
    const sheets = google.sheets({ version: 'v4', auth, rootUrl });
    const meta = await sheets.spreadsheets.get({ spreadsheetId: academy.spreadsheetId });
    expect(meta.data.sheets?.map((s) => s.properties?.title)).toContain('Sessioni');

    const got = await sheets.spreadsheets.values.batchGet({
      spreadsheetId: academy.spreadsheetId,
      ranges: ['Sessioni', 'Corsi!A1:B'],
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    const [sessions, courses] = got.data.valueRanges ?? [];
    const header = sessions?.values?.[0] as string[];
    const row = sessions?.values?.[1] as unknown[];
    // catalogue: REST-SHEETS-VALUES — 2 March 2027 is serial 46448.
    expect(row[header.indexOf('Data')]).toBe(46448);
    expect(courses?.values).toEqual([
      ['Codice', 'Titolo'],
      ['EXC', 'Excel'],
    ]);

    await sheets.spreadsheets.values.update({
      spreadsheetId: academy.spreadsheetId,
      range: 'Registro!F1:G1',
      valueInputOption: 'RAW',
      requestBody: { values: [['=1+1', '3']] },
    });
    await sheets.spreadsheets.values.append({
      spreadsheetId: academy.spreadsheetId,
      range: 'Registro!F1',
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['7', 'x']] },
    });
    const tab = hostReadTab(academy.ws, academy.spreadsheetId, 'Registro');
    expect(tab?.header.slice(5, 7)).toEqual(['=1+1', '3']);
    expect(tab?.rows.some((r) => r[5] === 7 && r[6] === 'x')).toBe(true);
  });

  it("answers Google's error body for a range it cannot parse", async () => {
    const sheets = google.sheets({ version: 'v4', auth, rootUrl });
    await expect(
      sheets.spreadsheets.values.get({ spreadsheetId: academy.spreadsheetId, range: 'Nessuna!A1' }),
    ).rejects.toMatchObject({ status: 400, message: 'Unable to parse range: Nessuna!A1' });
  });
});

describe('Drive v3 and Docs v1', () => {
  it('copies a Doc, replaces placeholders literally in one batchUpdate, exports the PDF and uploads it', async () => {
    const drive = google.drive({ version: 'v3', auth, rootUrl });
    const docs = google.docs({ version: 'v1', auth, rootUrl });
    const folder = await drive.files.create({
      requestBody: { name: 'Prova', mimeType: 'application/vnd.google-apps.folder' },
    });
    const doc = await drive.files.create({
      requestBody: { name: 'Modello', mimeType: 'application/vnd.google-apps.document', parents: [folder.data.id!] },
    });
    await docs.documents.batchUpdate({
      documentId: doc.data.id!,
      requestBody: { requests: [{ replaceAllText: { containsText: { text: 'x' }, replaceText: 'y' } }] },
    });
    const copy = await drive.files.copy({ fileId: doc.data.id!, requestBody: { name: 'Copia' } });
    expect(copy.data.name).toBe('Copia');

    const listed = await drive.files.list({
      q: `'${folder.data.id}' in parents and trashed = false`,
      fields: 'files(id,name,parents)',
    });
    expect(listed.data.files?.map((f) => f.name).sort()).toEqual(['Copia', 'Modello']);

    const exported = await drive.files.export(
      { fileId: copy.data.id!, mimeType: 'application/pdf' },
      { responseType: 'arraybuffer' },
    );
    const pdf = Buffer.from(exported.data as ArrayBuffer);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // catalogue: REST-GOOGLEAPIS-MEDIA-ROOT — an upload takes the root from the call's own options.
    const uploaded = await drive.files.create(
      {
        requestBody: { name: 'Copia.pdf', parents: [folder.data.id!], appProperties: { a4pa: 'k1' } },
        media: { mimeType: 'application/pdf', body: Readable.from([pdf]) },
      },
      { rootUrl },
    );
    const found = await drive.files.list({ q: "appProperties has { key='a4pa' and value='k1' }" });
    expect(found.data.files?.map((f) => f.id)).toEqual([uploaded.data.id]);

    await drive.files.delete({ fileId: copy.data.id! });
    await expect(drive.files.get({ fileId: copy.data.id! })).rejects.toMatchObject({ status: 404 });
  });
});

describe('Calendar v3', () => {
  it('inserts with a Meet link only under conferenceDataVersion 1 and patches attendees as a whole list', async () => {
    const calendar = google.calendar({ version: 'v3', auth, rootUrl });
    const created = await calendar.events.insert({
      calendarId: 'primary',
      conferenceDataVersion: 1,
      sendUpdates: 'all',
      requestBody: {
        summary: 'Prova',
        start: { dateTime: '2027-03-10T09:00:00', timeZone: 'Europe/Rome' },
        end: { dateTime: '2027-03-10T10:00:00', timeZone: 'Europe/Rome' },
        attendees: [{ email: 'a@comune.crema.cr.it' }, { email: 'b@comune.crema.cr.it' }],
        conferenceData: { createRequest: { requestId: 'r1', conferenceSolutionKey: { type: 'hangoutsMeet' } } },
      },
    });
    expect(created.data.hangoutLink).toMatch(/^https:\/\/meet\.google\.com\//);
    const patched = await calendar.events.patch({
      calendarId: 'primary',
      eventId: created.data.id!,
      requestBody: { attendees: [{ email: 'c@comune.crema.cr.it' }] },
    });
    expect(patched.data.attendees?.map((a) => a.email)).toEqual(['c@comune.crema.cr.it']);
    const listed = await calendar.events.list({ calendarId: 'primary', showDeleted: true, maxResults: 10 });
    expect(listed.data.items?.map((e) => e.id)).toContain(created.data.id);
    await calendar.events.delete({ calendarId: 'primary', eventId: created.data.id! });
    expect(snapshotCalendar(academy.ws).find((e) => e.id === created.data.id)?.status).toBe('cancelled');
  });

  it('answers an injected 503 with the error body, then serves the retry', async () => {
    const calendar = google.calendar({ version: 'v3', auth, rootUrl });
    injectRestFault(academy.ws, { api: 'calendar', status: 503, times: 1, when: 'before' });
    await expect(calendar.events.list({ calendarId: 'primary' }, { retry: false })).rejects.toMatchObject({
      status: 503,
    });
    const again = await calendar.events.list({ calendarId: 'primary' });
    expect(again.status).toBe(200);
  });
});

describe('Gmail v1, Forms v1, Meet v2 and scripts.run', () => {
  it('sends a raw message into the outbox', async () => {
    const gmail = google.gmail({ version: 'v1', auth, rootUrl });
    const raw = Buffer.from(
      'From: "Consorzio.IT" <formazione@consorzio.example.it>\r\nTo: anna@comune.crema.cr.it\r\nSubject: =?UTF-8?B?' +
        Buffer.from('Attestato è pronto').toString('base64') +
        '?=\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nBuongiorno Anna\r\n',
    ).toString('base64url');
    const sent = await gmail.users.messages.send({ userId: 'me', requestBody: { raw } });
    expect(sent.data.labelIds).toEqual(['SENT']);
    const last = snapshotMail(academy.ws).at(-1);
    expect(last).toMatchObject({ to: 'anna@comune.crema.cr.it', subject: 'Attestato è pronto' });
  });

  it('reads conference records and participant sessions of a Meet space', async () => {
    recordConference(academy.ws, 'https://meet.google.com/abc-defg-hij', [
      {
        email: 'anna@comune.crema.cr.it',
        displayName: 'Anna Bassi',
        sessions: [
          { startTime: '2027-03-02T08:00:00Z', endTime: '2027-03-02T09:00:00Z' },
          { startTime: '2027-03-02T09:10:00Z', endTime: '2027-03-02T11:00:00Z' },
        ],
      },
    ]);
    const meet = google.meet({ version: 'v2', auth, rootUrl });
    const records = await meet.conferenceRecords.list({ filter: 'space.meeting_code = "abc-defg-hij"' });
    const name = records.data.conferenceRecords?.[0]?.name as string;
    const participants = await meet.conferenceRecords.participants.list({ parent: name });
    expect(participants.data.participants?.[0]?.signedinUser?.displayName).toBe('Anna Bassi');
    const sessions = await meet.conferenceRecords.participants.participantSessions.list({
      parent: participants.data.participants?.[0]?.name as string,
    });
    expect(sessions.data.participantSessions).toHaveLength(2);
  });

  it('runs a server function through scripts.run and reports a missing one as an execution error', async () => {
    const script = google.script({ version: 'v1', auth, rootUrl });
    const ok = await script.scripts.run({ scriptId: 'any', requestBody: { function: 'getDashboard' } });
    expect(ok.data.response?.result).toBeTruthy();
    const missing = await script.scripts.run({ scriptId: 'any', requestBody: { function: 'nessuna' } });
    expect(missing.data.error?.details?.[0]?.errorMessage).toBe('Script function not found: nessuna');
  });

  it('lists form items through Forms v1 once a form is published', async () => {
    const published = academy.call('publishEnrollmentForm');
    expect(published.ok).toBe(true);
    const formId = hostReadTab(academy.ws, academy.spreadsheetId, 'Impostazioni')?.rows.find(
      (r) => r[0] === 'ID modulo iscrizioni',
    )?.[1] as string;
    const forms = google.forms({ version: 'v1', auth, rootUrl });
    const form = await forms.forms.get({ formId });
    expect(form.data.items?.length).toBeGreaterThan(3);
    const responses = await forms.forms.responses.list({ formId });
    expect(responses.data.responses ?? []).toEqual([]);
  });
});

describe('authentication', () => {
  it('refuses a request without a bearer token with 401', async () => {
    const res = await fetch(`${rootUrl}calendar/v3/calendars/primary/events`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { status: string } };
    expect(body.error.status).toBe('UNAUTHENTICATED');
  });
});
