/**
 * The snapshot a scenario ends with, in exactly the shape of docs/contracts.md ("Snapshot"): outside checks
 * compare it key by key, so each section is narrowed to the contract's fields even when the emulated
 * service reports more.
 */
import type { LocalAcademy } from '../runtime/session';
import { snapshotCalendar, type CalendarEventSnapshot } from '../services/calendar';
import { snapshotDrive } from '../services/drive';
import { snapshotForms } from '../services/forms';
import { snapshotMail } from '../services/mail';
import { snapshotTriggers } from '../services/script';
import { snapshotSheets } from '../services/spreadsheet';
import type { ContractService } from '../runtime/latency';

export interface StepResult {
  step: number;
  ok: boolean;
  value: unknown;
  error?: string;
}

export interface SheetSnapshot {
  header: string[];
  rows: Array<Record<string, unknown>>;
  formulas: string[];
}

export type { CalendarEventSnapshot };

export interface MailSnapshot {
  at: string;
  to: string;
  subject: string;
  body: string;
  attachments: string[];
}

export interface DriveFileSnapshot {
  id: string;
  name: string;
  mimeType: string;
  path: string;
  text: string;
}

export interface FormSnapshot {
  id: string;
  title: string;
  accepting: boolean;
  items: Array<{ title: string; type: string; required: boolean; choices: string[] }>;
}

export interface Snapshot {
  sheets: Record<string, SheetSnapshot>;
  calendar: CalendarEventSnapshot[];
  mail: MailSnapshot[];
  drive: DriveFileSnapshot[];
  forms: FormSnapshot[];
  triggers: Array<{ handler: string; type: string }>;
  results: StepResult[];
  calls: Record<ContractService, number>;
}

export function takeSnapshot(academy: LocalAcademy, results: StepResult[] = []): Snapshot {
  const ws = academy.ws;
  return {
    sheets: snapshotSheets(ws, academy.spreadsheetId),
    calendar: snapshotCalendar(ws).map((e) => ({
      id: e.id,
      sessionId: e.sessionId,
      summary: e.summary,
      start: e.start,
      end: e.end,
      location: e.location,
      status: e.status,
      attendees: [...e.attendees],
      meet: e.meet,
    })),
    mail: snapshotMail(ws).map((m) => ({
      at: m.at,
      to: m.to,
      subject: m.subject,
      body: m.body,
      attachments: [...m.attachments],
    })),
    drive: snapshotDrive(ws).map((f) => ({ id: f.id, name: f.name, mimeType: f.mimeType, path: f.path, text: f.text })),
    forms: snapshotForms(ws).map((f) => ({
      id: f.id,
      title: f.title,
      accepting: f.accepting,
      items: f.items.map((i) => ({ title: i.title, type: i.type, required: i.required, choices: [...i.choices] })),
    })),
    triggers: snapshotTriggers(ws).map((t) => ({ handler: t.handler, type: t.type })),
    results,
    calls: ws.contractCounts(),
  };
}
