/**
 * The referent's mails of approval: the request right after a submission (queued by the enrollment
 * notifier) and the reminders of requests still waiting, each item with fresh signed links.
 */
import { approvalRequestMail, approvalReminderMail, type ApprovalRequestItem } from '../../core/approval/mail';
import type { ComposedMail } from '../../core/mail/document';
import type { MailContext, MailCourse } from '../../core/mail/enrollment';
import type { EnrollmentRecord } from '../../core/enrollment/types';
import { normalizeKey } from '../../core/text';
import type { Comune, Employee } from '../../core/registry/schemas';
import { formatInSpreadsheetZone } from '../registry/workbook';
import { decisionLinks, LINK_VALID_DAYS } from './links';

export interface ApprovalDirectory {
  employees: readonly Employee[];
  comuni: readonly Comune[];
  course: (code: string) => MailCourse;
}

export interface ReferentMail {
  to: string;
  comune: string;
  mail: ComposedMail;
}

function employeeOf(dir: ApprovalDirectory, e: EnrollmentRecord): Employee | undefined {
  return dir.employees.find(
    (x) => (e.employeeId !== '' && x.id === e.employeeId) || x.email === e.email.trim().toLowerCase(),
  );
}

function comuneOf(dir: ApprovalDirectory, employee: Employee | undefined): Comune | undefined {
  if (!employee) return undefined;
  const key = normalizeKey(employee.comune);
  return dir.comuni.find((c) => normalizeKey(c.name) === key);
}

function item(
  dir: ApprovalDirectory,
  e: EnrollmentRecord,
  employee: Employee | undefined,
  nowMs: number,
): ApprovalRequestItem {
  const links = decisionLinks(e.id, nowMs);
  return {
    enrollmentId: e.id,
    course: dir.course(e.course),
    employeeName: employee ? `${employee.firstName} ${employee.lastName}`.trim() : '',
    email: e.email,
    requestedOn: formatInSpreadsheetZone(e.requestedAt, 'dd/MM/yyyy'),
    approveUrl: links.approveUrl,
    denyUrl: links.denyUrl,
  };
}

/**
 * The mails to referents for the given pending enrollments, one per referent (the request, or a
 * reminder); enrollments whose comune has no referent are left to staff.
 */
export function referentMails(
  ctx: MailContext,
  dir: ApprovalDirectory,
  enrollments: readonly EnrollmentRecord[],
  kind: 'request' | 'reminder',
  nowMs: number,
): Array<ReferentMail & { enrollments: EnrollmentRecord[] }> {
  const groups = new Map<
    string,
    { to: string; comune: string; items: ApprovalRequestItem[]; enrollments: EnrollmentRecord[] }
  >();
  for (const e of enrollments) {
    const employee = employeeOf(dir, e);
    const comune = comuneOf(dir, employee);
    const to = comune?.referentEmail.trim() ?? '';
    if (!comune || !to) continue;
    const group = groups.get(to) ?? { to, comune: comune.name, items: [], enrollments: [] };
    group.items.push(item(dir, e, employee, nowMs));
    group.enrollments.push(e);
    groups.set(to, group);
  }
  return [...groups.values()].map((g) => ({
    to: g.to,
    comune: g.comune,
    enrollments: g.enrollments,
    mail:
      kind === 'request'
        ? approvalRequestMail(ctx, g.comune, g.items, LINK_VALID_DAYS)
        : approvalReminderMail(ctx, g.comune, g.items, LINK_VALID_DAYS),
  }));
}
