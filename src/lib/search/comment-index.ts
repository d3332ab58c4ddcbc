/**
 * The archived comments get a Pagefind bundle of their own (dist/pagefind-comments/),
 * built once and kept in Astro's cache folder under the digest of its records
 * (bundle.ts, recordsDigest). A build whose records digest the same copies the kept
 * bundle instead of indexing the comments again: editing a post's body never re-indexes
 * them; changing a comment, the title, author, labels or date of a post with comments
 * (shown on its thread's result), or any code that shapes a record, does.
 */

/** Folder of the comment bundle in the output, beside Pagefind's own `pagefind/`. */
export const COMMENT_BUNDLE = 'pagefind-comments';

/** Folder under Astro's cacheDir where built bundles are kept. */
export const CACHE_FOLDER = 'shrinkrap-search';

/** Kind of the kept comment bundles (their folder names start with it). */
export const COMMENT_KIND = 'comments';
