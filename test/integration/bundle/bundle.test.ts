/**
 * The shape of dist/Code.js that Apps Script depends on: only delegating function declarations and the
 * one bundle variable at the top level (anything else top-level would be callable by any sidebar user),
 * a classic script with no module syntax, and nothing of the local emulator inside.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { ensureBuild } from '../../../src/local/cli/ensure-build';
import { LocalAcademy } from '../../../src/local/runtime/session';
import { uiState } from '../../../src/local/services/spreadsheet';

const BUNDLE = resolve(__dirname, '../../../dist/Code.js');
const GLOBAL = '__academy';

let code: string;
let source: ts.SourceFile;

beforeAll(() => {
  ensureBuild();
  code = readFileSync(BUNDLE, 'utf8');
  source = ts.createSourceFile('Code.js', code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
});

/** `function f(...args) { return __academy.f(...args); }` and nothing else. */
function delegatedName(node: ts.FunctionDeclaration): string | null {
  const name = node.name?.text;
  const [param, ...moreParams] = node.parameters;
  const [statement, ...moreStatements] = node.body?.statements ?? [];
  if (!name || !param || moreParams.length > 0 || !param.dotDotDotToken || moreStatements.length > 0) return null;
  if (!statement || !ts.isReturnStatement(statement) || !statement.expression) return null;
  const call = statement.expression;
  if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) return null;
  const target = call.expression;
  if (!ts.isIdentifier(target.expression) || target.expression.text !== GLOBAL || target.name.text !== name)
    return null;
  const [arg, ...moreArgs] = call.arguments;
  if (!arg || moreArgs.length > 0 || !ts.isSpreadElement(arg)) return null;
  return name;
}

describe('dist/Code.js', () => {
  it('has at top level only the bundle variable and functions that delegate to it', () => {
    const variables: string[] = [];
    const functions: string[] = [];
    const others: string[] = [];
    for (const statement of source.statements) {
      if (
        ts.isExpressionStatement(statement) &&
        ts.isStringLiteral(statement.expression) &&
        statement.expression.text === 'use strict'
      )
        continue;
      if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) variables.push(d.name.getText(source));
      } else if (ts.isFunctionDeclaration(statement)) {
        const name = delegatedName(statement);
        if (name) functions.push(name);
        else others.push(`function ${statement.name?.text ?? '?'} does not only delegate`);
      } else {
        others.push(statement.getText(source).slice(0, 80));
      }
    }
    expect(others).toEqual([]);
    expect(variables).toEqual([GLOBAL]);
    expect(functions).toEqual(expect.arrayContaining(['onOpen', 'onInstall']));
    expect(new Set(functions).size).toBe(functions.length);
  });

  it('is a classic script that V8 parses, with no import, export or require anywhere', () => {
    const found: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isExportAssignment(node))
        found.push(node.getText(source).slice(0, 60));
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        if (callee.kind === ts.SyntaxKind.ImportKeyword) found.push('import()');
        if (ts.isIdentifier(callee) && callee.text === 'require') found.push('require()');
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(found).toEqual([]);
    expect(() => new vm.Script(code, { filename: 'Code.js' })).not.toThrow();
  });

  it('bundles nothing of the local emulator nor any Node-only package', () => {
    const modules = [...code.matchAll(/^\s*\/\/ ((?:src|node_modules|sidebar)\/[^\s]+)$/gm)].map((m) => m[1] ?? '');
    expect(modules).toContain('src/gas/main.ts');
    const nodeOnly =
      /^(src\/local\/|sidebar\/|node_modules\/(jspdf|exceljs|ical-generator|nodemailer|mailparser|node-ical|pdfjs-dist|playwright-core|esbuild|tsx)\/)/;
    expect(modules.filter((m) => nodeOnly.test(m))).toEqual([]);
    expect(code).not.toMatch(/["']node:[a-z]/);
  });

  it('exposes the same top-level functions to the runtime as the parser sees', () => {
    const academy = LocalAcademy.fresh({ start: '2027-02-01T09:00:00+01:00' });
    const names = academy.runtime.functionNames().sort();
    const declared = source.statements
      .filter(ts.isFunctionDeclaration)
      .map((f) => f.name?.text ?? '')
      .sort();
    expect(names).toEqual(declared);
  });

  it('shows the Academy4PA menu when onOpen runs as a simple trigger', () => {
    const academy = LocalAcademy.fresh({ start: '2027-02-01T09:00:00+01:00' });
    const before = { ...academy.ws.contractCounts() };
    const result = academy.runtime.run('onOpen', [{ authMode: 'LIMITED' }], { kind: 'simple' });
    expect(result).toMatchObject({ ok: true });
    const menus = uiState(academy.ws, academy.spreadsheetId).menus;
    expect(menus.map((m) => m.title)).toEqual(['Academy4PA']);
    expect(menus[0]?.items.length).toBeGreaterThan(0);
    const after = academy.ws.contractCounts();
    expect(after.Forms + after.Calendar + after.Docs + after.Drive + after.Mail).toBe(
      before.Forms + before.Calendar + before.Docs + before.Drive + before.Mail,
    );
  });
});
