/**
 * The worker's way into Google: googleapis clients for one identity. Locally (`--api URL`) every API is
 * given that root (googleapis rewrites its requests onto it; an upload also needs it per call, catalogue:
 * REST-GOOGLEAPIS-MEDIA-ROOT) and any bearer token; on Google, Application Default Credentials: a
 * service account with domain-wide delegation acting as the academy's account (`--subject`), or an OAuth
 * user's credentials.
 */
import {
  google,
  type calendar_v3,
  type docs_v1,
  type drive_v3,
  type forms_v1,
  type gmail_v1,
  type script_v1,
  type sheets_v4,
} from 'googleapis';
import { GoogleAuth, OAuth2Client } from 'google-auth-library';

/**
 * The worker's own APIs, and every scope of the add-on's manifest (`appsscript.json`): `scripts.run` needs a
 * token covering all the scopes of the script it runs (catalogue: REST-SCRIPTS-RUN).
 */
export const SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/calendar',
  'https://www.googleapis.com/auth/drive',
  'https://www.googleapis.com/auth/documents',
  'https://www.googleapis.com/auth/gmail.send',
  'https://www.googleapis.com/auth/forms',
  'https://www.googleapis.com/auth/script.send_mail',
  'https://www.googleapis.com/auth/script.external_request',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/userinfo.email',
  'https://www.googleapis.com/auth/meetings.space.readonly',
  'https://www.googleapis.com/auth/directory.readonly',
];

export interface Connection {
  sheets: sheets_v4.Sheets;
  calendar: calendar_v3.Calendar;
  forms: forms_v1.Forms;
  drive: drive_v3.Drive;
  docs: docs_v1.Docs;
  gmail: gmail_v1.Gmail;
  /** The Apps Script API: `scripts.run` asks the add-on for what only it holds (`scriptId`). */
  script: script_v1.Script;
  scriptId: string;
  /** For requests googleapis does not wrap (the Calendar batch endpoint): root URL and a bearer token. */
  rootUrl: string;
  token(): Promise<string>;
  fetch: typeof fetch;
}

export interface ConnectOptions {
  /** A local server (npm start) instead of Google. */
  api?: string;
  /** The account a delegated service account acts as (domain-wide delegation). */
  subject?: string;
  /** The add-on's Apps Script project (`scripts.run`); any id reaches the local server. */
  scriptId?: string;
  fetchImplementation?: typeof fetch;
}

function clients(common: Record<string, unknown>) {
  return {
    sheets: google.sheets({ version: 'v4', ...common }),
    calendar: google.calendar({ version: 'v3', ...common }),
    forms: google.forms({ version: 'v1', ...common }),
    drive: google.drive({ version: 'v3', ...common }),
    docs: google.docs({ version: 'v1', ...common }),
    gmail: google.gmail({ version: 'v1', ...common }),
    script: google.script({ version: 'v1', ...common }),
  };
}

export function connect(options: ConnectOptions): Connection {
  const fetchImpl = options.fetchImplementation ?? fetch;
  if (options.api) {
    const rootUrl = options.api.endsWith('/') ? options.api : `${options.api}/`;
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: 'local-worker' });
    const common = { auth, rootUrl, fetchImplementation: fetchImpl };
    return {
      ...clients(common),
      scriptId: options.scriptId || 'local',
      rootUrl,
      token: async () => 'local-worker',
      fetch: fetchImpl,
    };
  }
  const auth = new GoogleAuth({ scopes: SCOPES, clientOptions: options.subject ? { subject: options.subject } : {} });
  const common = { auth, fetchImplementation: fetchImpl };
  return {
    ...clients(common),
    scriptId: options.scriptId ?? '',
    rootUrl: 'https://www.googleapis.com/',
    token: async () => {
      const token = await auth.getAccessToken();
      if (!token)
        throw new Error('Nessun token di accesso: controlla le credenziali (GOOGLE_APPLICATION_CREDENTIALS).');
      return token;
    },
    fetch: fetchImpl,
  };
}

/** Waits as Google asks between retries: exponential with jitter, capped. */
export function backoffMs(attempt: number, baseMs = 1000): number {
  const exponential = baseMs * 2 ** attempt;
  return Math.min(32_000, Math.round(exponential + Math.random() * exponential));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
