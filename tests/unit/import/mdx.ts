import { compileSync } from '@mdx-js/mdx';
import { markdownToHast, markdownToHtml, markdownToMdast, mdxToHast, mdxToJs } from 'satteri';
import { toText } from 'hast-util-to-text';
import type { Root } from 'hast';

/**
 * Compile imported bodies the way the site does. `.mdx`: with both compilers that
 * matter, Sätteri (what @astrojs/mdx 8 uses to build the site) and @mdx-js/mdx (the
 * reference implementation). `.md`: with Sätteri's Markdown pipeline (Astro's default
 * processor), which must find no raw HTML in it.
 */
export function compileBoth(source: string): void {
  // Astro hands MDX its body without the frontmatter; Sätteri reads frontmatter itself.
  compileSync(source.replace(/^---\n[\s\S]*?\n---\n/, ''));
  mdxToJs(source);
}

/** Raw HTML nodes Sätteri finds in a Markdown source (it would pass them to the page as they are). */
export function rawHtmlIn(source: string): string[] {
  const found: string[] = [];
  const walk = (node: { type: string; value?: string; children?: unknown[] }) => {
    if (node.type === 'html') found.push(String(node.value));
    for (const c of node.children ?? []) walk(c as never);
  };
  walk(markdownToMdast(source) as never);
  return found;
}

/** Renders a `.md` source with Sätteri; throws when it holds raw HTML. */
export function compileMarkdown(source: string): string {
  const raw = rawHtmlIn(source);
  if (raw.length) throw new Error(`raw HTML in Markdown: ${raw.join(' | ')}`);
  return markdownToHtml(source).html;
}

/** Compile a post file by its extension (.md or .mdx). */
export function compilePost(rel: string, source: string): void {
  if (rel.endsWith('.mdx')) compileBoth(source);
  else if (rel.endsWith('.md')) compileMarkdown(source);
  else throw new Error(`${rel}: not a post file`);
}

/** The HTML tree Sätteri builds, for checking elements: MDX unless told it is plain Markdown. */
export const renderedTree = (source: string, format: 'md' | 'mdx' = 'mdx') =>
  (format === 'md' ? markdownToHast(source) : mdxToHast(source)) as unknown as Root;

/** The text a reader would see, from Sätteri's HTML tree. */
export function renderedText(source: string, format: 'md' | 'mdx' = 'mdx'): string {
  return toText(renderedTree(source, format));
}

/** Rendered text with runs of white space made one space, for comparing two renderings word for word. */
export const renderedWords = (source: string, format: 'md' | 'mdx') => renderedText(source, format).replace(/\s+/g, ' ').trim();

export interface RenderedElement {
  tag: string;
  attrs: Record<string, unknown>;
}

/** HTML elements and JSX elements (e.g. <iframe />) with one tag name, as Sätteri builds them. */
export function renderedElements(source: string, tag: string, format: 'md' | 'mdx' = 'mdx'): RenderedElement[] {
  const out: RenderedElement[] = [];
  const walk = (node: { type: string; tagName?: string; name?: string; properties?: Record<string, unknown>; attributes?: { name: string; value: unknown }[]; children?: unknown[] }) => {
    if (node.type === 'element' && node.tagName === tag) out.push({ tag, attrs: node.properties ?? {} });
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === tag) {
      out.push({ tag, attrs: Object.fromEntries((node.attributes ?? []).map((a) => [a.name, a.value])) });
    }
    for (const c of node.children ?? []) walk(c as never);
  };
  walk(renderedTree(source, format) as never);
  return out;
}
