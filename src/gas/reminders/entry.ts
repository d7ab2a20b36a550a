/**
 * The daily time-driven trigger (installed once by setup): reminders, follow-ups after courses and the
 * yearly retention run. Called without a trigger event it is a staff action (the sidebar or a test).
 */
import { firedByOwnTrigger } from '../platform/auth';
import { serverAction } from '../platform/entry';
import { yearlyRetention } from '../privacy/entry';
import type { RetentionResult } from '../privacy/retention';
import { flushLog } from '../registry/log';
import { formatInSpreadsheetZone, rememberSpreadsheetTimeZone } from '../registry/workbook';
import { registerSetupStep } from '../setup/steps';
import { runDaily, type DailySummary } from './daily';
import { rebuildFigures } from '../figures/current';

const HANDLER = 'runDailyTasks';
/** Early morning in the academy's zone: reminders arrive before the working day. */
const DAILY_HOUR = 7;

export interface DailyResult extends DailySummary {
  retention: RetentionResult | null;
  busy: boolean;
}

function daily(): DailyResult {
  const startedAt = Date.now();
  rememberSpreadsheetTimeZone();
  const summary = runDaily();
  let retention: RetentionResult | null = null;
  if (summary) retention = yearlyRetention(formatInSpreadsheetZone(new Date(), 'yyyy'), startedAt);
  // Once a week (Sunday's run) the figures record is made again from every row: a safety net, not a daily cost.
  if (summary && formatInSpreadsheetZone(new Date(), 'EEE') === 'Sun') rebuildFigures();
  flushLog();
  const none = { meetSessions: 0, sessionReminders: 0, approvalReminders: 0, feedbackRequests: 0, absenteeNotices: 0 };
  return { ...(summary ?? none), retention, busy: summary === null };
}

const dailyForStaff = serverAction('Attività giornaliere', daily);

export function runDailyTasks(event?: { triggerUid?: unknown }): DailyResult {
  if (!firedByOwnTrigger(HANDLER, event)) return dailyForStaff();
  try {
    return daily();
  } finally {
    flushLog();
  }
}

function ensureDailyTrigger(): string {
  const mine = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === HANDLER);
  for (const extra of mine.slice(1)) ScriptApp.deleteTrigger(extra);
  if (mine.length > 0) return '';
  ScriptApp.newTrigger(HANDLER).timeBased().everyDays(1).atHour(DAILY_HOUR).create();
  return 'attività giornaliere programmate (promemoria, questionari, conservazione dati)';
}

registerSetupStep({ name: 'Attività giornaliere', run: ensureDailyTrigger });
