import { DOCS_CREATED_PER_DAY, DOCS_QUOTA_NAME } from '../../../src/local/services/documents';
import { setDailyRemaining } from '../../../src/local/services/quota';
import { strictAbout } from '../../../src/local/runtime/variant';
import { academyWith, certificateRows, docs, drain, pdfs, people } from './academy';

describe('Emetti attestati past the daily documents-created quota', () => {
  // catalogue: QUOTA-DAILY-DOCS-CREATED, DOCS-COPY-COUNTS-AS-CREATED (strict: each copied Doc spends the
  // allowance, so two are issued today; lenient: copies spend none, so all four are)
  it('stops at the allowance, leaves no stray Doc, and finishes the next day without a second certificate', async () => {
    const academy = await academyWith([{ code: 'GDPR-BASE', hours: 4, people: people(4) }]);
    setDailyRemaining(academy.ws, DOCS_QUOTA_NAME, DOCS_CREATED_PER_DAY, 2);
    expect(academy.call('issueCertificates', ['GDPR-BASE']).ok).toBe(true);
    drain(academy, 120);
    const issuedToday = strictAbout(academy.ws, 'DOCS-COPY-COUNTS-AS-CREATED') ? 2 : 4;
    expect(certificateRows(academy)).toHaveLength(issuedToday);
    expect(docs(academy)).toEqual([]);

    drain(academy, 24 * 60);
    const rows = certificateRows(academy);
    expect(rows.map((r) => r.Dipendente)).toEqual(['D00001', 'D00002', 'D00003', 'D00004']);
    expect(new Set(rows.map((r) => r.Numero)).size).toBe(4);
    expect(pdfs(academy)).toHaveLength(4);
    expect(docs(academy)).toEqual([]);
  });
});
