import { main } from './cli';
import { shardFromEnv, shardOf } from './shard';

describe('npm run worker', () => {
  let out: string[];
  let err: string[];
  beforeEach(() => {
    out = [];
    err = [];
    jest.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
    jest.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
  });
  afterEach(() => jest.restoreAllMocks());

  it('lists its jobs and options with --help, in Italian', async () => {
    expect(await main(['--help'], {})).toBe(0);
    expect(out.join('\n')).toContain('calendar');
    expect(out.join('\n')).toContain('certificates');
    expect(out.join('\n')).toContain('--course CODE');
    expect(out.join('\n')).toContain('summaries');
    expect(out.join('\n')).toContain('--month AAAA-MM');
    expect(out.join('\n')).toContain('reports');
    expect(out.join('\n')).toContain('--api URL');
  });

  it('refuses an unknown job or a missing spreadsheet with exit 2 and one line', async () => {
    expect(await main(['nope'], {})).toBe(2);
    expect(err).toEqual([
      'Lavoro sconosciuto: nope. Lavori: calendar, certificates, summaries, reports (npm run worker -- --help).',
    ]);
    expect(await main(['calendar'], {})).toBe(2);
    expect(err[1]).toContain('--spreadsheet');
    expect(await main(['reports', '--spreadsheet', 'x'], {})).toBe(2);
    expect(err[2]).toContain('--script');
  });

  it("asks for the add-on's script before sending summaries on Google, with exit 2", async () => {
    expect(await main(['summaries', '--spreadsheet', 'x'], {})).toBe(2);
    expect(err).toEqual(['Manca lo script del componente aggiuntivo: --script ID o A4PA_SCRIPT_ID.']);
  });
});

describe('Cloud Run task shards', () => {
  it('gives every course to exactly one of the tasks', () => {
    const codes = Array.from({ length: 64 }, (_, i) => `C${i}`);
    const shards = [0, 1, 2].map((index) => codes.filter((c) => shardOf(c, { index, count: 3 })));
    expect(shards.flat().sort()).toEqual([...codes].sort());
    expect(shards.every((s) => s.length > 0)).toBe(true);
  });

  it('reads CLOUD_RUN_TASK_INDEX and CLOUD_RUN_TASK_COUNT, one task by default', () => {
    expect(shardFromEnv({})).toEqual({ index: 0, count: 1 });
    expect(shardFromEnv({ CLOUD_RUN_TASK_INDEX: '2', CLOUD_RUN_TASK_COUNT: '3' })).toEqual({ index: 2, count: 3 });
    expect(() => shardFromEnv({ CLOUD_RUN_TASK_INDEX: '3', CLOUD_RUN_TASK_COUNT: '3' })).toThrow('fuori da 0..2');
  });
});
