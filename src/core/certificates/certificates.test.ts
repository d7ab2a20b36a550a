import {
  certificateCandidates,
  lastSessionEnd,
  meetsThreshold,
  thresholdOf,
  type CertCourse,
  type CertRecordKey,
} from './eligibility';
import { formatCertificateNumber, highestIssued, parseCertificateNumber } from './numbering';
import { fillPlaceholders, italianDateList, italianHours, placeholderValues } from './placeholders';
import { templateParagraphs } from './template';
import { CODE_ALPHABET, verificationCodeFrom } from './verification';

const sessions = [
  { id: 'A-S1', course: 'A', date: '2027-03-10', start: '14:00', end: '16:00', status: 'Programmata' },
  { id: 'A-S2', course: 'A', date: '2027-03-17', start: '14:00', end: '16:00', status: 'Programmata' },
  { id: 'B-S1', course: 'B', date: '2027-03-10', start: '09:00', end: '13:00', status: 'Programmata' },
];
const enrollments = [
  { course: 'A', email: 'sara@x.it', employeeId: 'D1', status: 'Confermata' },
  { course: 'A', email: 'paolo@x.it', employeeId: 'D2', status: 'Confermata' },
  { course: 'A', email: 'anna@x.it', employeeId: 'D3', status: 'Annullata' },
  { course: 'B', email: 'paolo@x.it', employeeId: 'D2', status: 'Confermata' },
];
const tick = (session: string, course: string, employeeId: string, hours: number | null = null) => ({
  session,
  course,
  employeeId,
  email: '',
  present: true,
  hours,
});
type Tick = ReturnType<typeof tick>;

/** The candidates among the enrollments above, at the default threshold of 75%. */
function candidates(courses: CertCourse[], attendance: Tick[], certificates: CertRecordKey[] = []) {
  return certificateCandidates({ courses, sessions, enrollments, attendance, certificates, defaultThreshold: 75 });
}

describe('eligibility', () => {
  it('uses the course threshold, else the default', () => {
    expect(thresholdOf({ threshold: 50 }, 75)).toBe(50);
    expect(thresholdOf({ threshold: null }, 75)).toBe(75);
  });

  it('compares exactly at the threshold and refuses a course without hours', () => {
    expect(meetsThreshold(3, 4, 75)).toBe(true);
    expect(meetsThreshold(2.99, 4, 75)).toBe(false);
    expect(meetsThreshold(2, 4, 50)).toBe(true);
    expect(meetsThreshold(0.7 + 0.1 + 0.1 + 0.1, 4, 25)).toBe(true);
    expect(meetsThreshold(4, 0, 75)).toBe(false);
  });

  it('selects confirmed enrollees over the default threshold, with partial hours', () => {
    const attendance = [
      tick('A-S1', 'A', 'D1'),
      tick('A-S2', 'A', 'D1', 1),
      tick('A-S1', 'A', 'D2'),
      tick('A-S1', 'A', 'D3'),
      tick('A-S2', 'A', 'D3'),
    ];
    const courses: CertCourse[] = [{ code: 'A', hours: 4, threshold: null, status: 'Concluso' }];
    const out = candidates(courses, attendance);
    expect(out).toEqual([{ course: 'A', employeeId: 'D1', email: 'sara@x.it', hoursAttended: 3 }]);
  });

  it("lets a course's own lower threshold certify half attendance", () => {
    const attendance = [tick('A-S1', 'A', 'D1'), tick('A-S1', 'A', 'D2')];
    const courses: CertCourse[] = [{ code: 'A', hours: 4, threshold: 50, status: 'Concluso' }];
    const out = candidates(courses, attendance);
    expect(out.map((c) => c.employeeId)).toEqual(['D1', 'D2']);
  });

  it('never proposes a second certificate for the same course and employee', () => {
    const attendance = [tick('A-S1', 'A', 'D1'), tick('A-S2', 'A', 'D1'), tick('B-S1', 'B', 'D2')];
    const courses: CertCourse[] = [
      { code: 'A', hours: 4, threshold: null, status: 'Concluso' },
      { code: 'B', hours: 4, threshold: null, status: 'Concluso' },
    ];
    const out = candidates(courses, attendance, [{ course: 'A', employeeId: 'D1' }]);
    expect(out.map((c) => `${c.course}/${c.employeeId}`)).toEqual(['B/D2']);
  });
});

