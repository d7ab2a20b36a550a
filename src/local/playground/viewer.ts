/**
 * Whose eyes the playground looks through: the training staff (the spreadsheet and its sidebar, every
 * mail, the academy's calendar and Drive), one employee (their form, their mails, their invitations and
 * certificates) or one comune's referent (the summaries and approval links mailed to them). Kept in a
 * cookie, so every page shows the same person's view until it is switched.
 */
export type Viewer =
  { kind: 'staff'; email: string } | { kind: 'employee'; email: string } | { kind: 'referent'; email: string };

export const VIEWER_COOKIE = 'a4pa_viewer';

const KINDS: ReadonlySet<string> = new Set(['staff', 'employee', 'referent']);

/** The viewer a cookie holds (`kind:email`), or staff as the spreadsheet's owner. */
export function parseViewer(text: string | null, owner: string): Viewer {
  const m = /^(\w+):(.*)$/.exec(text ?? '');
  const kind = m?.[1] ?? '';
  const email = (m?.[2] ?? '').trim().toLowerCase();
  if (!KINDS.has(kind) || (kind !== 'staff' && !/^[^\s@]+@[^\s@]+$/.test(email)))
    return { kind: 'staff', email: owner };
  return { kind: kind as Viewer['kind'], email: kind === 'staff' && email === '' ? owner : email };
}

export function viewerCookie(viewer: Viewer): string {
  return `${VIEWER_COOKIE}=${encodeURIComponent(`${viewer.kind}:${viewer.email}`)}; Path=/; SameSite=Strict`;
}

export function viewerLabel(viewer: Viewer): string {
  if (viewer.kind === 'staff') return `Staff della formazione (${viewer.email})`;
  if (viewer.kind === 'employee') return `Dipendente ${viewer.email}`;
  return `Referente ${viewer.email}`;
}

/** Whether the viewer reads this mail (staff read the whole outbox). */
export function readsMail(viewer: Viewer, to: string, cc: string): boolean {
  if (viewer.kind === 'staff') return true;
  const all = `${to},${cc}`
    .toLowerCase()
    .split(/[,;]/)
    .map((a) => a.trim());
  return all.includes(viewer.email);
}
