/**
 * A year's use of the daily quotas a Workspace account has (Google's "Quotas for Google Services"
 * page, Workspace accounts): 1,500 mail recipients a day, 1,500 documents created a day, 10,000
 * calendar events created a day. Each is reported for the busiest day (Rome calendar day) and in total.
 */
import type { Workspace } from '../runtime/workspace';
import { isoInZone } from '../../core/time/zone';
import { outbox } from '../services/mail';
import { DOC_MIME, driveState } from '../services/files/store';

export const WORKSPACE_DAILY_LIMITS = {
  mailRecipients: 1500,
  documentsCreated: 1500,
  calendarEventsCreated: 10000,
} as const;

export interface QuotaUse {
  limit: number;
  total: number;
  busiestDay: { date: string; used: number; share: number };
  daysUsed: number;
}

function dayOf(ms: number): string {
  return isoInZone(ms).slice(0, 10);
}

function use(limit: number, events: Array<{ ms: number; n: number }>): QuotaUse {
  const byDay = new Map<string, number>();
  let total = 0;
  for (const e of events) {
    byDay.set(dayOf(e.ms), (byDay.get(dayOf(e.ms)) ?? 0) + e.n);
    total += e.n;
  }
  let busiest = { date: '', used: 0 };
  for (const [date, used] of byDay) if (used > busiest.used) busiest = { date, used };
  return {
    limit,
    total,
    busiestDay: { ...busiest, share: Math.round((busiest.used / limit) * 1000) / 10 },
    daysUsed: byDay.size,
  };
}

function recipients(list: string): number {
  return list.split(',').filter((a) => a.trim() !== '').length;
}

/** Creation times of the calendar's events, read from the emulated Calendar's state (`created`). */
function eventCreations(ws: Workspace): number[] {
  const slot = ws.state.slots.calendar;
  if (!slot || typeof slot !== 'object') return [];
  const events = (slot as { events?: unknown }).events;
  if (!events || typeof events !== 'object') return [];
  return Object.values(events as Record<string, unknown>)
    .map((e) => (e && typeof e === 'object' ? Date.parse(String((e as { created?: unknown }).created ?? '')) : NaN))
    .filter((ms) => Number.isFinite(ms));
}

export function quotaUse(ws: Workspace, sinceMs = -Infinity): Record<keyof typeof WORKSPACE_DAILY_LIMITS, QuotaUse> {
  const mail = outbox(ws)
    .filter((m) => m.at >= sinceMs)
    .map((m) => ({ ms: m.at, n: recipients(m.to) + recipients(m.cc) + recipients(m.bcc) }));
  const docs = Object.values(driveState(ws).items)
    .filter((i) => i.mimeType === DOC_MIME && i.createdMs >= sinceMs)
    .map((i) => ({ ms: i.createdMs, n: 1 }));
  const events = eventCreations(ws)
    .filter((ms) => ms >= sinceMs)
    .map((ms) => ({ ms, n: 1 }));
  return {
    mailRecipients: use(WORKSPACE_DAILY_LIMITS.mailRecipients, mail),
    documentsCreated: use(WORKSPACE_DAILY_LIMITS.documentsCreated, docs),
    calendarEventsCreated: use(WORKSPACE_DAILY_LIMITS.calendarEventsCreated, events),
  };
}
