import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../../src/lib/content-files';

/** The importer's shape: import and export never import each other; no function runs over 100 lines. */

const root = process.cwd();
const importFiles = listFiles(join(root, 'src/lib/import'), /\.ts$/);
const exportFiles = listFiles(join(root, 'src/lib/export'), /\.ts$/);
const owned = [...importFiles, ...['scripts/import.ts', 'src/lib/redirects.ts', 'src/lib/slug.ts'].map((f) => join(root, f))];

function importsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  return source.statements.flatMap((s) => (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier) ? [s.moduleSpecifier.text] : []);
}

function longFunctions(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const lines = source.getLineAndCharacterOfPosition(node.end).line - first + 1;
      if (lines > 100) out.push(`${file}:${first + 1} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('the importer\'s boundaries', () => {
  it('import does not import from export, nor export from import', () => {
    expect(importFiles.flatMap((f) => importsOf(f).filter((m) => /(^|\/)export(\/|$)/.test(m)).map((m) => `${f}: ${m}`))).toEqual([]);
    expect(exportFiles.flatMap((f) => importsOf(f).filter((m) => /(^|\/)import(\/|$)/.test(m)).map((m) => `${f}: ${m}`))).toEqual([]);
  });

  it('has no function longer than 100 lines', () => {
    expect(importFiles.length).toBeGreaterThan(15);
    expect(owned.flatMap(longFunctions)).toEqual([]);
  });
});
