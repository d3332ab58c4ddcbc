import { visit } from 'unist-util-visit';
import GithubSlugger from 'github-slugger';
import type { Nodes, Root } from 'mdast';

/** Helpers for reading the post's Markdown tree. */

interface JsxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: unknown;
}

export interface JsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
  position?: { start: { line: number; column: number } };
}

export const isJsx = (node: { type: string }): node is JsxElement =>
  node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

/** An attribute of a JSX element: its text, `true` when it is an expression, undefined when absent. */
export function jsxAttribute(node: JsxElement, name: string): string | true | undefined {
  const attr = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!attr) return undefined;
  if (typeof attr.value === 'string') return attr.value;
  if (attr.value === null || attr.value === undefined) return '';
  return true; // {expression}: cannot be read without running the code
}

/** The readable text of a node, as a reader sees it. */
export function textOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') {
    return node.type === 'html' || node.type === 'code' || node.type.startsWith('mdx') ? '' : node.value;
  }
  if (node.type === 'image') return node.alt ?? '';
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

/**
 * The #anchors a page made from this tree has: heading ids exactly as the Markdown
 * processor makes them (github-slugger over the heading text, in order), plus explicit
 * id="…" on HTML elements written in the post.
 */
export function anchorsOfTree(tree: Root): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  visit(tree, (node) => {
    if (node.type === 'heading') anchors.add(slugger.slug(textOf(node)));
    if (isJsx(node) && node.name && /^[a-z]/.test(node.name)) {
      const id = jsxAttribute(node, 'id');
      if (typeof id === 'string' && id) anchors.add(id);
    }
    if (node.type === 'html') for (const m of node.value.matchAll(/\sid\s*=\s*["']([^"']+)["']/g)) anchors.add(m[1]!);
  });
  return anchors;
}
