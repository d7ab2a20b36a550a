/**
 * The add-on's one voice: every Italian text a person reads (mails, pages, sidebar, menu, dialogs,
 * messages) addresses them with *Lei*, never *tu* or *voi*, and is gender-neutral ("iscritto/a" is
 * not). This reads the string literals of the sources that produce such text and names each slip.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface VoiceSlip {
  file: string;
  line: number;
  /** The word or form that slipped. */
  form: string;
  text: string;
}

const WORD = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';

/**
 * Forms that speak to one person as *tu* or to several as *voi*. Words that also read as third person
 * or as a noun ("annulla", "usa", "verifica", "date") are left out: they would flag Lei's own text.
 */
const INFORMAL = [
  'ti',
  'tu',
  'tuo',
  'tua',
  'tuoi',
  'tue',
  'hai',
  'sei(?! (?:cifre|mesi|anni|ore|giorni|settimane|corsi|righe|caratteri))',
  'puoi',
  'vuoi',
  'devi',
  'sai',
  'ricevi',
  'entri in',
  '\\p{L}+rai',
  'vi',
  'voi',
  'vostr[oaie]',
  'potete',
  'avete',
  'siete',
  'dovete',
  'volete',
  '\\p{L}+rete',
];

/**
 * Second-person imperatives. A command label (a button or menu item of a few words, such as the fixed
 * «Apri pannello» or «Riprova») names its action by the verb as Google's own menus do; a sentence that
 * tells the reader what to do says it with Lei ("compili", "scelga").
 */
const IMPERATIVES = [
  'clicca',
  'compila',
  'scegli',
  'scrivi',
  'rispondi',
  'premi',
  'seleziona',
  'inserisci',
  'esegui',
  'riprova',
  'apri',
  'riapri',
  'vai',
  'contatta',
  'iscriviti',
  'avvisa',
  'controlla',
  'ricordati',
  'aprilo',
  'aggiungi',
  'indica',
  'emetti',
  'correggi',
  'attendi',
  'ricarica',
  'salvalo',
];

const words = (list: readonly string[]): RegExp => new RegExp(`${WORD}(?:${list.join('|')})${END}`, 'giu');
const INFORMAL_PATTERN = words(INFORMAL);
const IMPERATIVE_PATTERN = words(IMPERATIVES);

/** A text of at most three words without sentence punctuation is a label, not a sentence. */
function isLabel(text: string): boolean {
  return text.trim().split(/\s+/).length <= 3 && !/[.:;!?]/.test(text);
}

/** "iscritto/a", "promossi/e": a gendered word with its other ending after a slash. */
const SLASH_GENDER = /\p{L}{2,}[oiae]\/[aeio](?![\p{L}\p{N}/])/gu;

/** The slips in one text: informal forms and slash endings (a URL or path is no sentence). */
export function slipsIn(text: string): string[] {
  const out = [...text.matchAll(INFORMAL_PATTERN)].map((m) => m[0]);
  // A label quoted in a sentence («Apri con → Fogli Google») is the label's own wording.
  const sentence = text.replace(/«[^»]*»/g, '«»');
  if (!isLabel(text)) out.push(...[...sentence.matchAll(IMPERATIVE_PATTERN)].map((m) => m[0]));
  if (/\s/.test(text)) out.push(...[...text.matchAll(SLASH_GENDER)].map((m) => m[0]));
  return out;
}

/** The texts of a TypeScript source's string literals and template pieces, with their line. */
export function literalsOf(fileName: string, source: string): Array<{ line: number; text: string }> {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true);
  const out: Array<{ line: number; text: string }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      out.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** The visible text of an HTML file, line by line (tags and attributes other than labels left out). */
export function htmlTextsOf(source: string): Array<{ line: number; text: string }> {
  const withoutCode = source.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, (m) => m.replace(/[^\n]/g, ' '));
  return withoutCode.split('\n').flatMap((line, i) => {
    const labels = [...line.matchAll(/\b(?:title|placeholder|aria-label|alt)="([^"]*)"/g)].map((m) => m[1] ?? '');
    const text = line.replace(/<[^>]*>/g, ' ');
    return [text, ...labels].filter((t) => t.trim() !== '').map((t) => ({ line: i + 1, text: t }));
  });
}

export function slipsInSource(file: string, source: string): VoiceSlip[] {
  const texts = file.endsWith('.html') ? htmlTextsOf(source) : literalsOf(file, source);
  return texts.flatMap(({ line, text }) => slipsIn(text).map((form) => ({ file, line, form, text })));
}

/**
 * The sources of what people read: the add-on's server (mails, pages, menu, dialogs, messages) and
 * its sidebar, tests aside. The playground and the CLIs speak for the emulator, not for the add-on.
 */
export const VOICE_ROOTS = ['src/core', 'src/gas', 'sidebar'];

function isVoiceSource(name: string): boolean {
  return (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) || name.endsWith('.html');
}

export function voiceSources(root: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return isVoiceSource(entry.name) ? [path] : [];
    });
  return VOICE_ROOTS.flatMap((r) => walk(join(root, r)))
    .map((p) => relative(root, p))
    .sort();
}

export function voiceSlips(root: string): VoiceSlip[] {
  return voiceSources(root).flatMap((file) => slipsInSource(file, readFileSync(join(root, file), 'utf8')));
}
