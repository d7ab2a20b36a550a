import { Workspace } from '../runtime/workspace';
import { callRest } from './testing';
import { recordConference } from './meet';

function get(ws: Workspace, url: string): ReturnType<typeof callRest> {
  return callRest(ws, 'GET', url);
}

function guests(n: number): Array<{ displayName: string; sessions: Array<{ startTime: string; endTime: string }> }> {
  return Array.from({ length: n }, (_, i) => ({
    displayName: `Ospite ${i + 1}`,
    sessions: [{ startTime: `2027-03-10T08:${String(i).padStart(2, '0')}:00Z`, endTime: '2027-03-10T11:00:00Z' }],
  }));
}

describe('emulated Meet and People APIs', () => {
  // catalogue: REST-MEET-PAGES
  test('pages a list and refuses a token of another list', () => {
    const ws = Workspace.create({ startMs: Date.UTC(2027, 2, 10, 12) });
    const record = recordConference(ws, 'https://meet.google.com/abc-defg-hij', guests(5));
    const first = get(ws, `/v2/${record}/participants?pageSize=2`);
    expect((first.body.participants as unknown[]).length).toBe(2);
    expect(first.body.totalSize).toBeUndefined();
    const names: string[] = [];
    let token = '';
    do {
      const page = get(ws, `/v2/${record}/participants?pageSize=2${token ? `&pageToken=${token}` : ''}`);
      names.push(
        ...(page.body.participants as Array<{ anonymousUser: { displayName: string } }>).map(
          (p) => p.anonymousUser.displayName,
        ),
      );
      token = (page.body.nextPageToken as string | undefined) ?? '';
    } while (token);
    // Newest join first, as Google orders them.
    expect(names).toEqual(['Ospite 5', 'Ospite 4', 'Ospite 3', 'Ospite 2', 'Ospite 1']);
    const foreign = get(ws, `/v2/conferenceRecords?pageToken=${first.body.nextPageToken as string}`);
    expect(foreign.status).toBe(400);
  });

  // catalogue: REST-MEET-USER, REST-PEOPLE-ACCOUNT-EMAIL
  test('People gives the e-mail of the academy domain only (strict), of every account (lenient)', () => {
    for (const variant of ['strict', 'lenient'] as const) {
      const ws = Workspace.create({ startMs: Date.UTC(2027, 2, 10, 12), variant });
      const record = recordConference(ws, 'https://meet.google.com/abc-defg-hij', [
        { email: 'paola@consorzio.example.it', displayName: 'Paola', sessions: guests(1)[0]!.sessions },
        { email: 'anna@comune.crema.cr.it', displayName: 'Anna', sessions: guests(2)[1]!.sessions },
      ]);
      const users = (
        get(ws, `/v2/${record}/participants`).body.participants as Array<{ signedinUser: { user: string } }>
      ).map((p) => p.signedinUser.user);
      expect(users.every((u) => /^users\/\d+$/.test(u))).toBe(true);
      const query = users.map((u) => `resourceNames=people/${u.slice(6)}`).join('&');
      const answer = get(ws, `/v1/people:batchGet?personFields=emailAddresses&${query}`);
      const emails = (answer.body.responses as Array<{ person: { emailAddresses?: Array<{ value: string }> } }>).map(
        (r) => r.person.emailAddresses?.[0]?.value ?? '',
      );
      expect(emails.sort()).toEqual(
        variant === 'strict'
          ? ['', 'paola@consorzio.example.it']
          : ['anna@comune.crema.cr.it', 'paola@consorzio.example.it'],
      );
      expect(get(ws, `/v1/people:batchGet?${query}`).status).toBe(400);
    }
  });
});
