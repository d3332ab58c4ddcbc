import { createHash } from 'node:crypto';
import type { SourceCommentFile } from './source';

/**
 * The archived comments get a Pagefind bundle of their own (dist/pagefind-comments/),
 * built once and kept in Astro's cache folder under the digest of everything its records
 * are made of. A build whose digest matches copies the kept bundle instead of indexing
 * the comments again: editing a post's body never re-indexes them; changing a comment,
 * or the title, author, labels or date of a post with comments (shown on its thread's
 * result), does.
 */

/**
 * The code and dependencies a comment record is made with (from the project root): a
 * change to any of them changes the digest, so a kept bundle never outlives its code.
 */
export const RECORD_CODE = [
  'src/integrations/pagefind.ts',
  'src/lib/search/records.ts',
  'src/lib/search/results.ts',
  'src/lib/search/source.ts',
  'src/lib/model/blog.ts',
  'src/lib/search/comment-index.ts',
  'src/lib/comments.ts',
  'src/lib/comment-address.ts',
  'src/lib/sanitize.ts',
  'src/lib/urls.ts',
  'src/lib/schemas.ts',
  'package-lock.json',
];

/** Folder of the comment bundle in the output, beside Pagefind's own `pagefind/`. */
export const COMMENT_BUNDLE = 'pagefind-comments';

/** Folder under Astro's cacheDir where built comment bundles are kept. */
export const CACHE_FOLDER = 'shrinkrap-search';

export interface CommentIndexInput {
  commentFiles: readonly SourceCommentFile[];
  handles: Readonly<Record<string, string>>;
  /** Pagefind's version: another version may write another bundle format. */
  pagefindVersion: string;
  /** Digest of the RECORD_CODE files. */
  codeDigest: string;
}

/** Hex SHA-256 of what the comment records are built from; order of files does not matter. */
export function commentIndexDigest(input: CommentIndexInput): string {
  const hash = createHash('sha256');
  const update = (value: unknown) => hash.update(`${JSON.stringify(value)}\n`);
  update({ code: input.codeDigest, pagefind: input.pagefindVersion });
  update(Object.entries(input.handles).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const files = [...input.commentFiles].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const f of files) update([f.file, f.sha256, f.post]);
  return hash.digest('hex');
}

/** Digest of the files' contents (a missing file counts as empty). */
export function filesDigest(files: readonly { path: string; text: string | undefined }[]): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f.path}\n${f.text?.length ?? -1}\n`).update(f.text ?? '');
  return hash.digest('hex');
}

/** Name of the kept bundle for a digest (short: it only has to tell builds apart). */
export const keptBundleName = (digest: string) => `comments-${digest.slice(0, 32)}`;

export interface CommentIndexPlan {
  /** Copy the kept bundle instead of indexing the comments. */
  reuse: boolean;
  /** The kept bundle's folder name under the cache folder. */
  keep: string;
  /** Older kept bundles to delete (only the current one is worth keeping). */
  stale: string[];
}

/** What to do, given the digest and the folder names now in the cache folder. */
export function planCommentIndex(digest: string, kept: readonly string[]): CommentIndexPlan {
  const keep = keptBundleName(digest);
  return {
    reuse: kept.includes(keep),
    keep,
    stale: kept.filter((name) => name !== keep && name.startsWith('comments-')),
  };
}
