/** What the public verification page may show of a certificate's holder: initials only. */

/** "Anna Maria" "De Luca" → "A. M. D. L."; '' when there is no name. */
export function initials(firstName: string, lastName: string): string {
  return `${firstName} ${lastName}`
    .split(/[\s'’-]+/)
    .map((w) => w.trim())
    .filter((w) => w.length > 0)
    .map((w) => `${(w[0] as string).toLocaleUpperCase('it-IT')}.`)
    .join(' ');
}

/** A code as someone may type it (spaces, dashes, lower case) in the generator's canonical form. */
export function canonicalCode(input: string): string {
  return String(input ?? '')
    .replace(/[\s-]+/g, '')
    .toUpperCase();
}
