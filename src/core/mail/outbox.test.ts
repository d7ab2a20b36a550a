import {
  afterFailure,
  boundedMail,
  freshStart,
  retryDelayMs,
  decodeOutboxRow,
  encodeOutboxRow,
  MAIL_BOUNDS,
  unsendableReason,
  type StoredMail,
} from './outbox';

const mail = (over: Partial<StoredMail> = {}): StoredMail => ({
  to: 'anna.bassi@comune.crema.cr.it',
  subject: 'Iscrizione confermata',
  body: 'Gentile Anna,',
  dedupeKey: 'response:1',
  attempts: 0,
  ...over,
});

describe('bounded mails', () => {
  test('header fields lose their line breaks and every field keeps within its bound', () => {
    const stored = boundedMail({
      to: 'a@x.it',
      subject: `Oggetto\r\nBcc: spia@evil.example.com ${'x'.repeat(1_000)}`,
      body: '"'.repeat(100_000),
      htmlBody: '&quot;'.repeat(20_000),
      name: `Consorzio\n${'y'.repeat(500)}`,
      dedupeKey: 'k',
    });
    expect(stored.subject).not.toMatch(/[\r\n]/);
    expect(stored.subject.length).toBeLessThanOrEqual(MAIL_BOUNDS.subject);
    expect(stored.body.length).toBeLessThanOrEqual(MAIL_BOUNDS.body);
    expect(stored.htmlBody).toBeUndefined();
    expect(stored.name?.length).toBeLessThanOrEqual(MAIL_BOUNDS.senderName);
  });

  test('a mail without recipients or with more than 50 can never go', () => {
    expect(unsendableReason(mail({ to: ' , ' }))).toBe('nessun destinatario');
    const many = Array.from({ length: 51 }, (_, i) => `p${i}@x.it`).join(',');
    expect(unsendableReason(mail({ to: many }))).toBe('51 destinatari (al massimo 50 per messaggio)');
    expect(unsendableReason(mail())).toBe('');
  });
});

describe('the outbox tab row', () => {
  test('a mail survives its row, attachments and all', () => {
    const m = mail({
      htmlBody: '<p>Gentile Anna,</p>',
      name: 'Consorzio',
      attachments: [{ fileId: 'F1' }],
      attempts: 2,
      lastError: 'Invalid email',
      failures: 3,
      retryAt: Date.UTC(2027, 1, 1, 9, 4),
    });
    const at = new Date(Date.UTC(2027, 1, 1, 9));
    const row = decodeOutboxRow(encodeOutboxRow(m, 'In attesa', at, ''), 7);
    expect(row).toEqual({ row: 7, status: 'In attesa', queuedAt: at, mail: m });
  });

  test("a row that is not the add-on's is not a mail", () => {
    expect(decodeOutboxRow(['', 'In attesa'], 2)).toBeNull();
    expect(decodeOutboxRow(['k', 'Boh', '', '', '', 0, '', '', '{"body":""}'], 2)).toBeNull();
    expect(decodeOutboxRow(['k', 'In attesa', '', '', '', 0, '', '', '=SUM(A1)'], 2)).toBeNull();
  });

  test('the stored content always fits one cell', () => {
    const big = mail({ body: 'x'.repeat(16_000), htmlBody: '"'.repeat(30_000) });
    const cells = encodeOutboxRow(big, 'In attesa', new Date(0), '');
    expect(String(cells[8]).length).toBeLessThan(50_000);
  });
});

describe('spacing out the tries of a failing mail', () => {
  test('the wait doubles from a minute with each failure in a row, up to half an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 2, 4, 8, 16, 30, 30, 30, 30]);
  });

  test("Google's passing trouble spaces the tries out without counting toward parking; staff's requeue starts afresh", () => {
    const m = mail();
    afterFailure(m, 'Service unavailable', false, 1_000);
    expect(m).toMatchObject({ attempts: 0, failures: 1, retryAt: 61_000, lastError: 'Service unavailable' });
    afterFailure(m, 'Invalid email', true, 61_000);
    expect(m).toMatchObject({ attempts: 1, failures: 2, retryAt: 181_000, lastError: 'Invalid email' });
    freshStart(m);
    expect(m.attempts).toBe(0);
    expect(m.failures).toBeUndefined();
    expect(m.retryAt).toBeUndefined();
  });
});
