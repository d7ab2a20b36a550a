import { type AnswerValue, type ItemData } from './model';

/**
 * What `createResponse` accepts for each item kind, as Forms' reference states (docs/google-behaviour.md,
 * FORMS-CREATE-RESPONSE): a choice outside the item's choices, a scale value outside its bounds or a grid
 * answer of the wrong size is refused; a scale's number becomes text.
 */
const REFUSED = 'Invalid response submitted to item.';

function refuse(item: ItemData, detail: string): never {
  throw new Error(`${REFUSED} ${detail} (item "${item.title}")`);
}

function choiceOf(item: ItemData, value: unknown): string {
  const text = String(value);
  if (!item.choices.includes(text)) refuse(item, `"${text}" is not one of its choices.`);
  return text;
}

function rowsOf(item: ItemData, responses: unknown): unknown[] {
  const rows = item.rows ?? [];
  if (!Array.isArray(responses) || responses.length !== rows.length) {
    refuse(item, `a grid answer needs one entry per row (${rows.length}).`);
  }
  return responses;
}

export function createdAnswer(item: ItemData, args: unknown[]): AnswerValue {
  const [first] = args;
  switch (item.type) {
    case 'TEXT':
    case 'PARAGRAPH_TEXT':
      return String(first);
    case 'MULTIPLE_CHOICE':
    case 'LIST':
      return choiceOf(item, first);
    case 'CHECKBOX':
      if (!Array.isArray(first)) refuse(item, 'a checkbox answer is a list of choices.');
      return first.map((v) => choiceOf(item, v));
    case 'SCALE': {
      const n = Number(first);
      if (!Number.isInteger(n) || n < item.scale.lower || n > item.scale.upper) {
        refuse(item, `${String(first)} is outside ${item.scale.lower}..${item.scale.upper}.`);
      }
      return String(n);
    }
    case 'GRID':
      return rowsOf(item, first).map((v) => (v === null || v === undefined ? null : choiceOf(item, v)));
    case 'CHECKBOX_GRID':
      return rowsOf(item, first).map((row) => {
        if (row === null || row === undefined) return null;
        if (!Array.isArray(row)) refuse(item, 'a checkbox grid answer is a list of columns per row.');
        return row.map((v) => choiceOf(item, v));
      });
    case 'SECTION_HEADER':
    case 'PAGE_BREAK':
      return refuse(item, 'a layout item has no answer.');
  }
}

/** One answer as one responses-tab cell (checkboxes joined as Google joins them). */
export function answerCell(value: AnswerValue): string {
  if (!Array.isArray(value)) return value;
  return value
    .filter((v): v is string | string[] => v !== null)
    .map((v) => (Array.isArray(v) ? v.join(', ') : v))
    .join(', ');
}
