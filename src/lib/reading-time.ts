import { visit, SKIP } from 'unist-util-visit';
import type { Root } from 'mdast';
import { markdownToMdast, mdxToMdast } from 'satteri';

/**
 * The one word count of a post: the proof sheet's "Length" and the site's "4 min read"
 * both come from `bodyWords`. It parses with Sätteri, the site's own Markdown processor
 * (about 0.1 ms a post, so the build can count every post on every run).
 */

/** Text of the body that counts as prose: no code, imports, expressions or raw HTML. */
export function proseText(tree: Root): string {
  const parts: string[] = [];
  visit(tree, (node) => {
    const t = node.type as string;
    if (t === 'code' || t === 'html' || t === 'mdxjsEsm' || t === 'mdxFlowExpression' || t === 'mdxTextExpression') return SKIP;
    if (t === 'text' || t === 'inlineCode') parts.push((node as { value: string }).value);
    if (t === 'paragraph' || t === 'heading' || t === 'listItem' || t === 'tableCell') parts.push(' ');
    return undefined;
  });
  return parts.join(' ');
}

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

export const countWords = (text: string) => (text.match(WORD) ?? []).length;

/** The body as a tree without positions: MDX, or plain Markdown when it is not valid MDX. */
function bodyTree(body: string): Root {
  try {
    return mdxToMdast(body, { position: false }) as unknown as Root;
  } catch {
    return markdownToMdast(body, { position: false }) as unknown as Root;
  }
}

/** Words of prose in a post body (Markdown or MDX source; front matter removed or blanked). */
export const bodyWords = (body: string) => countWords(proseText(bodyTree(body)));

/** Words a minute for reading time; a common figure for adults reading on screen. */
export const WORDS_PER_MINUTE = 230;

/** Whole minutes, at least one for any text at all. */
export const readingMinutes = (words: number) => (words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE)));

/** "4 min read"; nothing for an empty body. */
export const readingTimeLabel = (minutes: number): string | undefined => (minutes > 0 ? `${minutes} min read` : undefined);
