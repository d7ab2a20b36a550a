/**
 * A small persistent record of things done once (reminders sent, links used), kept in Script
 * Properties as short digests with an expiry day, chunked under the 9 KB per-value limit. Entries are
 * only needed while the thing they guard can happen again (a session still ahead, a link still valid),
 * so expired ones are pruned on every save and the record stays small at any scale.
 */
import { chunkUtf8, keyDigest } from '../../core/mail/storage';
import { DAY_MS } from '../../core/time/units';
import { readProperty, writeProperties } from '../platform/properties';

const PREFIX = 'a4pa.ledger.';
const CHUNK_BYTES = 8000;

export function epochDay(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

export class Ledger {
  private readonly entries = new Map<string, number>();
  private changed = false;

  private constructor(
    private readonly name: string,
    private chunks: number,
  ) {}

  static open(name: string): Ledger {
    const chunks = Number(readProperty(`${PREFIX}${name}.n`) ?? '0') || 0;
    const ledger = new Ledger(name, chunks);
    let text = '';
    for (let i = 0; i < chunks; i += 1) text += readProperty(`${PREFIX}${name}.${i}`) ?? '';
    for (const item of text.split(',')) {
      const [digest, day] = item.split(':');
      if (digest && day) ledger.entries.set(digest, parseInt(day, 36));
    }
    return ledger;
  }

  has(key: string, nowMs: number): boolean {
    const until = this.entries.get(keyDigest(key));
    return until !== undefined && until >= epochDay(nowMs);
  }

  /** Records `key` until the end of day `untilMs` (inclusive). */
  add(key: string, untilMs: number): void {
    const digest = keyDigest(key);
    const day = epochDay(untilMs);
    if ((this.entries.get(digest) ?? -1) >= day) return;
    this.entries.set(digest, day);
    this.changed = true;
  }

  /** Writes the ledger in one call, when it changed; chunks no longer used are emptied in the same call. */
  save(nowMs: number): void {
    if (!this.changed) return;
    const today = epochDay(nowMs);
    const items: string[] = [];
    for (const [digest, day] of this.entries) if (day >= today) items.push(`${digest}:${day.toString(36)}`);
    const pieces = items.length > 0 ? chunkUtf8(items.join(','), CHUNK_BYTES) : [];
    const values: Record<string, string> = { [`${PREFIX}${this.name}.n`]: String(pieces.length) };
    pieces.forEach((p, i) => (values[`${PREFIX}${this.name}.${i}`] = p));
    for (let i = pieces.length; i < this.chunks; i += 1) values[`${PREFIX}${this.name}.${i}`] = '';
    writeProperties(values);
    this.chunks = pieces.length;
    this.changed = false;
  }
}
