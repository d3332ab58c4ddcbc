import { visit } from 'unist-util-visit';
import type { Node } from 'unist';
import type { Root } from 'mdast';
import type { Issue } from '../types';
import { isJsx } from '../tree';
import type { Check } from './types';

/**
 * A component used without an import (`<Chart />` with no `import Chart from …`): MDX
 * compiles it to a lookup that fails when the page renders, and the build's error
 * names a chunk, not the post. Here it is reported against the post, with its line.
 */

interface EsmProgram {
  body: Array<{
    type: string;
    source?: { value?: unknown };
    specifiers?: Array<{ local?: { name?: string } }>;
    declaration?: { type: string; id?: { name?: string }; declarations?: Array<{ id?: { type: string; name?: string } }> } | null;
  }>;
}

/** The imports of an `import …`/`export …` block: where from, and the names they bind. */
export function importsOf(node: Node): Array<{ source: string; names: string[] }> {
  const program = (node.data as { estree?: EsmProgram } | undefined)?.estree;
  const out: Array<{ source: string; names: string[] }> = [];
  for (const statement of program?.body ?? []) {
    if (typeof statement.source?.value !== 'string') continue;
    const names = (statement.specifiers ?? []).map((s) => s.local?.name).filter((n): n is string => !!n);
    out.push({ source: statement.source.value, names });
  }
  return out;
}

/** Every name an ESM block binds: imports, and `export const X` / `export function X`. */
export function namesBoundBy(node: Node): string[] {
  const program = (node.data as { estree?: EsmProgram } | undefined)?.estree;
  const names = importsOf(node).flatMap((i) => i.names);
  for (const statement of program?.body ?? []) {
    const d = statement.declaration;
    if (!d) continue;
    if (d.id?.name) names.push(d.id.name);
    for (const v of d.declarations ?? []) if (v.id?.type === 'Identifier' && v.id.name) names.push(v.id.name);
  }
  return names;
}

/** The name a JSX tag looks up, when it is a component rather than an HTML element. */
export function componentName(tag: string | null): string | undefined {
  if (!tag) return undefined; // <>fragment</>
  const root = tag.split('.')[0]!;
  return tag.includes('.') || /^\p{Lu}/u.test(root) ? root : undefined;
}

/** Components every post can use without an import: the keys of src/components/mdx-components.ts. */
export const PROVIDED_COMPONENTS: readonly string[] = ['VideoEmbed'];

export interface UndefinedComponent {
  /** The tag as written ("Chart", "Fancy.Box") and the name it looks up ("Chart", "Fancy"). */
  tag: string;
  name: string;
  line?: number;
  column?: number;
}

/** Components an MDX tree uses that nothing defines. */
export function undefinedComponents(tree: Root, provided: Iterable<string>): UndefinedComponent[] {
  const defined = new Set(provided);
  visit(tree, (node) => {
    if ((node.type as string) === 'mdxjsEsm') for (const name of namesBoundBy(node)) defined.add(name);
  });
  const found: UndefinedComponent[] = [];
  visit(tree, (node) => {
    if (!isJsx(node)) return;
    const name = componentName(node.name);
    if (name !== undefined && !defined.has(name)) found.push({ tag: node.name!, name, line: node.position?.start.line, column: node.position?.start.column });
  });
  return found;
}

export const componentsCheck: Check = {
  rule: 'components',
  run({ doc, ctx }) {
    return undefinedComponents(doc.tree, ctx.providedComponents).map(({ tag: tagName, name, line, column }): Issue => ({
      severity: 'error',
      kind: 'mdx',
      line,
      column,
      subject: name,
      message: `<${tagName}> is used but never imported, so the site will not build.`,
      fix: `Add an import line at the top of the post, e.g. import ${name} from '…/components/${name}.astro'; (copy it from a post that uses it)${ctx.providedComponents.size ? `, or use one of the components every post has: ${[...ctx.providedComponents].join(', ')}` : ''}.`,
    }));
  },
};
