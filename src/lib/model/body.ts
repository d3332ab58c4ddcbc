import type { ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { markdownToHast, mdxToHast } from 'satteri';
import { countWords } from '../reading-time';

/**
 * A post's body, parsed once with Sätteri (the parser that renders the post page) into
 * one hast tree, from which come both its word count (the byline's "4 min read" and the
 * proof sheet's "Length") and the text its search record holds.
 */

export type BodyFormat = 'md' | 'mdx';

/** `.md` is Markdown and `.mdx` is MDX, as the build reads them. */
export const formatOf = (file: string): BodyFormat => (file.endsWith('.md') ? 'md' : 'mdx');

/**
 * The body as hast without positions. A `.mdx` body that is not valid MDX is read as
 * Markdown, so the proof sheet can still count its words (the build reports the error).
 */
export function parseBody(body: string, format: BodyFormat = 'mdx'): Root {
  if (format === 'md') return markdownToHast(body, { position: false }) as unknown as Root;
  try {
    return mdxToHast(body, { position: false }) as unknown as Root;
  } catch {
    return markdownToHast(body, { position: false }) as unknown as Root;
  }
}

type Node = Root | RootContent;

/** MDX code, comments and doctypes: never prose, never searched. */
const CODE = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'comment', 'doctype']);
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'blockquote']);

/** Text of the body that counts as prose: no code blocks, imports, expressions or raw HTML. */
export function proseText(tree: Root): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    const type = node.type as string;
    if (CODE.has(type) || type === 'raw') return;
    if (node.type === 'element' && node.tagName === 'pre') return;
    if (node.type === 'text') parts.push(node.value);
    if ('children' in node) for (const child of node.children as Node[]) walk(child);
    if (node.type === 'element' && BLOCKS.has(node.tagName)) parts.push(' ');
  };
  walk(tree);
  return parts.join(' ');
}

/** Words of prose in a post body (front matter removed or blanked). */
export const bodyWords = (body: string, format: BodyFormat = 'mdx') => countWords(proseText(parseBody(body, format)));

interface MdxJsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
}

const text = (value: string): ElementContent => ({ type: 'text', value });

function titleOf(node: MdxJsxNode): string | undefined {
  const title = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'title')?.value;
  return typeof title === 'string' && title.trim() ? title : undefined;
}

/**
 * The body as its search record holds it. What only the page's code can produce is
 * reduced to the text a reader sees:
 * - MDX imports, exports and {expressions} are dropped (code, not prose);
 * - a component (<VideoEmbed title="…" />) keeps its children, or its title when it has none;
 * - raw HTML in Markdown keeps its text;
 * - images keep their alt text but not their address (Pagefind would take it as the
 *   record's image, which the search page never shows).
 */
export function searchableBody(nodes: readonly Node[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    const type = node.type as string;
    if (CODE.has(type)) continue;
    if (type === 'mdxJsxFlowElement' || type === 'mdxJsxTextElement') {
      const jsx = node as unknown as MdxJsxNode;
      const children = searchableBody(jsx.children ?? []);
      const title = titleOf(jsx);
      out.push(...(children.length > 0 ? children : title ? [text(` ${title} `)] : []));
    } else if (type === 'raw') {
      out.push(text(toText(fromHtml((node as { value: string }).value, { fragment: true }))));
    } else if (node.type === 'element') {
      const properties = node.tagName === 'img' ? { alt: node.properties.alt ?? '' } : node.properties;
      out.push({ ...node, properties, children: searchableBody(node.children) });
    } else if (node.type === 'text') {
      out.push(node);
    }
  }
  return out;
}
