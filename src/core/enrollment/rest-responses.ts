/**
 * Form responses as the Forms API answers them (`forms.responses.list`, catalogue REST-FORMS-READ): one
 * request brings every answer of every pending response, where FormApp needs a call per item of each.
 * The API names questions by opaque ids, so the titles the policy reads come from the form's items
 * (`forms.get`), kept as a map from question id to title.
 */
import * as z from 'zod/mini';

const answerSchema = z.object({
  textAnswers: z.optional(z.object({ answers: z.optional(z.array(z.object({ value: z.optional(z.string()) }))) })),
});

const responseSchema = z.object({
  responseId: z.string(),
  createTime: z.optional(z.string()),
  lastSubmittedTime: z.optional(z.string()),
  respondentEmail: z.optional(z.string()),
  answers: z.optional(z.record(z.string(), answerSchema)),
});

const pageSchema = z.object({
  responses: z.optional(z.array(responseSchema)),
  nextPageToken: z.optional(z.string()),
});

const formSchema = z.object({
  items: z.optional(
    z.array(
      z.object({
        itemId: z.optional(z.string()),
        title: z.optional(z.string()),
        questionItem: z.optional(z.object({ question: z.optional(z.object({ questionId: z.optional(z.string()) })) })),
      }),
    ),
  ),
});

export type RestResponse = z.infer<typeof responseSchema>;

export interface ResponsePage {
  responses: RestResponse[];
  next: string | null;
}

export interface ListedResponse {
  id: string;
  timestampMs: number;
  email: string;
  answers: Record<string, string | string[]>;
}

/** One page of `forms.responses.list`; an answer of another shape is an error, never a silent empty page. */
export function parseResponsePage(body: unknown): ResponsePage {
  const parsed = pageSchema.safeParse(body ?? {});
  if (!parsed.success) throw new Error('Risposta inattesa di Forms API (elenco delle risposte).');
  return { responses: parsed.data.responses ?? [], next: parsed.data.nextPageToken ?? null };
}

/**
 * Question id → title, from `forms.get`. A title publication recorded by FormApp item id (`known`) wins
 * over the one on the form, so an item staff renamed is still read as what it asks; the API's item id
 * is taken as FormApp's id in hex, and where it is not the form's own title is used.
 */
export function questionTitles(body: unknown, known: Readonly<Record<string, string>>): Record<string, string> {
  const parsed = formSchema.safeParse(body ?? {});
  if (!parsed.success) throw new Error('Risposta inattesa di Forms API (domande del modulo).');
  const titles: Record<string, string> = {};
  for (const item of parsed.data.items ?? []) {
    const questionId = item.questionItem?.question?.questionId;
    if (!questionId) continue;
    const formAppId = item.itemId && /^[0-9a-f]+$/i.test(item.itemId) ? String(parseInt(item.itemId, 16)) : '';
    titles[questionId] = known[formAppId] ?? item.title ?? '';
  }
  return titles;
}

/**
 * The question ids the responses answer that `titles` does not name (the form changed since it was
 * read); after a fresh read, one still unknown belongs to an item since deleted and is named '' (skipped).
 */
export function unknownQuestions(
  responses: readonly RestResponse[],
  titles: Readonly<Record<string, string>>,
): string[] {
  const unknown = new Set<string>();
  for (const r of responses) for (const id of Object.keys(r.answers ?? {})) if (!(id in titles)) unknown.add(id);
  return [...unknown];
}

/**
 * A listed response as the enrollment reads one: answers by title (a single value as text, several as
 * a list, as FormApp gives a checkbox's), the time it was last submitted. An answer to a question no
 * title names is left out, as FormApp leaves out an item deleted from the form.
 */
export function listedResponse(r: RestResponse, titles: Readonly<Record<string, string>>): ListedResponse {
  const answers: Record<string, string | string[]> = {};
  for (const [id, answer] of Object.entries(r.answers ?? {})) {
    const title = titles[id];
    if (title === undefined || title === '') continue;
    const values = (answer.textAnswers?.answers ?? []).map((a) => a.value ?? '');
    answers[title] = values.length === 1 ? (values[0] as string) : values;
  }
  const timestampMs = Date.parse(r.lastSubmittedTime ?? r.createTime ?? '');
  return {
    id: r.responseId,
    timestampMs: Number.isNaN(timestampMs) ? 0 : timestampMs,
    email: r.respondentEmail ?? '',
    answers,
  };
}

/** The filter `forms.responses.list` documents: responses submitted after (not at) the instant. */
export function afterFilter(ms: number): string {
  return `timestamp > ${new Date(ms).toISOString()}`;
}
