/**
 * Where the last response a submit event delivered sits in the responses tab, kept with the watermark it
 * moved to. Forms writes each new response on the row below the last one (FORMS-DESTINATION-ROW), so an
 * event on the very next row of the same tab, while the form lists exactly one response after that same
 * watermark, is that response: the run needs no FormApp call to learn its sender, whose address it reads
 * from the event under the column title the earlier, proven run found it in. Anything else (another
 * watermark, tab or row, a title the event lacks) is no tie, and the run proves the event as before.
 */
import * as z from 'zod/mini';
import { parseStored } from '../stored-json';

const tieSchema = z.object({
  /** The watermark this run moved to: any other run moving it (or a publication resetting it) ends the tie. */
  watermark: z.number(),
  tab: z.string().check(z.minLength(1)),
  row: z.number().check(z.int(), z.gte(2)),
  /** The event's title for the sender's address (it depends on the spreadsheet's language). */
  emailTitle: z.string().check(z.minLength(1)),
});

export type ResponseTie = z.infer<typeof tieSchema>;

/** The stored tie; null for none, or for a value that is not one (a property edited by hand). */
export function parseResponseTie(text: string | null): ResponseTie | null {
  return parseStored(text, tieSchema);
}

export function responseTieText(tie: ResponseTie): string {
  return JSON.stringify(tie);
}

/** Where a submit event's response sits, and its cells by column title (each title's first answer). */
export interface EventPlace {
  tab: string;
  row: number;
  cells: Readonly<Record<string, string>>;
}

/**
 * The sender's address of an event that follows the tie: same watermark, same tab, the next row, and an
 * address under the tie's title. Null when the event does not follow it.
 */
export function addressAfterTie(tie: ResponseTie | null, watermark: number, event: EventPlace): string | null {
  if (!tie || tie.watermark !== watermark || tie.tab !== event.tab || event.row !== tie.row + 1) return null;
  const address = (event.cells[tie.emailTitle] ?? '').trim();
  return address === '' ? null : address;
}

/**
 * The one column title whose cell holds the sender's address, as FormApp gave it; null when none does or
 * several do (a question asking for an address as well): the next event is then proven by FormApp again.
 */
export function addressTitle(cells: Readonly<Record<string, string>>, address: string): string | null {
  const wanted = address.trim().toLowerCase();
  if (wanted === '') return null;
  const titles = Object.keys(cells).filter((t) => (cells[t] ?? '').trim().toLowerCase() === wanted);
  return titles.length === 1 ? (titles[0] as string) : null;
}
