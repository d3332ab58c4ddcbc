/**
 * What the Pagefind integration indexes, as pure functions over built HTML.
 *
 * - Posts: each post page (`YYYY/MM/slug.html`) marks its article `data-pagefind-body`, so
 *   Pagefind indexes only title, body and byline; list, label, archive and redirect pages
 *   have no body and are left out.
 * - Comments: one extra record per post with comments, built from the page's comments
 *   section. It carries the post's facets plus `type: comment`, and every comment (`<li
 *   id="c…" data-pagefind-title="Name">`) becomes a Pagefind sub-result linking to its anchor.
 *   One record per thread instead of one per comment keeps the index and the build
 *   smaller (5,000 posts: ~4,700 records instead of ~75,000), while each hit still lands
 *   on the right comment.
 */

/** Post pages, relative to the output folder: `2008/11/slug.html` (not `2008/11/index.html`). */
export function isPostFile(relativePath: string): boolean {
  const p = relativePath.replace(/\\/g, '/');
  return /^\d{4}\/\d{2}\/[^/]+\.html$/.test(p) && !p.endsWith('/index.html');
}

/** Pagefind glob for the post pages (month index pages match too; they have no body). */
export const POST_GLOB = '[0-9][0-9][0-9][0-9]/[0-9][0-9]/*.html';
export const matchesPostGlob = (relativePath: string) => /^\d{4}\/\d{2}\/[^/]+\.html$/.test(relativePath.replace(/\\/g, '/'));

/**
 * A post page must mark exactly one element `data-pagefind-body` (its article): without
 * one Pagefind would silently skip the post, with two it would index more than the post.
 */
export function assertIndexable(relativePath: string, html: string): void {
  const bodies = html.match(/<[a-z][a-z0-9-]*\b[^<>]*\sdata-pagefind-body\b/gi)?.length ?? 0;
  if (bodies !== 1) {
    throw new Error(
      `${relativePath.replace(/\\/g, '/')}: ${bodies} elements with data-pagefind-body, expected 1 ` +
        "(PostArticle.astro marks the article in 'page' mode; nothing else on a post page may).",
    );
  }
}

/** Files Pagefind writes that this site never loads: it has its own small UI. */
const UNUSED_UI_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/**
 * Bundle files to delete after writing, given `pagefind-entry.json`: the UIs, and the
 * stemmer-less `wasm.unknown.pagefind` when every indexed language has its own WASM.
 */
export function unusedFiles(entryJson: string): string[] {
  const entry = JSON.parse(entryJson) as { languages?: Record<string, { wasm?: string | null }> };
  const languages = Object.values(entry.languages ?? {});
  const unknownNeeded = languages.length === 0 || languages.some((l) => !l.wasm);
  return unknownNeeded ? [...UNUSED_UI_FILES] : [...UNUSED_UI_FILES, 'wasm.unknown.pagefind'];
}

export interface CommentThreadRecord {
  /** Root-relative URL of the thread: the post's comments section. */
  url: string;
  /** A small HTML document for Pagefind's addHTMLFile. */
  html: string;
  comments: number;
}

const META_BLOCK = /<div\b[^>]*\bdata-search-meta\b[^>]*>([\s\S]*?)<\/div>/;
const ONLY_SPANS = /^(?:<span\b[^<>]*>[^<]*<\/span>)*$/;
// Ids are unique in a page, so this is the comments section and nothing in a post body.
const COMMENTS_SECTION = /<section\b[^>]*\bid="comments"[^>]*>([\s\S]*?)<\/section>/;
const COMMENT_ITEM = /<li\b[^>]*\bclass="comment[\s"][^>]*>/g;

/**
 * The comment-thread record of one built post page, or undefined when it has no comments.
 * Throws, naming the file, when the page lacks the markers the index relies on.
 */
export function commentThreadRecord(relativePath: string, html: string): CommentThreadRecord | undefined {
  const file = relativePath.replace(/\\/g, '/');
  const section = COMMENTS_SECTION.exec(html)?.[1];
  if (section === undefined) {
    throw new Error(`${file}: no <section id="comments">. Post pages must render Comments.astro (even with no comments).`);
  }
  const items = section.match(COMMENT_ITEM) ?? [];
  if (items.length === 0) return undefined;
  const untitled = items.filter((tag) => !/\sid="[^"]+"/.test(tag) || !/\sdata-pagefind-title="[^"]*\S[^"]*"/.test(tag));
  if (untitled.length > 0) {
    throw new Error(
      `${file}: ${untitled.length} comment(s) without an id or data-pagefind-title (first: ${untitled[0]}). ` +
        'CommentItem.astro must give each <li class="comment"> both, so search hits link to the comment.',
    );
  }
  const meta = META_BLOCK.exec(html)?.[1];
  if (meta === undefined) {
    throw new Error(`${file}: no <div data-search-meta> with the post's search facets. PostArticle.astro renders it in 'page' mode.`);
  }
  if (!ONLY_SPANS.test(meta)) {
    throw new Error(`${file}: the data-search-meta block must hold only <span> elements with text, found: ${meta.slice(0, 200)}`);
  }
  const lang = /<html\b[^>]*\blang="([^"]+)"/.exec(html)?.[1] ?? 'en';
  const doc =
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body><div data-pagefind-body>` +
    `<div hidden data-pagefind-ignore>${meta}<span data-pagefind-filter="type:comment"></span><span data-pagefind-meta="comments:${items.length}"></span></div>` +
    `${section}</div></body></html>`;
  return { url: `/${file}#comments`, html: doc, comments: items.length };
}