describe('numbering', () => {
  it('formats and parses A4PA-<anno>-NNNNN', () => {
    expect(formatCertificateNumber(2027, 1)).toBe('A4PA-2027-00001');
    expect(formatCertificateNumber(2027, 123456)).toBe('A4PA-2027-123456');
    expect(parseCertificateNumber('A4PA-2027-00042')).toEqual({ year: 2027, seq: 42 });
    expect(parseCertificateNumber('A4PA-27-1')).toBeNull();
  });

  it('never reuses a number: the highest of the tab and of the recorded sequence, per year', () => {
    const numbers = ['A4PA-2027-00003', 'A4PA-2026-00099', 'x'];
    expect(highestIssued(2027, numbers, 0)).toBe(3);
    expect(highestIssued(2027, numbers, 7)).toBe(7);
    expect(highestIssued(2028, numbers, 0)).toBe(0);
  });
});

describe('placeholders', () => {
  const tricky = "Dell'Acqua $1 \\ (x) . * $& $$";

  it('fills every placeholder of the template literally', () => {
    const values = placeholderValues({
      issuer: 'Consorzio.IT — Consorzio Informatica e Territorio',
      firstName: tricky,
      lastName: 'Rossi',
      comune: 'Pandino',
      courseTitle: 'GDPR per gli uffici comunali',
      courseCode: 'GDPR-BASE',
      area: 'Servizi digitali e normativa',
      hoursAttended: 3.5,
      courseHours: 4,
      sessionDates: ['2027-03-17', '2027-03-10'],
      teacher: 'Elena Sala',
      issuedOn: '2027-03-18',
      number: 'A4PA-2027-00001',
      verificationCode: 'ABCDEFGHJKL',
      verificationUrl: 'https://script.google.com/macros/s/x/exec?verifica=ABCDEFGHJKL',
    });
    const text = fillPlaceholders(
      templateParagraphs('')
        .map((p) => p.text)
        .join('\n'),
      values,
    );
    expect(text).not.toMatch(/\{\{/);
    expect(text).toContain(`${tricky} Rossi`);
    expect(text).toContain('per 3,5 ore su 4 previste');
    expect(text).toContain('svoltosi nelle date: 10 e 17 marzo 2027');
    expect(text).toContain('Crema, 18 marzo 2027');
    expect(text).toContain('Attestato n. A4PA-2027-00001 — codice di verifica ABCDEFGHJKL');
    expect(text).toContain('art. 3, comma 2, del D.Lgs. 39/1993');
    expect(text.split('\n')[0]).toBe('Consorzio.IT — Consorzio Informatica e Territorio');
    expect(text).toContain("all'indirizzo https://script.google.com/macros/s/x/exec?verifica=ABCDEFGHJKL");
  });

  it('writes hours and date lists the Italian way', () => {
    expect(italianHours(4)).toBe('4');
    expect(italianHours(2.25)).toBe('2,25');
    expect(italianDateList(['2027-02-24', '2027-03-03'])).toBe('24 febbraio e 3 marzo 2027');
    expect(italianDateList(['2026-12-15', '2027-01-12', '2027-01-19'])).toBe('15 dicembre 2026, 12 e 19 gennaio 2027');
    expect(italianDateList(['2027-03-10'])).toBe('10 marzo 2027');
  });
});

describe('verification codes', () => {
  it('maps bytes to 11 characters of an alphabet without look-alikes', () => {
    const bytes = Array.from({ length: 32 }, (_, i) => ((i * 37) % 256) - 128);
    const code = verificationCodeFrom(bytes);
    expect(code).toHaveLength(11);
    expect([...code].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
    expect(code).not.toMatch(/[01OI]/);
    expect(verificationCodeFrom(bytes.map((b) => b ^ 1))).not.toBe(code);
  });
});

describe('lastSessionEnd', () => {
  const at = (iso: string): number => Date.parse(iso);
  it("is the end of the course's latest session that takes place, in Rome time", () => {
    const sessions = [
      { id: 'A-S1', course: 'A', date: '2027-03-10', start: '14:00', end: '16:00', status: 'Programmata' },
      { id: 'A-S2', course: 'A', date: '2027-03-31', start: '09:00', end: '11:00', status: 'Programmata' },
      { id: 'A-S3', course: 'A', date: '2027-04-20', start: '09:00', end: '11:00', status: 'Annullata' },
      { id: 'B-S1', course: 'B', date: '2027-05-01', start: '09:00', end: '11:00', status: 'Programmata' },
    ];
    expect(lastSessionEnd(sessions, 'A')).toEqual({ date: '2027-03-31', endMs: at('2027-03-31T11:00:00+02:00') });
    expect(lastSessionEnd(sessions, 'C')).toBeNull();
  });
});
