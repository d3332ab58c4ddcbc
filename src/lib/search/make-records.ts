import { createHash } from 'node:crypto';
import { postBodyTree } from './post-body';
import { commentThreadRecord, postRecord, type CommentThreadRecord, type SearchDocument } from './records';
import { parseCommentFile, type SearchSource, type SourceCommentFile, type SourcePost } from './source';

/**
 * The search records of the content, made as data before anything is indexed: the index
 * step (src/integrations/pagefind.ts, `indexSearchRecords`) takes a `SearchRecords` and
 * keys each bundle by the digest of its records, whoever computed them.
 *
 * Making a record costs far more than indexing it (a comment thread's text passes the
 * sanitizer), so a `RecordMemo` may hand back a record made by an earlier build from the
 * same input. Its keys are digests of the whole input of one record: the post's file,
 * format, body and shown facts; the comment file's bytes, its post's facts and the
 * authors' handles. The memo itself is kept per version of the code that makes records
 * (record-cache.ts), so a key never outlives its code.
 */

export interface SearchRecords {
  posts: SearchDocument[];
  commentThreads: CommentThreadRecord[];
}

/** Records made earlier, by the digest of their input. */
export interface RecordMemo {
  get(key: string): SearchDocument | CommentThreadRecord | undefined;
  set(key: string, record: SearchDocument | CommentThreadRecord): void;
}

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Everything one post's record is made of. */
export const postInputKey = (post: SourcePost) => `post:${digest([post.file, post.format, post.body, post.facts])}`;

/** Everything one comment thread's record is made of (the file by its bytes' digest). */
export const threadInputKey = (file: SourceCommentFile, handles: Readonly<Record<string, string>>) =>
  `thread:${digest([file.file, file.sha256, file.post, Object.entries(handles).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))])}`;

function makePostRecord(post: SourcePost): SearchDocument {
  let body;
  try {
    body = postBodyTree(post.body, post.format);
  } catch (error) {
    throw new Error(`${post.file}: the body could not be read for search (${(error as Error).message}). Fix the Markdown or MDX.`);
  }
  return postRecord(post.facts, body);
}

function remembered<T extends SearchDocument>(memo: RecordMemo | undefined, key: string, make: () => T | undefined): T | undefined {
  const kept = memo?.get(key) as T | undefined;
  if (kept) return kept;
  const made = make();
  if (made) memo?.set(key, made);
  return made;
}

/** The records of the visible content. Throws naming the file on unreadable input. */
export function searchRecords(source: SearchSource, memo?: RecordMemo): SearchRecords {
  const posts = source.posts.map((post) => remembered(memo, postInputKey(post), () => makePostRecord(post))!);
  const commentThreads = source.commentFiles
    .filter((f) => f.count > 0)
    .flatMap(
      (file) => remembered(memo, threadInputKey(file, source.handles), () => commentThreadRecord(file.post, parseCommentFile(file), source.handles)) ?? [],
    );
  return { posts, commentThreads };
}
