/** What the public verification page may show of a certificate's holder: initials only. */
import { displaySafe } from '../text';

/** A word's first letter with the marks that belong to it (one grapheme: "É" typed as E + accent stays whole). */
const FIRST_LETTER = /\p{L}\p{M}*/u;

/**
 * "Anna Maria" "De Luca" → "A. M. D. L."; '' when there is no name. Each initial is a whole letter
 * (never half of a surrogate pair or a bare accent); words without a letter (an emoji) and bidi controls
 * give none.
 */
export function initials(firstName: string, lastName: string): string {
  return displaySafe(`${firstName} ${lastName}`)
    .split(/[\s'’-]+/)
    .map((w) => FIRST_LETTER.exec(w)?.[0] ?? '')
    .filter((letter) => letter.length > 0)
    .map((letter) => `${letter.toLocaleUpperCase('it-IT')}.`)
    .join(' ');
}

/** A code as someone may type it (spaces, dashes, lower case) in the generator's canonical form. */
export function canonicalCode(input: string): string {
  return String(input ?? '')
    .replace(/[\s-]+/g, '')
    .toUpperCase();
}
