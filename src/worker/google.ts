/**
 * The worker's way into Google: googleapis clients for one identity. Locally (`--api URL`) every API is
 * given that root (googleapis rewrites its requests onto it; an upload also needs it per call, catalogue:
 * REST-GOOGLEAPIS-MEDIA-ROOT) and any bearer token; on Google, Application Default Credentials: a
 * service account with domain-wide delegation acting as the academy's account (`--subject`), or an OAuth
 * user's credentials.
 */
import { google, type calendar_v3, type forms_v1, type sheets_v4 } from 'googleapis';
import { GoogleAuth, OAuth2Client } from 'google-auth-library';

export const SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/calendar',
  'https://www.googleapis.com/auth/drive',
  'https://www.googleapis.com/auth/documents',
  'https://www.googleapis.com/auth/gmail.send',
  'https://www.googleapis.com/auth/forms.body.readonly',
];

export interface Connection {
  sheets: sheets_v4.Sheets;
  calendar: calendar_v3.Calendar;
  forms: forms_v1.Forms;
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
  fetchImplementation?: typeof fetch;
}

export function connect(options: ConnectOptions): Connection {
  const fetchImpl = options.fetchImplementation ?? fetch;
  if (options.api) {
    const rootUrl = options.api.endsWith('/') ? options.api : `${options.api}/`;
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: 'local-worker' });
    const common = { auth, rootUrl, fetchImplementation: fetchImpl };
    return {
      sheets: google.sheets({ version: 'v4', ...common }),
      calendar: google.calendar({ version: 'v3', ...common }),
      forms: google.forms({ version: 'v1', ...common }),
      rootUrl,
      token: async () => 'local-worker',
      fetch: fetchImpl,
    };
  }
  const auth = new GoogleAuth({ scopes: SCOPES, clientOptions: options.subject ? { subject: options.subject } : {} });
  const common = { auth, fetchImplementation: fetchImpl };
  return {
    sheets: google.sheets({ version: 'v4', ...common }),
    calendar: google.calendar({ version: 'v3', ...common }),
    forms: google.forms({ version: 'v1', ...common }),
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
