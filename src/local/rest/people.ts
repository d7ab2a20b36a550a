/**
 * People API v1, the one call the add-on needs: `people:batchGet` for Google Account ids (the `users/{id}`
 * a Meet participant carries). What it says about an account depends on who asks (REST-PEOPLE-ACCOUNT-EMAIL):
 * an account of the asker's own Workspace domain is a directory profile and comes with its e-mail; another
 * account shows only its public profile, whose e-mail Google does not give (strict variant; the lenient
 * variant gives every account's e-mail).
 */
import type { Workspace } from '../runtime/workspace';
import { strictAbout } from '../runtime/variant';
import { json, RestError, type RestRequest, type RestResponse } from './http';

interface Account {
  id: string;
  email: string;
  displayName: string;
}

interface PeopleState {
  accounts: Account[];
}

function peopleState(ws: Workspace): PeopleState {
  return ws.slot<PeopleState>('people', () => ({ accounts: [] }));
}

/** Host API: the numeric Google Account id of an e-mail, made the first time the account is seen. */
export function accountIdOf(ws: Workspace, email: string, displayName: string): string {
  const st = peopleState(ws);
  const key = email.trim().toLowerCase();
  const known = st.accounts.find((a) => a.email === key);
  if (known) return known.id;
  const id = `1${String(st.accounts.length + 1).padStart(20, '0')}`;
  st.accounts.push({ id, email: key, displayName });
  return id;
}

const MAX_RESOURCE_NAMES = 200;

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}

export function handlePeople(ws: Workspace, req: RestRequest): RestResponse | null {
  if (req.method !== 'GET' || req.path !== '/v1/people:batchGet') return null;
  const fields = (req.query.get('personFields') ?? '').split(',').filter((f) => f.trim() !== '');
  if (fields.length === 0) throw new RestError(400, "Request must set 'personFields'.", 'badRequest');
  const names = req.query.getAll('resourceNames');
  if (names.length === 0 || names.length > MAX_RESOURCE_NAMES)
    throw new RestError(400, `resourceNames must have between 1 and ${MAX_RESOURCE_NAMES} entries.`, 'badRequest');
  const asker = domainOf(ws.state.owner.toLowerCase());
  const st = peopleState(ws);
  const responses = names.map((requested) => {
    const id = /^people\/(\d+)$/.exec(requested)?.[1];
    const account = id === undefined ? undefined : st.accounts.find((a) => a.id === id);
    if (!account)
      return {
        httpStatusCode: 404,
        status: { code: 5, message: 'Requested entity was not found.' },
        requestedResourceName: requested,
      };
    const visible = domainOf(account.email) === asker || !strictAbout(ws, 'REST-PEOPLE-ACCOUNT-EMAIL');
    return {
      httpStatusCode: 200,
      requestedResourceName: requested,
      person: {
        resourceName: `people/${account.id}`,
        etag: `%${account.id}`,
        ...(fields.includes('names') ? { names: [{ displayName: account.displayName }] } : {}),
        ...(fields.includes('emailAddresses') && visible
          ? { emailAddresses: [{ metadata: { primary: true }, value: account.email }] }
          : {}),
      },
    };
  });
  return json(200, { responses });
}
