import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The shape the code keeps (docs/ARCHITECTURE.md): functions short enough to read in one go,
 * and the content-files module as the one way in and out of content/, so import and export
 * never depend on each other.
 */

const ROOT = process.cwd();

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|mts|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const files = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'scripts'))];

function longFunctions(path: string, limit: number): string[] {
  const text = readFileSync(path, 'utf8');
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.end).line;
      const lines = end - start + 1;
      if (lines > limit) {
        const name = node.name?.getText(source) ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText(source) : '(anonymous)');
        found.push(`${relative(ROOT, path)}:${start + 1} ${name}: ${lines} lines`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function importsOf(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  return source.statements.flatMap((s) =>
    (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier) ? [s.moduleSpecifier.text] : [],
  );
}

const resolvesInto = (from: string, spec: string, folder: string) => spec.startsWith('.') && join(from, '..', spec).startsWith(join(ROOT, folder));

describe('code shape', () => {
  it('no function in src/ or scripts/ is longer than 100 lines', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((f) => longFunctions(f, 100))).toEqual([]);
  });

  it('import and export do not import each other', () => {
    const crossings: string[] = [];
    for (const [from, to] of [['src/lib/import', 'src/lib/export'], ['src/lib/export', 'src/lib/import']] as const) {
      for (const file of files.filter((f) => f.startsWith(join(ROOT, from)))) {
        for (const spec of importsOf(file)) if (resolvesInto(file, spec, to)) crossings.push(`${relative(ROOT, file)} imports ${spec}`);
      }
    }
    expect(crossings).toEqual([]);
  });
});
