import { compose, escapeHtml, headerSafe } from './document';
import {
  italianDate,
  promotionMail,
  submissionMail,
  unknownEmailStaffMail,
  type MailCourse,
  type MailSession,
} from './enrollment';

const course: MailCourse = {
  code: 'EXC-BASE',
  title: 'Excel <di> base',
  mode: 'Online',
  venue: '',
  teacher: 'Marco Villa',
  hours: 6,
};
const sessions: MailSession[] = [
  { date: '2027-03-30', start: '09:00', end: '12:00', venue: '', meetLink: '', status: 'Programmata' },
  {
    date: '2027-03-02',
    start: '09:00',
    end: '12:00',
    venue: '',
    meetLink: 'https://meet.google.com/abc-defg-hij',
    status: 'Programmata',
  },
  { date: '2027-03-16', start: '09:00', end: '12:00', venue: '', meetLink: '', status: 'Annullata' },
];
const ctx = { sender: 'Consorzio Cremasco', formUrl: 'https://docs.google.com/forms/d/e/x/viewform' };

describe('mail composition', () => {
  test('user text is HTML-escaped in the HTML body and left readable in the plain body', () => {
    const mail = submissionMail(ctx, '<script>alert(1)</script> & "Anna"', [
      { course, sessions, outcome: { kind: 'confirmed' } },
    ]);
    expect(mail.htmlBody).not.toContain('<script>');
    expect(mail.htmlBody).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Anna&quot;');
    expect(mail.htmlBody).toContain('Excel &lt;di&gt; base (EXC-BASE)');
    expect(mail.body).toContain('Gentile <script>alert(1)</script> & "Anna",');
  });

  test('the outcome mail lists live sessions in date order with weekday, times and the Meet link', () => {
    const mail = submissionMail(ctx, 'Anna Bassi', [{ course, sessions, outcome: { kind: 'confirmed' } }]);
    expect(mail.subject).toBe('Iscrizione ai corsi: esito della richiesta');
    expect(mail.body).toContain(
      '- martedì 02/03/2027, ore 09:00–12:00, online: https://meet.google.com/abc-defg-hij\n- martedì 30/03/2027',
    );
    expect(mail.body).not.toContain('16/03/2027');
    expect(mail.body).toContain('"Annullamento": https://docs.google.com/forms/d/e/x/viewform');
    expect(mail.htmlBody).toContain('<a href="https://meet.google.com/abc-defg-hij">');
  });

  test('waitlist, refusal and cancellation outcomes say why', () => {
    const mail = submissionMail(ctx, 'Giulia', [
      { course, sessions, outcome: { kind: 'waitlisted', position: 1 } },
      {
        course: { ...course, code: 'GDPR' },
        sessions: [],
        outcome: { kind: 'refused', reason: 'Dipendente non attivo in anagrafica.' },
      },
    ]);
    expect(mail.body).toContain("La richiesta è in lista d'attesa (posizione 1): Le scriveremo se si libera un posto.");
    expect(mail.body).toContain('Iscrizione non accolta: Dipendente non attivo in anagrafica.');
    const cancel = submissionMail(ctx, 'Anna', [{ course, sessions, outcome: { kind: 'cancelled' } }]);
    expect(cancel.subject).toBe('Annullamento iscrizione ai corsi: esito');
    expect(cancel.body).toContain('Iscrizione annullata.');
  });

  test('an in-person venue is shown; a non-web link is never an anchor', () => {
    const inPerson = { ...course, mode: 'In presenza', venue: 'Sala consiliare' };
    const mail = promotionMail(ctx, 'Giulia', inPerson, [{ ...sessions[0], meetLink: 'javascript:alert(1)' }]);
    expect(mail.subject).toBe('Posto confermato: Excel <di> base (EXC-BASE)');
    expect(mail.body).toContain('sede: Sala consiliare');
    const tricky = compose('x', [{ kind: 'p', content: [{ text: 'clic', url: 'javascript:alert(1)' }] }]);
    expect(tricky.htmlBody).not.toContain('<a ');
  });

  test('subjects and headers never carry line breaks', () => {
    expect(headerSafe('Ciao\r\nBcc: evil@x.it')).toBe('Ciao Bcc: evil@x.it');
    const mail = unknownEmailStaffMail('x@y.it\r\nBcc: z@z.it', { firstName: 'A', lastName: 'B', comune: '' }, [
      course,
    ]);
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  test('escapeHtml covers the five special characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  test('italianDate names the weekday of the calendar date', () => {
    expect(italianDate('2027-03-28')).toBe('domenica 28/03/2027');
    expect(italianDate('not a date')).toBe('not a date');
  });
});
