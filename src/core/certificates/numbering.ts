/** Certificate numbers `A4PA-<anno>-NNNNN`: sequential per year, never reused. */

const NUMBER = /^A4PA-(\d{4})-(\d{5,})$/;

export function formatCertificateNumber(year: number, seq: number): string {
  return `A4PA-${year}-${String(seq).padStart(5, '0')}`;
}

export function parseCertificateNumber(text: string): { year: number; seq: number } | null {
  const m = NUMBER.exec(text.trim());
  return m ? { year: Number(m[1]), seq: Number(m[2]) } : null;
}

/**
 * The highest sequence ever issued for a year: the larger of what the tab shows and what was recorded
 * elsewhere (Script Properties), so a number whose row was deleted is never issued again.
 */
export function highestIssued(year: number, numbers: readonly string[], recorded: number): number {
  let high = Math.max(0, Math.floor(recorded) || 0);
  for (const n of numbers) {
    const p = parseCertificateNumber(n);
    if (p && p.year === year) high = Math.max(high, p.seq);
  }
  return high;
}
