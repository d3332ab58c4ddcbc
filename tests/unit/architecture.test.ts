import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The shape the code keeps, as docs/ARCHITECTURE.md describes it: functions short enough to
 * read in one go; content/ read only through content-files; the disk touched only by the
 * modules the document lists; the floors of src/ (lib → site helpers → data → components
 * → pages) imported downwards only; no import cycle.
 */

const ROOT = process.cwd();
const rel = (path: string) => relative(ROOT, path).split('\\').join('/');

function sources(dir: string, pattern = /\.(ts|mts|mjs)$/): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path, pattern));
    else if (pattern.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const files = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'scripts'))];
/** .ts and .astro files of src/, by project-relative path. */
const srcFiles = sources(join(ROOT, 'src'), /\.(ts|mts|mjs|astro)$/).map(rel);

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
        found.push(`${rel(path)}:${start + 1} ${name}: ${lines} lines`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The code of a file: a .astro file's front matter script, or the whole file. */
function codeOf(path: string): string {
  const text = readFileSync(join(ROOT, path), 'utf8');
  if (!path.endsWith('.astro')) return text;
  return /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
}

/** Module specifiers a file imports or re-exports (type-only imports included: they bind the floors too). */
function importsOf(path: string): string[] {
  const source = ts.createSourceFile(path, codeOf(path), ts.ScriptTarget.Latest, true);
  return source.statements.flatMap((s) =>
    (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier) ? [s.moduleSpecifier.text] : [],
  );
}

const EXTENSIONS = ['', '.ts', '.mts', '.mjs', '.astro', '/index.ts'];
const known = new Set(srcFiles);

/** A relative specifier resolved to a project-relative src/ file, or undefined (packages, virtual modules). */
function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = rel(join(ROOT, dirname(from), spec));
  return EXTENSIONS.map((e) => `${base}${e}`).find((p) => known.has(p)) ?? (base.startsWith('src/') ? base : undefined);
}

const graph = new Map(srcFiles.map((f) => [f, importsOf(f).flatMap((s) => resolveImport(f, s) ?? [])]));
const under = (folder: string) => (path: string) => path.startsWith(`${folder}/`);

/** Imports from files matching `from` into files matching `to`, as "a imports b". */
function crossings(from: (path: string) => boolean, to: (path: string) => boolean): string[] {
  return [...graph].flatMap(([file, targets]) => (from(file) ? targets.filter(to).map((t) => `${file} imports ${t}`) : []));
}

/** The files (or folders, ending in "/") a section of docs/ARCHITECTURE.md lists, one a line: "- `src/…`". */
function documentedFiles(heading: string): string[] {
  const doc = readFileSync(join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');
  const start = doc.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`docs/ARCHITECTURE.md has no "## ${heading}" section`);
  const end = doc.indexOf('\n## ', start + 1);
  return [...doc.slice(start, end < 0 ? undefined : end).matchAll(/^- `(src\/[^`\s]+)`/gm)].map((m) => m[1]!);
}

describe('code shape', () => {
  it('no function in src/ or scripts/ is longer than 100 lines', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((f) => longFunctions(f, 100))).toEqual([]);
  });

  it('has no import cycle in src/', () => {
    // Tarjan's strongly connected components: any with two or more files is a cycle.
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const cycles: string[][] = [];
    let next = 0;
    const connect = (v: string) => {
      index.set(v, next);
      low.set(v, next++);
      stack.push(v);
      for (const w of graph.get(v) ?? []) {
        if (!graph.has(w)) continue;
        if (!index.has(w)) {
          connect(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
      if (low.get(v) !== index.get(v)) return;
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    };
    for (const v of graph.keys()) if (!index.has(v)) connect(v);
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('src/lib/schemas.ts')).toContain('src/lib/comment-address.ts'); // imports resolve
    expect(cycles).toEqual([]);
  });
});

describe('floors of src/', () => {
  const lib = under('src/lib');
  const site = under('src/lib/site');
  const shared = (p: string) => lib(p) && !site(p);

  it('src/lib never imports the data layer, components, pages or Astro content', () => {
    expect(crossings(lib, (t) => !t.startsWith('src/lib/') && !t.startsWith('src/site.config'))).toEqual([]);
    expect(srcFiles.filter(lib).filter((f) => importsOf(f).some((s) => s.startsWith('astro:')))).toEqual([]);
  });

  it('the shared rules and the tool folders never import the site helpers (src/lib/site/)', () => {
    expect(crossings(shared, site)).toEqual([]);
  });

  it('src/data/ never imports components', () => {
    expect(crossings(under('src/data'), under('src/components'))).toEqual([]);
  });

  it('import and export do not import each other', () => {
    expect([...crossings(under('src/lib/import'), under('src/lib/export')), ...crossings(under('src/lib/export'), under('src/lib/import'))]).toEqual([]);
  });

  it("only src/data/ calls Astro's getCollection", () => {
    const callers = srcFiles.filter((f) => /\bgetCollection\s*\(/.test(codeOf(f)));
    expect(callers.length).toBeGreaterThan(0);
    expect(callers.filter((f) => !f.startsWith('src/data/'))).toEqual([]);
  });
});

describe('the disk', () => {
  const DISK = /^(node:)?(fs|fs\/promises|child_process)$/;
  const touching = srcFiles.filter((f) => f.startsWith('src/lib/') && importsOf(f).some((s) => DISK.test(s))).sort();

  it('in src/lib, only the modules docs/ARCHITECTURE.md lists touch the disk or run programs', () => {
    expect(touching.length).toBeGreaterThan(5);
    const listed = documentedFiles('File system and git');
    expect(listed.length).toBeGreaterThan(3);
    const expand = (path: string) => (path.endsWith('/') ? touching.filter((f) => f.startsWith(path)) : [path]);
    expect(touching).toEqual([...new Set(listed.flatMap(expand))].sort());
  });

  it('nothing outside content-files reads content/: the model and the tools that read the blog go through it', () => {
    const readers = ['src/lib/model/', 'src/lib/search/', 'src/lib/export/', 'src/lib/proofread/checks/', 'src/lib/tools/'];
    expect(touching.filter((f) => readers.some((r) => f.startsWith(r)))).toEqual([]);
  });
});

describe('the tests', () => {
  const spawning = (folder: string) =>
    sources(join(ROOT, folder)).map(rel).filter((f) => importsOf(f).some((s) => /^(node:)?child_process$/.test(s)));

  it('unit tests run in-process: commands are run by tests/cli/ (the proof sheet\'s git tests only make a scratch repository)', () => {
    expect(spawning('tests/unit')).toEqual(['tests/unit/proofread/cli.test.ts']);
    expect(spawning('tests/cli').length).toBeGreaterThan(3);
  });

  it('every test that builds a site builds it with tests/fixture-site.ts', () => {
    const builders = sources(join(ROOT, 'tests')).map(rel).filter((f) => /['"]astro['"],\s*['"]build['"]/.test(codeOf(f)) && !f.endsWith('architecture.test.ts'));
    // tests/incremental/ starts and kills builds of a generated project of its own (issue 18's mutation test).
    expect(builders.filter((f) => !f.startsWith('tests/incremental/'))).toEqual(['tests/fixture-site.ts']);
  });
});

