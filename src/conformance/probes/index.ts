/**
 * Every conformance probe, by service (one file each), and the catalogue entries that have none, with
 * the reason. `npm run conformance` reports an entry found in neither as "no probe".
 */
import type { Probe } from '../probe';
import { calendarProbes } from './calendar';
import { driveDocsProbes } from './drive-docs';
import { formsProbes } from './forms';
import { scriptProbes } from './script';
import { sheetsSurfaceProbes } from './sheets-surface';
import { sheetsTabsProbes } from './sheets-tabs';
import { spreadsheetProbes } from './spreadsheet';

export const PROBES: readonly Probe[] = [
  ...spreadsheetProbes,
  ...sheetsSurfaceProbes,
  ...sheetsTabsProbes,
  ...formsProbes,
  ...calendarProbes,
  ...driveDocsProbes,
  ...scriptProbes,
];

const DAILY = "a day's allowance: spending it on Google to see the refusal is not a probe";
const REST =
  "a REST API's answer, not Apps Script's: pinned against the real googleapis client in test/integration/rest";
const RATE = 'needs more than 600 requests inside a minute: not a probe to run on a real account';

export const UNPROBED: Readonly<Record<string, string>> = {
  'SHEETS-BATCH-COST': 'a cost, not an answer: the latency model carries it',
  'SHEETS-CELL-LIMIT': 'ten million cells: too large for a probe, and not emulated',
  'QUOTA-DAILY-CALENDAR-EVENTS': DAILY,
  'QUOTA-DAILY-DOCS-CREATED': DAILY,
  'QUOTA-DAILY': DAILY,
  'URLFETCH-QUOTA': DAILY,
  'DOCS-COPY-COUNTS-AS-CREATED': `observable only at the Docs-created quota: ${DAILY}`,
  'QUOTA-EXECUTION-TIME': 'six minutes of running: longer than a probe run may take',
  'SCRIPT-SIMPLE-TRIGGER': 'concerns onOpen and onEdit as simple triggers, which scripts.run cannot start',
  'SCRIPT-TRANSIENT-ERRORS': 'failures of a moment cannot be provoked: the emulator injects them through fault',
  'FORMS-SUBMIT-EVENT': 'needs a respondent submitting in the browser: script submissions fire no trigger',
  'FORMS-SUBMIT-TWICE': 'an intermittent double firing: not reproducible on demand',
  'FORMS-CHOICES-OPEN': 'a behaviour of the form page open in a browser',
  'CAL-RATE-LIMIT': RATE,
  'CAL-RATE-LIMIT-REASON': RATE,
  'LOCK-WAIT-TIMEOUT': 'needs two executions at once: one scripts.run call is one execution',
  'DRIVE-TRASH-EXPIRES': 'thirty days in the trash: longer than a probe run may take',
  'SCRIPT-MONTH-DAY-SHORT': 'needs a monthly trigger to fire in a short month: the answer takes weeks to come',
  'SESSION-EMPTY-USER':
    'the identity is empty only for other users and simple triggers, not for the owner scripts.run runs as',
  'URLFETCH-FETCHALL': 'needs a web server reachable both from Google and from the emulator',
  'URLFETCH-ERRORS': 'needs a web server reachable both from Google and from the emulator',
  'URLFETCH-LATENCY': 'a cost, not an answer: the latency model carries it',
  'SHEETS-REST-PENDING-WRITES':
    'the add-on never depends on the answer (API reads before any write, API writes after a flush): nothing to compare',
  'HTML-PRIVATE-FUNCTIONS': 'concerns google.script.run in a page, which scripts.run does not go through',
  'HTML-WEBAPP-EVENT': 'needs a visit to a deployed web app: scripts.run calls a function, not doGet with a request',
  'CAL-EVENTS-API':
    "notifications are e-mails to the event's guests: a probe must not invite anyone; the fields and errors are the Calendar API's",
  'FORMS-PAGE-CHECKS': 'needs a respondent submitting the form page in a browser: script submissions skip its checks',
  'HTML-SCRIPT-RUN': 'concerns google.script.run in a page, which scripts.run does not go through',
  'HTML-MODAL-DIALOG': 'needs a person at the editor: scripts.run has no Ui to show a dialog on',
  'HTML-ALERT-ANSWER': 'needs a person at the editor: scripts.run has no Ui to ask a question on',
  'SCRIPT-EDIT-TRIGGER-USER-ONLY':
    'needs a person typing in the editor: the probe writes, and those writes never fire it',
  'REST-ROOTURL': REST,
  'REST-SHEETS-APPEND': REST,
  'REST-SCRIPTS-RUN': 'the live run itself goes through it (src/local/conformance/live.test.ts against the stand-in)',
  'REST-ERROR-BODY': REST,
  'REST-DRIVE-PROPERTIES': REST,
  'REST-CAL-BATCH': REST,
  'REST-SHEETS-VALUES': REST,
  'REST-SHEETS-GRID-DATA': REST,
  'REST-SHEETS-BATCHUPDATE': REST,
  'REST-SHEETS-BATCHCLEAR': REST,
  'REST-SHEETS-CELLS': REST,
  'REST-SHEETS-CHARTS': REST,
  'REST-DOCS-BATCHUPDATE': REST,
  'REST-DOCS-INDEXES': REST,
  'REST-DOCS-INSERT-TABLE': REST,
  'REST-DOCS-TABLE-COLUMN-WIDTH': REST,
  'REST-DOCS-WRITE-CONTROL': REST,
  'REST-DOCS-QR-TABLE': REST,
  'REST-GMAIL-SEND': REST,
  'REST-FORMS-READ': REST,
  'REST-FORMS-RESPONSE-ID': REST,
  'REST-FORMS-FRESH': REST,
  'REST-MEET-RECORDS': REST,
  'REST-GOOGLEAPIS-MEDIA-ROOT': REST,
  'REST-MEET-PAGES': REST,
  'REST-MEET-USER': REST,
  'REST-MEET-ANONYMOUS-REJOIN': REST,
  'REST-PEOPLE-ACCOUNT-EMAIL': REST,
};
