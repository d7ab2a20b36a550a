/**
 * The preview companions of the workflows that change people's data or write to them: they change
 * nothing, and what they announce is what the workflow then does.
 */
import { snapshotMail } from '../../../src/local/services/mail';
import { snapshotForms } from '../../../src/local/services/forms';
import { academyWith, people } from '../certificates/academy';

describe('previewRetention', () => {
  it('counts what the run anonymises, from when, and changes nothing', async () => {
    const academy = await academyWith([{ code: 'EXC', hours: 4, people: people(2) }], {
      'Anni di conservazione': 1,
    });
    expect(academy.call('issueCertificates', ['EXC']).ok).toBe(true);
    academy.ws.clock.advance(400 * 24 * 60 * 60_000);
    const before = JSON.stringify(academy.readTab('Iscrizioni'));
    const preview = academy.call('previewRetention').value as Record<string, unknown>;
    expect(preview).toMatchObject({ years: 1, enrollments: 2, attendance: 4, certificates: 2, pdfs: 2 });
    expect(String(preview.message)).toContain('Nessuna email viene inviata');
    expect(JSON.stringify(academy.readTab('Iscrizioni'))).toBe(before);
    const run = academy.call('applyRetention').value as Record<string, unknown>;
    expect(run).toMatchObject({ enrollments: 2, attendance: 4, certificates: 2, filesTrashed: 2 });
  });

  it('says there is nothing to do without a retention limit', async () => {
    const academy = await academyWith([{ code: 'EXC', hours: 4, people: people(1) }]);
    expect(academy.call('previewRetention').value).toMatchObject({ years: null, enrollments: 0 });
  });
});

describe('previewFeedbackForm', () => {
  it('lists the courses the questionnaire will name, creates no form and mails nobody', async () => {
    const academy = await academyWith([
      { code: 'EXC', hours: 4, people: people(1) },
      { code: 'DRAFT', hours: 4, status: 'Bozza', people: [] },
    ]);
    const mailsBefore = snapshotMail(academy.ws).length;
    const formsBefore = snapshotForms(academy.ws).length;
    const preview = academy.call('previewFeedbackForm').value as { courses: string[]; message: string };
    expect(preview.courses).toHaveLength(1);
    expect(preview.courses[0]).toContain('EXC');
    expect(preview.message).toContain('Pubblicarlo non invia email');
    expect(snapshotForms(academy.ws)).toHaveLength(formsBefore);
    expect(snapshotMail(academy.ws)).toHaveLength(mailsBefore);
  });
});
