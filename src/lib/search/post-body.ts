import type { ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { markdownToHast, mdxToHast } from 'satteri';

/**
 * A post's body as a hast tree for its search record, parsed from the post file with
 * Sätteri, the parser that renders the post page (Astro's Markdown and MDX processor).
 * What only the page's code can produce is reduced to the text a reader sees:
 * - MDX imports, exports and {expressions} are dropped (code, not prose);
 * - a component (<VideoEmbed title="…" />) keeps its children, or its title when it has none;
 * - raw HTML in Markdown keeps its text;
 * - images keep their alt text but not their address (Pagefind would take it as the
 *   record's image, which the search page never shows).
 */

type Node = Root | RootContent;

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

function clean(nodes: readonly Node[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    const type = node.type as string;
    if (type === 'mdxjsEsm' || type === 'mdxFlowExpression' || type === 'mdxTextExpression' || type === 'comment' || type === 'doctype') continue;
    if (type === 'mdxJsxFlowElement' || type === 'mdxJsxTextElement') {
      const jsx = node as unknown as MdxJsxNode;
      const children = clean(jsx.children ?? []);
      const title = titleOf(jsx);
      out.push(...(children.length > 0 ? children : title ? [text(` ${title} `)] : []));
    } else if (type === 'raw') {
      out.push(text(toText(fromHtml((node as { value: string }).value, { fragment: true }))));
    } else if (node.type === 'element') {
      const properties = node.tagName === 'img' ? { alt: node.properties.alt ?? '' } : node.properties;
      out.push({ ...node, properties, children: clean(node.children) });
    } else if (node.type === 'text') {
      out.push(node);
    }
  }
  return out;
}

/** The body of a post file (front matter removed) as hast; `format` is the file's extension. */
export function postBodyTree(body: string, format: 'md' | 'mdx'): ElementContent[] {
  const tree = (format === 'mdx' ? mdxToHast(body, { position: false }) : markdownToHast(body, { position: false })) as unknown as Root;
  return clean(tree.children);
}
