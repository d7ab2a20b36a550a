/**
 * Who can receive the link to their comune's page: a comune needs a six-digit `Codice ISTAT` (the link is
 * signed for it) and an `Email referente` (where it goes). Anyone else is listed with the reason.
 */
import type { Comune } from '../registry/schemas';
import { normalizeKey } from '../text';

export interface ComuneLinkRecipient {
  istat: string;
  comune: string;
  to: string;
}

export interface ComuneLinkRecipients {
  recipients: ComuneLinkRecipient[];
  leftOut: Array<{ comune: string; reason: string }>;
}

const SIX_DIGITS = /^\d{6}$/;

export function comuneLinkRecipients(
  comuni: ReadonlyArray<Pick<Comune, 'istat' | 'name' | 'referentEmail'>>,
): ComuneLinkRecipients {
  const out: ComuneLinkRecipients = { recipients: [], leftOut: [] };
  for (const c of [...comuni].sort((a, b) => a.name.localeCompare(b.name, 'it'))) {
    if (!SIX_DIGITS.test(c.istat)) out.leftOut.push({ comune: c.name, reason: 'senza «Codice ISTAT» di sei cifre' });
    else if (!c.referentEmail) out.leftOut.push({ comune: c.name, reason: 'senza «Email referente»' });
    else out.recipients.push({ istat: c.istat, comune: c.name, to: c.referentEmail });
  }
  return out;
}

/** The comune a staff member typed: by name (case and accents ignored) or by ISTAT code. */
export function findComuneByName<C extends Pick<Comune, 'istat' | 'name'>>(
  comuni: readonly C[],
  typed: string,
): C | undefined {
  const wanted = normalizeKey(typed);
  return comuni.find((c) => normalizeKey(c.name) === wanted || c.istat === wanted);
}
