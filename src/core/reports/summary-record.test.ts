import { recordedSummaryKeys, SUMMARY_QUEUED, SUMMARY_SENT, summaryRecordDetails } from './summary-record';
import { pastYearsFromJson, pastYearsToJson } from './worker-context';

describe('the summaries record in Registro', () => {
  it('finds the keys of the period written by the add-on and the worker, and nothing else', () => {
    const lines = [
      {
        action: SUMMARY_QUEUED,
        details: summaryRecordDetails({ dedupeKey: 'summary:019035:2027-06', to: 'r@c.it', name: 'Crema' }),
      },
      { action: SUMMARY_SENT, details: 'summary:019067:2027-06 a p@c.it (Pandino)' },
      { action: SUMMARY_QUEUED, details: 'summary:019001:2027-05 a x@c.it (Agnadello)' },
      // The outbox names a key when it could not queue the mail: that summary did not go.
      { action: 'Email non accodata', details: 'summary:019002:2027-06: la posta in uscita è occupata' },
      { action: 'Riepilogo comuni', details: '2027-06: 3 riepiloghi accodati' },
      { action: SUMMARY_QUEUED, details: 'summary:019003:2027-06 (registrato dalla versione precedente)' },
    ];
    expect([...recordedSummaryKeys(lines, '2027-06')].sort()).toEqual([
      'summary:019003:2027-06',
      'summary:019035:2027-06',
      'summary:019067:2027-06',
    ]);
  });

  it('reads a comune keyed by its name, spaces included', () => {
    const details = summaryRecordDetails({
      dedupeKey: 'summary:san bassano:2027-06',
      to: 'r@c.it',
      name: 'San Bassano',
    });
    expect([...recordedSummaryKeys([{ action: SUMMARY_SENT, details }], '2027-06')]).toEqual([
      'summary:san bassano:2027-06',
    ]);
  });
});

describe("the worker's context", () => {
  it('carries the closed years through JSON and back into maps', () => {
    const past = [{ year: 2026, hoursByEmployee: new Map([['D00001', 12.5]]) }];
    const json = JSON.parse(JSON.stringify(pastYearsToJson(past))) as ReturnType<typeof pastYearsToJson>;
    expect(pastYearsFromJson(json)).toEqual(past);
  });
});
