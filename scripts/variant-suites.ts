/**
 * The lenient rerun's selection rule (docs/contracts.md, "The lenient rerun"): an integration suite is run
 * again under `A4PA_VARIANT=lenient` when its strict run reached at least one unverified behaviour, that
 * is, a point where the emulator's two answers differ. A suite that reached none runs the same code with
 * the same answers under either variant, so its second run could only repeat the first.
 */

/**
 * Where the notes put behaviours reached by a process before any test file began in its note (a global
 * setup, a process outside Jest): no suite can be cleared of them, so the whole project is rerun.
 */
export const UNATTRIBUTED = '(before any test file)';

/** Each test file named in the notes, with the unverified behaviours its run reached. */
export function reachedBySuite(notes: readonly string[]): Map<string, Set<string>> {
  const bySuite = new Map<string, Set<string>>();
  for (const note of notes) {
    let current: Set<string> | undefined;
    for (const line of note.split('\n')) {
      if (line.startsWith('file ')) {
        const path = line.slice('file '.length);
        current = bySuite.get(path) ?? new Set<string>();
        bySuite.set(path, current);
      } else if (line.startsWith('reached ')) {
        if (current === undefined) {
          current = bySuite.get(UNATTRIBUTED) ?? new Set<string>();
          bySuite.set(UNATTRIBUTED, current);
        }
        current.add(line.slice('reached '.length));
      } else if (line !== '') {
        throw new Error(`Not a line of a reached-behaviour note: "${line}".`);
      }
    }
  }
  return bySuite;
}

/** The integration suites to rerun under `lenient`, sorted; `all` when some behaviour belongs to no suite. */
export function lenientSuites(
  bySuite: ReadonlyMap<string, ReadonlySet<string>>,
  integrationDir: string,
): string[] | 'all' {
  if ((bySuite.get(UNATTRIBUTED)?.size ?? 0) > 0) return 'all';
  return [...bySuite]
    .filter(([path, reached]) => path.startsWith(integrationDir) && reached.size > 0)
    .map(([path]) => path)
    .sort();
}
