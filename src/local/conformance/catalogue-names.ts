/**
 * Which emulator tests name their catalogue entry (docs/google-behaviour.md). A test that asserts a
 * Google behaviour names the entry's ID in its own block (`// catalogue: ID`), in its title or in an
 * enclosing describe's title or the comment above it; a test that pins no Google fact (the emulator's host API, call counting,
 * the emulated clock, fault injection) sits in a describe whose title starts with `emulator:`.
 * The test files are read with the TypeScript compiler, so nested describes and `test.each` count as
 * the tests they are, whatever their layout.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

const root = resolve(__dirname, '../../..');

/** The folders whose tests are the emulator's own. */
export const EMULATOR_TEST_DIRS = ['src/local/services', 'src/local/rest', 'src/local/runtime'] as const;

/** Something shaped like a catalogue ID: a service prefix, then upper-case words joined by hyphens. */
const ID_SHAPE =
  /\b(?:SHEETS|FORMS|CAL|DOCS|DRIVE|MAIL|SCRIPT|LOCK|PROPS|UTIL|URLFETCH|HTML|SESSION|QUOTA|REST)(?:-[A-Z0-9]+)+\b/g;

export const EMULATOR_PREFIX = 'emulator:';

export interface EmulatorTest {
  file: string;
  /** The describe titles around the test, outermost first, then the test's own title. */
  path: readonly string[];
  /** The IDs named in the test's block, its title or an enclosing describe's title. */
  ids: readonly string[];
  /** Whether an enclosing describe says the test pins no Google fact. */
  emulatorOnly: boolean;
}

const TEST_NAMES = new Set(['test', 'it']);
const DESCRIBE_NAMES = new Set(['describe']);

/** `test`, `test.each(...)`, `test.only`, `describe.each(...)`…: the base name of the call, if any. */
function calleeBase(expr: ts.Expression): string | null {
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) return calleeBase(expr.expression);
  if (ts.isCallExpression(expr)) return calleeBase(expr.expression);
  if (ts.isTaggedTemplateExpression(expr)) return calleeBase(expr.tag);
  return null;
}

function titleOf(call: ts.CallExpression, source: ts.SourceFile): string {
  const first = call.arguments[0];
  if (!first) return '';
  if (ts.isStringLiteralLike(first)) return first.text;
  return first.getText(source);
}

function idsIn(text: string): string[] {
  return [...new Set(text.match(ID_SHAPE) ?? [])];
}

/** Every test of one file's source, with the IDs it names. */
export function testsOf(file: string, text: string): EmulatorTest[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: EmulatorTest[] = [];
  const visit = (node: ts.Node, titles: readonly string[], outerIds: readonly string[]): void => {
    if (ts.isCallExpression(node)) {
      const base = calleeBase(node.expression);
      if (base && (TEST_NAMES.has(base) || DESCRIBE_NAMES.has(base)) && node.arguments.length >= 2) {
        const title = titleOf(node, source);
        const titleIds = idsIn(title);
        if (TEST_NAMES.has(base)) {
          // The block is the whole call (the comments just above it, its title, table and body), as a reader sees it.
          const blockIds = idsIn(node.getFullText(source));
          found.push({
            file,
            path: [...titles, title],
            ids: [...new Set([...outerIds, ...titleIds, ...blockIds])],
            emulatorOnly: titles.some((t) => t.startsWith(EMULATOR_PREFIX)),
          });
          return;
        }
        // A describe names its entry in its title or in the comment just above it, for every test inside.
        const leading = node.getFullText(source).slice(0, node.getStart(source) - node.getFullStart());
        const describeIds = [...titleIds, ...idsIn(leading)];
        for (const arg of node.arguments.slice(1)) visit(arg, [...titles, title], [...outerIds, ...describeIds]);
        return;
      }
    }
    ts.forEachChild(node, (child) => visit(child, titles, outerIds));
  };
  visit(source, [], []);
  return found;
}

/** The IDs named anywhere in a file's source (comments included). */
export function idsNamedIn(text: string): string[] {
  return idsIn(text);
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every test in the emulator's folders, read from disk. */
export function emulatorTests(): { tests: EmulatorTest[]; sources: Map<string, string> } {
  const sources = new Map<string, string>();
  for (const dir of EMULATOR_TEST_DIRS) {
    for (const path of testFiles(resolve(root, dir)).sort()) {
      sources.set(relative(root, path), readFileSync(path, 'utf8'));
    }
  }
  const tests = [...sources].flatMap(([file, text]) => testsOf(file, text));
  return { tests, sources };
}

/** A test that names no entry and does not say it pins no Google fact. */
export function unnamed(tests: readonly EmulatorTest[]): EmulatorTest[] {
  return tests.filter((t) => t.ids.length === 0 && !t.emulatorOnly);
}
