/**
 * The scenario file (docs/contracts.md, "Scenario file"), validated strictly: an unknown key or step kind is a
 * malformed file, never silently ignored, so a typo in a scenario cannot pass as a different test.
 */
import * as z from 'zod';
import { CONTRACT_SERVICES } from '../runtime/latency';

/** A cell as staff type it: text, a number, a checkbox, or nothing. */
const cellValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const record = z.record(z.string(), cellValue);

const callStep = z.strictObject({
  do: z.literal('call'),
  fn: z.string().min(1),
  args: z.array(z.unknown()).optional(),
  as: z.string().optional(),
});

const submitStep = z.strictObject({
  do: z.literal('submit'),
  email: z.string().min(1),
  courses: z.array(z.string().min(1)).optional(),
  action: z.enum(['Iscrizione', 'Annullamento']).optional(),
  answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
  duplicate: z.boolean().optional(),
});

const editStep = z.strictObject({
  do: z.literal('edit'),
  tab: z.string().min(1),
  where: record,
  set: record,
});

const appendStep = z.strictObject({
  do: z.literal('append'),
  tab: z.string().min(1),
  rows: z.array(record),
});

const advanceStep = z.strictObject({
  do: z.literal('advance'),
  minutes: z.number().nonnegative(),
});

const visitStep = z.strictObject({
  do: z.literal('visit'),
  url: z.string().min(1),
});

const faultStep = z.strictObject({
  do: z.literal('fault'),
  service: z.enum(CONTRACT_SERVICES),
  times: z.number().int().positive(),
  message: z.string().min(1),
});

const quotaStep = z.strictObject({
  do: z.literal('quota'),
  service: z.literal('Mail'),
  remaining: z.number().int().nonnegative(),
});

/** A text file as `content`, any other file (an .xlsx) as its bytes in base64 (`contentBase64`). */
const uploadStep = z
  .strictObject({
    do: z.literal('upload'),
    path: z.string().min(1),
    content: z.string().optional(),
    contentBase64: z.base64().optional(),
  })
  .refine((s) => (s.content === undefined) !== (s.contentBase64 === undefined), {
    message: 'upload: give either "content" (text) or "contentBase64" (bytes), not both',
  });

const hhmm = z.string().regex(/^\d{1,2}:\d{2}$/);

const meetStep = z.strictObject({
  do: z.literal('meet'),
  session: z.string().min(1),
  participants: z.array(
    z.strictObject({ email: z.string().min(1).optional(), name: z.string().min(1), from: hhmm, to: hhmm }),
  ),
});

export const scenarioStep = z.discriminatedUnion('do', [
  callStep,
  submitStep,
  editStep,
  appendStep,
  advanceStep,
  visitStep,
  faultStep,
  quotaStep,
  uploadStep,
  meetStep,
]);

export const scenarioFile = z.strictObject({
  start: z.iso.datetime({ offset: true }),
  settings: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  registry: z.union([z.literal('demo'), z.record(z.string(), z.array(record))]).optional(),
  steps: z.array(scenarioStep),
});

export type ScenarioStep = z.infer<typeof scenarioStep>;
export type Scenario = z.infer<typeof scenarioFile>;
export type CellInput = z.infer<typeof cellValue>;

export class ScenarioFormatError extends Error {
  override readonly name = 'ScenarioFormatError';
}

/** Parses a scenario from its JSON text; a malformed file throws a one-line `ScenarioFormatError`. */
export function parseScenario(text: string): Scenario {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ScenarioFormatError(`invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return validateScenario(data);
}

export function validateScenario(data: unknown): Scenario {
  const result = scenarioFile.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const detail = issue ? mostSpecific(issue.path, issue) : { path: [], message: 'invalid scenario' };
  const where = detail.path.length > 0 ? `${formatPath(detail.path)}: ` : '';
  const extra = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more)` : '';
  throw new ScenarioFormatError(`${where}${detail.message}${extra}`.replace(/\s+/g, ' '));
}

interface IssueLike {
  path: PropertyKey[];
  message: string;
  code?: string;
  errors?: IssueLike[][];
}

/**
 * A union (`"registry": "demo"` or rows by tab) reports only "Invalid input" at its own path; the
 * branch error that got deepest into the value says what is actually wrong.
 */
function mostSpecific(prefix: PropertyKey[], issue: IssueLike): { path: PropertyKey[]; message: string } {
  let best = { path: prefix, message: issue.message };
  if (issue.code !== 'invalid_union' || !issue.errors) return best;
  for (const branch of issue.errors) {
    for (const inner of branch) {
      const candidate = mostSpecific([...prefix, ...inner.path], inner);
      if (candidate.path.length > best.path.length) best = candidate;
    }
  }
  return best;
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}
