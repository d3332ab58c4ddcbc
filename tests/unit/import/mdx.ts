import { compileSync } from '@mdx-js/mdx';
import { mdxToHast, mdxToJs } from 'satteri';
import { toText } from 'hast-util-to-text';
import type { Root } from 'hast';

/**
 * Compile MDX with both compilers that matter: Sätteri (what @astrojs/mdx 8 uses to
 * build the site) and @mdx-js/mdx (the reference implementation, used by the
 * unified processor). Throws with the compiler's message when either refuses.
 */
export function compileBoth(source: string): void {
  // Astro hands MDX its body without the frontmatter; Sätteri reads frontmatter itself.
  compileSync(source.replace(/^---\n[\s\S]*?\n---\n/, ''));
  mdxToJs(source);
}

/** The text a reader would see, from Sätteri's HTML tree. */
export function renderedText(source: string): string {
  return toText(mdxToHast(source) as unknown as Root);
}

/** The HTML tree Sätteri builds, for checking elements. */
export const renderedTree = (source: string) => mdxToHast(source) as unknown as Root;

export interface RenderedElement {
  tag: string;
  attrs: Record<string, unknown>;
}

/** HTML elements and JSX elements (e.g. <iframe />) with one tag name, as Sätteri builds them. */
export function renderedElements(source: string, tag: string): RenderedElement[] {
  const out: RenderedElement[] = [];
  const walk = (node: { type: string; tagName?: string; name?: string; properties?: Record<string, unknown>; attributes?: { name: string; value: unknown }[]; children?: unknown[] }) => {
    if (node.type === 'element' && node.tagName === tag) out.push({ tag, attrs: node.properties ?? {} });
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === tag) {
      out.push({ tag, attrs: Object.fromEntries((node.attributes ?? []).map((a) => [a.name, a.value])) });
    }
    for (const c of node.children ?? []) walk(c as never);
  };
  walk(mdxToHast(source) as never);
  return out;
}
