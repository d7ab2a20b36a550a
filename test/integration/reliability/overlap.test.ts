/**
 * Flushes that run outside a workflow's script lock (the comuni's summaries, the certificates, a
 * comune's link) overlapping another execution's flush. The runner starts the second execution in the
 * middle of the first one's first send, as Google would run a form submission that arrives while staff's
 * «Invia riepilogo ai comuni» is sending: neither may send a mail the other sends.
 */
import type { LocalAcademy } from '../../../src/local/runtime/session';
import type { RunResult } from '../../../src/local/runtime/runtime';
import { enrollmentSubmission } from '../../../src/local/scenario/submit';
import { academyWith, mails, PEOPLE, publish, registro, step } from './helpers';

jest.setTimeout(30_000);

const [anna] = PEOPLE.map((p) => p.Email) as [string];
const REFERENTS = ['segreteria@comune.crema.cr.it', 'segreteria@comune.offanengo.cr.it'];

/** Runs `during` once, inside the next execution's first `MailApp.sendEmail`, as an overlapping execution. */
function overlapFirstSend(academy: LocalAcademy, during: () => void): void {
  const ws = academy.ws;
  const call = ws.call.bind(ws);
  let done = false;
  ws.call = (service, method, cells) => {
    call(service, method, cells);
    if (!done && service === 'Mail' && method === 'sendEmail') {
      done = true;
      during();
    }
  };
}

function sentDigests(academy: LocalAcademy): string[] {
  const props = (academy.ws.state.slots.properties as { script: Record<string, string> }).script;
  return (props['a4pa.mail.sent'] ?? '').split(',').filter((d) => d !== '');
}

describe('overlapping flushes', () => {
  test('a form submission arriving while the summaries are sent: every summary and the confirmation go once', async () => {
    const academy = await academyWith();
    publish(academy);
    step(academy, { do: 'submit', email: PEOPLE[1]?.Email ?? '', courses: ['EXC-BASE'] });
    const before = mails(academy).length;
    let submission: RunResult[] = [];
    const { formId, submission: annaEnrolls } = enrollmentSubmission(academy, { email: anna, courses: ['EXC-BASE'] });
    overlapFirstSend(academy, () => {
      submission = academy.submit(formId, annaEnrolls).runs;
    });

    const summaries = academy.call('sendComuniSummaries');
    expect(summaries.error).toBeUndefined();
    expect(submission.map((r) => r.ok)).toEqual([true]);
    academy.advance(61);

    const sent = mails(academy)
      .slice(before)
      .map((m) => m.to);
    expect(sent.filter((to) => REFERENTS.includes(to)).sort()).toEqual(REFERENTS);
    expect(sent.filter((to) => to === anna)).toEqual([anna]);
    expect(sent).toHaveLength(3);
    const digests = sentDigests(academy);
    expect(new Set(digests).size).toBe(digests.length);
    expect(
      registro(academy).filter((r) => r.Azione === 'Iscrizione confermata' && String(r.Dettagli).includes(anna)),
    ).toHaveLength(1);
  });
});
