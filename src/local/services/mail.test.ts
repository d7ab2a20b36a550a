import { Workspace } from '../runtime/workspace';
import { EmulatedBlob } from './blob';
import { mailGlobals, outbox, setMailQuota, snapshotMail } from './mail';

interface MailAppLike {
  sendEmail(...args: unknown[]): void;
  getRemainingDailyQuota(): number;
}

function setup() {
  const ws = Workspace.create({ startMs: Date.parse('2027-03-01T09:00:00+01:00') });
  const { MailApp, GmailApp } = mailGlobals(ws) as { MailApp: MailAppLike; GmailApp: MailAppLike };
  return { ws, MailApp, GmailApp };
}

describe('emulated MailApp', () => {
  // catalogue: QUOTA-DAILY, MAIL-SEND
  test('recipients are counted against the daily quota; past it nothing is sent', () => {
    const { ws, MailApp, GmailApp } = setup();
    expect(MailApp.getRemainingDailyQuota()).toBe(1500);
    setMailQuota(ws, 2);
    MailApp.sendEmail({ to: 'a@comune.it', cc: 'b@comune.it', subject: 'Uno', body: 'x' });
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    expect(() => GmailApp.sendEmail('c@comune.it', 'Due', 'y')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(outbox(ws).map((m) => m.subject)).toEqual(['Uno']);
  });

  // catalogue: QUOTA-DAILY
  test('the quota is full again 24 emulated hours after it was set', () => {
    const { ws, MailApp } = setup();
    setMailQuota(ws, 0);
    ws.advanceClock(24 * 60 * 60 * 1000 - 60 * 1000);
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    ws.advanceClock(60 * 1000);
    expect(MailApp.getRemainingDailyQuota()).toBe(1500);
    MailApp.sendEmail('a@comune.it', 'Ciao', 'corpo');
    expect(MailApp.getRemainingDailyQuota()).toBe(1499);
  });

  // catalogue: MAIL-REFUSALS
  test('an invalid address, too many recipients and a line break in a header are refused', () => {
    const { ws, MailApp } = setup();
    expect(() => MailApp.sendEmail('non-un-indirizzo', 'x', 'y')).toThrow('Invalid email: non-un-indirizzo');
    const many = Array.from({ length: 51 }, (_, i) => `p${i}@comune.it`).join(',');
    expect(() => MailApp.sendEmail({ to: many, subject: 'x', body: 'y' })).toThrow(
      'Limit Exceeded: Email Recipients Per Message.',
    );
    expect(() => MailApp.sendEmail({ to: 'a@comune.it', subject: 'x\r\nBcc: evil@example.com', body: 'y' })).toThrow(
      'String contains control character',
    );
    expect(() =>
      MailApp.sendEmail({ to: 'a@comune.it', subject: 'x', body: 'y', name: 'Ufficio\nformazione' }),
    ).toThrow('String contains control character');
    MailApp.sendEmail({ to: 'Anna Bassi <anna@comune.it>', subject: '', body: 'oggetto vuoto ammesso' });
    expect(outbox(ws)).toHaveLength(1);
    expect(MailApp.getRemainingDailyQuota()).toBe(1499);
  });

  // catalogue: MAIL-SEND
  test('attachments are recorded with name, type and bytes; the snapshot derives text from HTML', () => {
    const { ws, MailApp } = setup();
    const pdf = new EmulatedBlob(new Uint8Array([37, 80, 68, 70]), 'application/pdf', 'A4PA-2027-00001.pdf', 'testo');
    MailApp.sendEmail({
      to: 'sara@comune.it',
      subject: 'Il tuo attestato',
      htmlBody: '<p>Gentile Sara,</p><p>in allegato l&#39;attestato &amp; altro.</p>',
      attachments: [pdf],
      name: 'Ufficio formazione',
      replyTo: 'formazione@consorzio.example.it',
    });
    const [sent] = outbox(ws);
    expect(sent?.attachments).toEqual([
      { name: 'A4PA-2027-00001.pdf', mimeType: 'application/pdf', bytes: new Uint8Array([37, 80, 68, 70]) },
    ]);
    expect(sent?.name).toBe('Ufficio formazione');
    expect(snapshotMail(ws)).toEqual([
      {
        at: '2027-03-01T09:00:00+01:00',
        to: 'sara@comune.it',
        subject: 'Il tuo attestato',
        body: "Gentile Sara,\nin allegato l'attestato & altro.",
        attachments: ['A4PA-2027-00001.pdf'],
      },
    ]);
  });
});

describe('emulator: call counting', () => {
  test('every call is a counted Mail call and advances the clock', () => {
    const { ws, MailApp } = setup();
    const start = ws.now();
    MailApp.getRemainingDailyQuota();
    MailApp.sendEmail('a@comune.it', 'x', 'y');
    expect(ws.methodCounts).toEqual({ 'Mail.getRemainingDailyQuota': 1, 'Mail.sendEmail': 1 });
    expect(ws.now()).toBeGreaterThan(start);
    expect(outbox(ws)[0]?.at).toBe(ws.now());
  });
});
