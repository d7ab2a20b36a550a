/**
 * The demo academy as `npm start` seeds it: the training year placed around an instant, its months
 * behind lived by the real add-on (form responses, calendar, attendance, certificates, reports and the
 * comuni's summaries), the months ahead open, and the emulated clock at that instant.
 */
import type { LocalAcademy } from '../runtime/session';
import { placementAround } from './placement';
import { simulateYear } from './year';

export interface LivedOptions {
  /** The instant the year is placed around and lived up to (epoch ms). */
  at: number;
  employees?: number;
  progress?: (line: string) => void;
}

export async function livedDemo(options: LivedOptions): Promise<LocalAcademy> {
  const outcome = await simulateYear({
    placement: placementAround(options.at),
    until: options.at,
    employees: options.employees,
    fastPast: true,
    progress: options.progress,
  });
  return outcome.academy;
}
