import { instantOfWallClock } from './format-date';

/**
 * `Utilities.parseDate(text, timeZone, pattern)`: Java's SimpleDateFormat reading the letters scripts
 * use (y M d H h k K m s S a E, quoted literals, Z X z offsets), English month and day names. Text that
 * does not fit the pattern is refused as Java refuses it: `Unparseable date: "…"` (docs/google-behaviour.md,
 * UTIL-PARSE-DATE).
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

type Token = { letter: string; count: number } | { literal: string };

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length;) {
    const ch = pattern[i] as string;
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        tokens.push({ literal: "'" });
        i += 2;
        continue;
      }
      const stop = end < 0 ? pattern.length : end;
      tokens.push({ literal: pattern.slice(i + 1, stop) });
      i = stop + 1;
    } else if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (pattern[j] === ch) j++;
      tokens.push({ letter: ch, count: j - i });
      i = j;
    } else {
      tokens.push({ literal: ch });
      i++;
    }
  }
  return tokens;
}

export function parseDate(text: string, timeZone: string, pattern: string): Date {
  const fail = (): never => {
    throw new Error(`Unparseable date: "${text}"`);
  };
  const f = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, ms: 0 };
  let pm: boolean | null = null;
  let twelveHour = false;
  let offsetMinutes: number | null = null;
  let pos = 0;
  const tokens = tokenize(pattern);
  const number = (count: number, next: Token | undefined): number => {
    const adjacentNumber = next !== undefined && 'letter' in next && /[yMdHhkKmsS]/.test(next.letter);
    const max = adjacentNumber ? count : 10;
    const m = new RegExp(`^[+-]?\\d{1,${Math.max(max, 1)}}`).exec(text.slice(pos));
    if (!m) return fail();
    pos += m[0].length;
    return Number(m[0]);
  };
  const word = (names: string[]): number => {
    const rest = text.slice(pos).toLowerCase();
    const m = /^[a-z]+/.exec(rest);
    const index = m ? names.findIndex((n) => m[0].startsWith(n)) : -1;
    if (!m || index < 0) return fail();
    pos += m[0].length;
    return index;
  };
  tokens.forEach((token, i) => {
    if ('literal' in token) {
      if (!text.startsWith(token.literal, pos)) fail();
      pos += token.literal.length;
      return;
    }
    const next = tokens[i + 1];
    switch (token.letter) {
      case 'y': {
        const y = number(token.count, next);
        f.year = token.count === 2 && y < 100 ? 2000 + y - (y > 50 ? 100 : 0) : y;
        break;
      }
      case 'M':
        f.month = token.count >= 3 ? word(MONTHS) + 1 : number(token.count, next);
        break;
      case 'd':
        f.day = number(token.count, next);
        break;
      case 'H':
      case 'k':
        f.hour = number(token.count, next) % 24;
        break;
      case 'h':
      case 'K':
        f.hour = number(token.count, next) % 12;
        twelveHour = true;
        break;
      case 'm':
        f.minute = number(token.count, next);
        break;
      case 's':
        f.second = number(token.count, next);
        break;
      case 'S':
        f.ms = number(token.count, next);
        break;
      case 'a':
        pm = word(['am', 'pm']) === 1;
        break;
      case 'E':
        word(DAYS);
        break;
      case 'Z':
      case 'X':
      case 'z': {
        const rest = text.slice(pos);
        if (/^Z/.test(rest) && token.letter === 'X') {
          offsetMinutes = 0;
          pos += 1;
          break;
        }
        const m = /^(?:GMT|UTC)?([+-])(\d{2}):?(\d{2})?/.exec(rest);
        if (m) {
          offsetMinutes = (Number(m[2]) * 60 + Number(m[3] ?? 0)) * (m[1] === '-' ? -1 : 1);
          pos += m[0].length;
        } else if (/^(?:GMT|UTC)/.test(rest)) {
          offsetMinutes = 0;
          pos += 3;
        } else fail();
        break;
      }
      default:
        fail();
    }
  });
  if (twelveHour && pm) f.hour += 12;
  if (f.month < 1 || f.month > 12 || f.day < 1 || f.day > 31 || f.minute > 59 || f.second > 59) fail();
  if (offsetMinutes !== null) {
    return new Date(Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.ms) - offsetMinutes * 60_000);
  }
  return new Date(instantOfWallClock(f, timeZone));
}
