/**
 * Whom the "Guarda come" switch offers: staff, a few employees whose year shows something (enrolled in
 * a course ahead, holding a certificate) and a few comuni's referents, from the registry as it is now.
 */
import type { LocalAcademy } from '../runtime/session';
import type { Viewer } from './viewer';

export interface Person {
  label: string;
  kind: Viewer['kind'];
  email: string;
}

const EMPLOYEES = 4;
const REFERENTS = 3;

function column(tab: { header: string[]; rows: unknown[][] } | null, name: string): string[] {
  if (!tab) return [];
  const i = tab.header.indexOf(name);
  return i < 0
    ? []
    : tab.rows.map((r) =>
        String(r[i] ?? '')
          .trim()
          .toLowerCase(),
      );
}

export function people(academy: LocalAcademy, current: Viewer): Person[] {
  const owner = academy.ws.state.owner;
  const out: Person[] = [{ label: `Staff: ${owner}`, kind: 'staff', email: owner }];
  const certified = column(academy.readTab('Attestati'), 'Email');
  const enrolled = column(academy.readTab('Iscrizioni'), 'Email');
  const employees = [...new Set([...certified.slice(0, 2), ...enrolled.reverse()])].filter((e) =>
    e.includes('@comune.'),
  );
  for (const email of employees.slice(0, EMPLOYEES))
    out.push({ label: `Dipendente: ${email}`, kind: 'employee', email });
  for (const email of column(academy.readTab('Comuni'), 'Email referente')
    .filter((e) => e !== '')
    .slice(0, REFERENTS))
    out.push({ label: `Referente: ${email}`, kind: 'referent', email });
  if (!out.some((p) => p.kind === current.kind && p.email === current.email))
    out.push({
      label: `${current.kind === 'staff' ? 'Staff' : current.kind === 'employee' ? 'Dipendente' : 'Referente'}: ${current.email}`,
      ...current,
    });
  return out;
}
