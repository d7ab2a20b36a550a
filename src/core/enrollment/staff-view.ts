/**
 * The course view's rules for staff: which actions an enrollment offers, and who a `Da verificare`
 * request may belong to. A request from an unknown address keeps, in its `Note`, the name and comune
 * the person typed in the form; suggestions are ranked on those first and on the e-mail after, and each
 * says where it differs from what was typed, so staff never link a stranger by one click.
 */
import { normalizeKey } from '../text';
import type { EmployeeInfo } from './types';

export type EnrollmentAction = 'confirm' | 'cancel' | 'promote';

export function actionsFor(status: string): EnrollmentAction[] {
  switch (status) {
    case 'Da verificare':
      return ['confirm', 'cancel'];
    case 'In attesa':
      return ['promote', 'cancel'];
    case 'Confermata':
    case 'In approvazione':
      return ['cancel'];
    default:
      return [];
  }
}

/** What the person typed in the form about themselves. */
export interface TypedPerson {
  firstName: string;
  lastName: string;
  comune: string;
}

const TYPED_MARK = 'Indicati nel modulo:';

function clean(text: string): string {
  return text
    .replace(/[«»\r\n]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The sentence a `Da verificare` row keeps in `Note` (staff read it in the sheet too). */
export function typedPersonNote(p: TypedPerson): string {
  const name = clean(`${p.firstName} ${p.lastName}`) || '(non indicato)';
  return `${TYPED_MARK} nome «${name}», comune «${clean(p.comune) || '(non indicato)'}».`;
}

/** The typed name and comune back from a row's `Note` (null when the row has none). */
export function typedPersonFrom(notes: string): { name: string; comune: string } | null {
  const m = /Indicati nel modulo: nome «([^»]*)», comune «([^»]*)»/.exec(notes);
  if (!m) return null;
  const unknown = (s: string): string => (s === '(non indicato)' ? '' : s);
  return { name: unknown(m[1] ?? ''), comune: unknown(m[2] ?? '') };
}

function tokens(text: string): string[] {
  return normalizeKey(text)
    .split(/[^a-z]+/)
    .filter((t) => t.length >= 3);
}

export interface Candidate {
  id: string;
  label: string;
  /** Where the employee differs from what the person typed ([] when name and comune agree). */
  differences: string[];
}

const CANDIDATES_SHOWN = 5;

/**
 * Employees who may be the person behind an unknown e-mail, best first: the typed name (both parts
 * score most) and comune, then a name or surname found in the e-mail's local part, then the same mail
 * domain (the same comune's server).
 */
export function candidatesFor(
  email: string,
  typed: { name: string; comune: string } | null,
  employees: readonly EmployeeInfo[],
): Candidate[] {
  const [local = '', domain = ''] = email.toLowerCase().split('@');
  const inMail = new Set(tokens(local));
  const typedName = new Set(tokens(typed?.name ?? ''));
  const typedComune = normalizeKey(typed?.comune ?? '');
  const scored: Array<{ e: EmployeeInfo; score: number; differences: string[] }> = [];
  for (const e of employees) {
    const first = tokens(e.firstName);
    const last = tokens(e.lastName);
    let score = 0;
    const firstTyped = first.some((t) => typedName.has(t));
    const lastTyped = last.some((t) => typedName.has(t));
    if (firstTyped) score += 3;
    if (lastTyped) score += 4;
    const sameComune = typedComune !== '' && normalizeKey(e.comune) === typedComune;
    if (sameComune) score += 2;
    for (const t of [...first, ...last]) if (inMail.has(t)) score += 2;
    if (domain !== '' && e.email.toLowerCase().endsWith(`@${domain}`)) score += 1;
    if (score < 2 || (typedName.size > 0 && !firstTyped && !lastTyped && score < 4)) continue;
    const differences: string[] = [];
    if (typedName.size > 0 && !(firstTyped && lastTyped))
      differences.push(`nome diverso da quello indicato («${typed?.name ?? ''}»)`);
    if (typedComune !== '' && !sameComune)
      differences.push(`comune diverso da quello indicato («${typed?.comune ?? ''}»)`);
    scored.push({ e, score, differences });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.e.lastName.localeCompare(b.e.lastName, 'it'))
    .slice(0, CANDIDATES_SHOWN)
    .map(({ e, differences }) => ({
      id: e.id,
      label: `${e.lastName} ${e.firstName} (${e.id}, ${e.comune}) ${e.email}`,
      differences,
    }));
}
