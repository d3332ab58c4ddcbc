import { MONTH_NAMES } from '../dates';
import { CONTENT_TYPE, type ContentType } from './plan';

/**
 * Pagefind's result data, shaped for display. Everything here is untrusted text from
 * the index: the page renders it with textContent, and the excerpt (Pagefind's only
 * HTML, <mark> around matched words) is split into parts instead of used as HTML.
 */

/** The fields of Pagefind's `result.data()` that the page reads. */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { element: string; id: string; text?: string; location: number };
}
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  sub_results?: PagefindSubResult[];
}

export interface ExcerptPart {
  text: string;
  marked: boolean;
}

export interface MatchedComment {
  url: string;
  /** The commenter's name as shown on the post ("Anonymous", "Dinah"…). */
  name: string;
  excerpt: ExcerptPart[];
}

export interface ShapedResult {
  kind: ContentType;
  /** Post page, or the post's comments section for comment threads. */
  url: string;
  /** The post's title. */
  title: string;
  /** ISO date-time of the post, when known. */
  date?: string;
  /** "November 29, 2008". */
  dateText?: string;
  author?: string;
  labels: string[];
  excerpt: ExcerptPart[];
  /** Comment threads: the comments that matched, best first, each linking to its anchor. */
  comments: MatchedComment[];
  /** Comment threads: how many comments the post has. */
  commentCount?: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/**
 * Pagefind's excerpt ("…the <mark>bartender</mark> line…") as text parts. Only <mark> and
 * </mark> are understood; any other tag-like text stays literal text, never markup.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const token of excerpt.split(/(<\/?mark>)/i)) {
    const lower = token.toLowerCase();
    if (lower === '<mark>') marked = true;
    else if (lower === '</mark>') marked = false;
    else if (token) {
      const text = decodeEntities(token);
      const last = parts.at(-1);
      if (last && last.marked === marked) last.text += text;
      else parts.push({ text, marked });
    }
  }
  return parts;
}

/** Append `text` to `parts`, joining it to the last part when both are marked alike. */
function push(parts: ExcerptPart[], text: string, marked: boolean): void {
  if (!text) return;
  const last = parts.at(-1);
  if (last && last.marked === marked) last.text += text;
  else parts.push({ text, marked });
}

/**
 * Highlights on words only: Pagefind marks a whole whitespace-delimited token, so
 * "<mark>jails.</mark>" and "<mark>“jail:</mark>" become a marked word with its
 * punctuation beside it, unmarked.
 */
export function markWordsOnly(parts: readonly ExcerptPart[]): ExcerptPart[] {
  const out: ExcerptPart[] = [];
  for (const part of parts) {
    if (!part.marked) {
      push(out, part.text, false);
      continue;
    }
    const [, before = '', word = '', after = ''] = /^([^\p{L}\p{N}]*)([\s\S]*?)([^\p{L}\p{N}]*)$/u.exec(part.text) ?? [];
    push(out, before, false);
    push(out, word, true);
    push(out, after, false);
  }
  return out;
}

/** `parts` without their first `n` characters. */
function dropLeading(parts: readonly ExcerptPart[], n: number): ExcerptPart[] {
  const out: ExcerptPart[] = [];
  let left = n;
  for (const part of parts) {
    const cut = Math.min(left, part.text.length);
    left -= cut;
    push(out, part.text.slice(cut), part.marked);
  }
  return out;
}

/**
 * The excerpt without the title's words it may begin with. A post record starts with its
 * title (records.ts), which Pagefind ends with "." when it has no final punctuation, so an
 * excerpt taken near the start opens with the title's tail ("Changed in the Jails. …")
 * right under the title itself.
 */
export function withoutTitle(parts: readonly ExcerptPart[], title: string): ExcerptPart[] {
  const text = parts.map((p) => p.text).join('');
  const words = title.trim().split(/\s+/).filter(Boolean);
  for (let k = words.length; k >= 1; k--) {
    const tail = words.slice(-k).join(' ');
    if (!text.startsWith(tail)) continue;
    const rest = text.slice(tail.length);
    const end = /^\.?(\s+|$)/.exec(rest);
    if (end) return dropLeading(parts, tail.length + end[0].length);
  }
  return [...parts];
}

/** "2008-11-29T06:47:00-05:00" -> "November 29, 2008" (the date as written, in the blog's zone). */
export function formatResultDate(iso: string | undefined): string | undefined {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!m) return undefined;
  const month = MONTH_NAMES[Number(m[2]) - 1];
  return month ? `${month} ${Number(m[3])}, ${m[1]}` : undefined;
}

/** Heading that starts each comment in a thread record (records.ts); its id is the comment's anchor. */
export const COMMENT_HEADING = 'h2';

/** Meta key of the name shown for the comment with this anchor (records.ts writes it). */
export const commenterMetaKey = (anchor: string) => `name-${anchor}`;

/** How many matched comments a comment-thread result lists. */
export const COMMENTS_PER_RESULT = 3;

export function shapeResult(data: PagefindResultData): ShapedResult {
  const kind: ContentType = data.filters[CONTENT_TYPE]?.includes('comment') ? 'comment' : 'post';
  const date = data.meta.date;
  const count = Number(data.meta.comments);
  const comments =
    kind === 'comment'
      ? (data.sub_results ?? [])
          // Sub-results anchored on a comment's heading (`<h2 id="c…">Name</h2>`); the one
          // without an anchor is the thread as a whole.
          .filter((s) => s.anchor?.id && s.anchor.element.toLowerCase() === COMMENT_HEADING)
          .slice(0, COMMENTS_PER_RESULT)
          .map((s) => ({ url: s.url, name: data.meta[commenterMetaKey(s.anchor!.id)] ?? s.title, excerpt: markWordsOnly(excerptParts(s.excerpt)) }))
      : [];
  const title = data.meta.title?.trim() || data.url;
  return {
    kind,
    url: data.url,
    title,
    date,
    dateText: formatResultDate(date),
    author: data.filters.author?.[0],
    labels: [...(data.filters.label ?? [])].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })),
    excerpt: markWordsOnly(kind === 'post' ? withoutTitle(excerptParts(data.excerpt), title) : excerptParts(data.excerpt)),
    comments,
    commentCount: kind === 'comment' && Number.isInteger(count) && count > 0 ? count : undefined,
  };
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The live result count: "12 posts match “jail”", "3 results: 2 posts and 1 comment thread". */
export function resultSummary(q: string, counts: Record<ContentType, number>, includeComments: boolean): string {
  const posts = counts.post;
  const threads = includeComments ? counts.comment : 0;
  const total = posts + threads;
  const what = q ? ` for “${q}”` : '';
  if (total === 0) return `No results${what}.`;
  if (!includeComments) return `${plural(posts, 'post', 'posts')} found${what}.`;
  return `${plural(total, 'result', 'results')}${what}: ${plural(posts, 'post', 'posts')} and ${plural(threads, 'comment thread', 'comment threads')}.`;
}
