/**
 * Pseudonyms for retention: the same person gets the same pseudonym in every tab and every run, keyed
 * by the academy's secret (HMAC), so distinct-person counts survive anonymisation.
 */
import { personKey, pseudonymEmail, pseudonymId, type PersonRef, type Pseudonym } from '../../core/privacy/retention';
import { normalizeEmail } from '../../core/text';
import { approvalSecret } from '../approval/links';

export class Pseudonyms {
  private readonly memo = new Map<string, Pseudonym>();

  /** `employeeIdByEmail` lets an address seen alone (a log line, a form response) key by the person. */
  constructor(private readonly employeeIdByEmail: ReadonlyMap<string, string> = new Map()) {}

  of(p: PersonRef): Pseudonym {
    const key = personKey(p);
    let out = this.memo.get(key);
    if (!out) {
      const bytes = Utilities.computeHmacSha256Signature(`pseudonym|${key}`, approvalSecret(), Utilities.Charset.UTF_8);
      const digest = bytes
        .slice(0, 6)
        .map((b) => (b & 0xff).toString(16).padStart(2, '0'))
        .join('');
      out = { email: pseudonymEmail(digest), employeeId: pseudonymId(digest) };
      this.memo.set(key, out);
    }
    return out;
  }

  ofEmail(email: string): Pseudonym {
    return this.of({ email, employeeId: this.employeeIdByEmail.get(normalizeEmail(email)) ?? '' });
  }
}
