/**
 * The limits the site states and enforces (docs/ARCHITECTURE.md, "Limits"). Each is
 * checked where content comes in (the schemas, the importer, the content check) so that
 * nothing past them reaches a page.
 */

/** Years a post or comment may carry: four digits, as in its address (/YYYY/MM/) and in `<time datetime>`. */
export const MIN_YEAR = 1000;
export const MAX_YEAR = 9999;

export const yearInRange = (year: number) => Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;

/** The year as written ("0999-…" → 999), or of a Date (UTC) when there is no text. */
export function writtenYear(value: string | Date): number {
  if (value instanceof Date) return value.getUTCFullYear();
  const m = /^([+-]?\d+)-/.exec(value.trim());
  return m ? Number(m[1]) : Number.NaN;
}

export const yearMessage = (field: string, value: string | Date) =>
  `${field}: the year ${value instanceof Date ? value.toISOString().slice(0, 4) : value.trim().split('-')[0]} is outside ${MIN_YEAR}–${MAX_YEAR}, the years an address (/YYYY/MM/) can carry; correct the date`;

/** A comment body over this many bytes (UTF-8) is named in a warning at import and by the content check. */
export const LARGE_COMMENT_BYTES = 100 * 1024;

export const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');

export const largeCommentMessage = (where: string, id: string, bytes: number) =>
  `${where}: comment ${id} is ${Math.round(bytes / 1024)} KB (over ${LARGE_COMMENT_BYTES / 1024} KB): it is kept, on a comment page of its own if need be, but check that it is not pasted junk`;

/**
 * Comment paging (Blogger showed 200 comments a page). A page holds at most this many
 * comments, and at most this many bytes of comment bodies, so a post page of any thread
 * stays under 2 MB (docs/ARCHITECTURE.md, "Comment pages").
 */
export const COMMENTS_PER_PAGE = 200;
export const COMMENT_PAGE_BYTES = 400 * 1024;
/** The newest comments a per-post comment feed carries; it links to the post for the rest. */
export const POST_COMMENT_FEED_SIZE = 200;
