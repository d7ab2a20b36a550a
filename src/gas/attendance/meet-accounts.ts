/**
 * A Meet participant's e-mail: Meet names a signed-in account only by `users/{id}`; the People API's
 * `people:batchGet` (up to 200 ids a call, scope `directory.readonly`) gives the address of an account it
 * may show, a profile of the academy's own Workspace domain (catalogue: REST-MEET-USER,
 * REST-PEOPLE-ACCOUNT-EMAIL). Accounts it does not show keep '' and are matched by display name.
 */
import { callGoogleApi } from '../platform/rest';

const BATCH = 200;

interface BatchGetAnswer {
  responses?: Array<{
    requestedResourceName?: string;
    person?: { emailAddresses?: Array<{ value?: string; metadata?: { primary?: boolean } }> };
  }>;
}

/** `users/{id}` → e-mail, for the accounts the directory shows. */
export function accountEmails(users: readonly string[]): Map<string, string> {
  const ids = [...new Set(users.filter((u) => /^users\/\d+$/.test(u)))];
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += BATCH) {
    const chunk = ids.slice(i, i + BATCH);
    const query = chunk.map((u) => `resourceNames=${encodeURIComponent(`people/${u.slice('users/'.length)}`)}`);
    const answer = callGoogleApi(
      'People API',
      'get',
      `https://people.googleapis.com/v1/people:batchGet?personFields=emailAddresses&${query.join('&')}`,
    ) as BatchGetAnswer | null;
    for (const r of answer?.responses ?? []) {
      const addresses = r.person?.emailAddresses ?? [];
      const email = (addresses.find((a) => a.metadata?.primary) ?? addresses[0])?.value ?? '';
      const id = r.requestedResourceName?.replace(/^people\//, '');
      if (email && id) out.set(`users/${id}`, email);
    }
  }
  return out;
}
