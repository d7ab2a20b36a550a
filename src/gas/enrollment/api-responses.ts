/**
 * The enrollment form's pending responses through the Forms API (`forms.responses.list`, one request
 * for all of them and every answer, catalogue REST-FORMS-READ), with the question titles the answers are
 * keyed by kept in a Script Property and read again (`forms.get`) only when a response answers a
 * question the map does not name. A failing API answers null: the caller reads the form through FormApp.
 */
import {
  listedResponse,
  parseResponsePage,
  questionTitles,
  afterFilter,
  unknownQuestions,
  type ListedResponse,
  type RestResponse,
} from '../../core/enrollment/rest-responses';
import { callGoogleApi } from '../platform/rest';
import { readProperty, writeProperties } from '../platform/properties';

const FORMS_API = 'https://forms.googleapis.com/v1/forms';
export const PROP_QUESTION_TITLES = 'a4pa.form.questionTitles';

function readQuestionTitles(formId: string, known: Readonly<Record<string, string>>): Record<string, string> {
  return questionTitles(callGoogleApi('Forms API', 'get', `${FORMS_API}/${encodeURIComponent(formId)}`), known);
}

/**
 * Publication reads the form's questions once, so the first submission after it finds the map ready;
 * when the API cannot be read now the map is emptied and the first run that needs it reads it.
 */
export function rememberQuestionTitles(formId: string, known: Readonly<Record<string, string>>): void {
  let titles: Record<string, string> = {};
  try {
    titles = readQuestionTitles(formId, known);
  } catch {
    titles = {};
  }
  writeProperties({ [PROP_QUESTION_TITLES]: JSON.stringify(titles) });
}

function storedTitles(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(readProperty(PROP_QUESTION_TITLES) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

function listAfter(formId: string, afterMs: number): RestResponse[] {
  const out: RestResponse[] = [];
  let token: string | null = null;
  do {
    const query = `filter=${encodeURIComponent(afterFilter(afterMs))}${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`;
    const page = parseResponsePage(
      callGoogleApi('Forms API', 'get', `${FORMS_API}/${encodeURIComponent(formId)}/responses?${query}`),
    );
    out.push(...page.responses);
    token = page.next;
  } while (token !== null);
  return out;
}

/**
 * The responses the API lists after `afterMs` and submitted before `beforeMs`, answers by title, oldest first; null
 * when the API cannot be read now. `known` holds the titles publication recorded by FormApp item id.
 */
export function responsesFromApi(
  formId: string,
  afterMs: number,
  beforeMs: number,
  known: Readonly<Record<string, string>>,
): ListedResponse[] | null {
  try {
    const raw = listAfter(formId, afterMs);
    let titles = storedTitles();
    const wanted = raw.filter((r) => listedResponse(r, {}).timestampMs < beforeMs);
    if (unknownQuestions(wanted, titles).length > 0) {
      titles = readQuestionTitles(formId, known);
      for (const id of unknownQuestions(wanted, titles)) titles[id] = '';
      writeProperties({ [PROP_QUESTION_TITLES]: JSON.stringify(titles) });
    }
    return wanted.map((r) => listedResponse(r, titles)).sort((a, b) => a.timestampMs - b.timestampMs);
  } catch {
    return null;
  }
}
