import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import { isJsx, jsxAttribute, textOf, type JsxElement } from '../tree';

/** The links and images of a post, however written: Markdown, references, HTML or JSX. */

export interface LinkRef {
  url: string;
  line?: number;
  column?: number;
  /** What the reader clicks, for the message. */
  text: string;
}

export interface ImageRef {
  src: string;
  alt: string | undefined | true;
  line?: number;
  column?: number;
  /** How it was written: Markdown ![…](…), or an HTML/JSX tag (where alt="" means decorative). */
  form: 'markdown' | 'tag';
}

export interface References {
  links: LinkRef[];
  images: ImageRef[];
  /** [text][name] with no "[name]: address" line. */
  undefinedRefs: LinkRef[];
}

const cache = new WeakMap<Root, References>();

/** Collected once per tree: the link and the image checks both need them. */
export function collectReferences(tree: Root): References {
  const known = cache.get(tree);
  if (known) return known;
  const refs: References = { links: [], images: [], undefinedRefs: [] };
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node) => {
    definitions.set(node.identifier.toLowerCase(), node.url);
  });
  visit(tree, (node) => {
    const at = { line: node.position?.start.line, column: node.position?.start.column };
    switch (node.type) {
      case 'link':
        refs.links.push({ url: node.url, text: textOf(node), ...at });
        break;
      case 'linkReference':
      case 'imageReference': {
        const url = definitions.get(node.identifier.toLowerCase());
        const text = node.type === 'imageReference' ? (node.alt ?? '') : textOf(node);
        if (url === undefined) refs.undefinedRefs.push({ url: `[${node.label ?? node.identifier}]`, text, ...at });
        else if (node.type === 'linkReference') refs.links.push({ url, text, ...at });
        else refs.images.push({ src: url, alt: node.alt ?? '', form: 'markdown', ...at });
        break;
      }
      case 'image':
        refs.images.push({ src: node.url, alt: node.alt ?? '', form: 'markdown', ...at });
        break;
      case 'html':
        for (const m of node.value.matchAll(/<a\s[^>]*href\s*=\s*["']([^"']*)["']/gi)) refs.links.push({ url: m[1]!, text: '', ...at });
        for (const m of node.value.matchAll(/<img\b[^>]*>/gi)) {
          const src = /\ssrc\s*=\s*["']([^"']*)["']/i.exec(m[0])?.[1] ?? '';
          const alt = /\salt\s*=\s*["']([^"']*)["']/i.exec(m[0])?.[1];
          refs.images.push({ src, alt, form: 'tag', ...at });
        }
        break;
      default:
        if (isJsx(node)) collectJsx(node, refs, at);
    }
  });
  cache.set(tree, refs);
  return refs;
}

function collectJsx(node: JsxElement, refs: References, at: { line?: number; column?: number }) {
  if (node.name === 'a') {
    const href = jsxAttribute(node, 'href');
    if (typeof href === 'string') refs.links.push({ url: href, text: textOf(node as never), ...at });
  }
  if (node.name === 'img' || node.name === 'Image' || node.name === 'Picture') {
    const src = jsxAttribute(node, 'src');
    refs.images.push({ src: typeof src === 'string' ? src : '', alt: jsxAttribute(node, 'alt'), form: 'tag', ...at });
  }
}
