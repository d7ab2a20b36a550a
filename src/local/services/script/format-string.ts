/** Java's `String.format`, which `Utilities.formatString` and `Logger.log` with arguments expose. */

export function formatString(template: string, args: unknown[]): string {
  let next = 0;
  return String(template).replace(
    /%(\d+\$)?([-#+ 0,(]*)(\d+)?(?:\.(\d+))?([sSdifeExXobBc%n])/g,
    (
      match,
      position: string | undefined,
      flags: string,
      width: string | undefined,
      precision: string | undefined,
      conversion: string,
    ) => {
      if (conversion === '%') return '%';
      if (conversion === 'n') return '\n';
      const arg = position ? args[Number(position.slice(0, -1)) - 1] : args[next++];
      let text: string;
      switch (conversion) {
        case 's':
        case 'S':
          text = String(arg);
          if (precision !== undefined) text = text.slice(0, Number(precision));
          if (conversion === 'S') text = text.toUpperCase();
          break;
        case 'd':
        case 'i':
          text = String(Math.trunc(Number(arg)));
          if (flags.includes(',')) text = Number(text).toLocaleString('en-US');
          break;
        case 'f':
          text = Number(arg).toFixed(precision === undefined ? 6 : Number(precision));
          break;
        case 'e':
        case 'E':
          text = Number(arg)
            .toExponential(precision === undefined ? 6 : Number(precision))
            .replace(/e([+-])(\d)$/, 'e$10$2');
          if (conversion === 'E') text = text.toUpperCase();
          break;
        case 'x':
        case 'X':
          text = Math.trunc(Number(arg)).toString(16);
          if (conversion === 'X') text = text.toUpperCase();
          break;
        case 'o':
          text = Math.trunc(Number(arg)).toString(8);
          break;
        case 'b':
        case 'B':
          text = String(arg !== null && arg !== undefined && arg !== false);
          break;
        case 'c':
          text = typeof arg === 'number' ? String.fromCharCode(arg) : String(arg).charAt(0);
          break;
        default:
          return match;
      }
      if (flags.includes('+') && /^[0-9]/.test(text) && /[dfeEi]/.test(conversion)) text = `+${text}`;
      const w = width === undefined ? 0 : Number(width);
      if (text.length < w) {
        if (flags.includes('-')) text = text.padEnd(w, ' ');
        else if (flags.includes('0') && /[dfeEixXo]/.test(conversion)) {
          const sign = /^[+-]/.test(text) ? text[0] : '';
          text = sign + text.slice(sign.length).padStart(w - sign.length, '0');
        } else text = text.padStart(w, ' ');
      }
      return text;
    },
  );
}
