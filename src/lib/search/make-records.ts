import { createHash } from 'node:crypto';
import { commentThreadRecord, type CommentThreadRecord, type SearchDocument } from './records';
import type { SearchSource, SourceCommentFile } from './source';

/**
 * The search records of the content, made as data before anything is indexed: the index
 * step (src/integrations/pagefind.ts, `indexSearchRecords`) takes a `SearchRecords` and
 * keys each bundle by the digest of its records, whoever computed them. The posts'
 * records come from the model (source.ts, `postRecords`); the comment threads' are made
 * here.
 *
 * Making a thread's record costs far more than indexing it (every comment passes the
 * sanitizer), so a `RecordMemo` may hand back a record made by an earlier build from the
 * same input. Its key is a digest of the whole input of one record: the comment file's
 * bytes, its post's shown facts and the authors' handles. The memo itself is kept per
 * version of the code that makes records (src/integrations/record-cache.ts), so a key never outlives its code.
 */

export interface SearchRecords {
  posts: SearchDocument[];
  commentThreads: CommentThreadRecord[];
}

/** Records made earlier, by the digest of their input. */
export interface RecordMemo {
  get(key: string): CommentThreadRecord | undefined;
  set(key: string, record: CommentThreadRecord): void;
}

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Everything one comment thread's record is made of (the file by its bytes' digest). */
export const threadInputKey = (file: Pick<SourceCommentFile, 'file' | 'sha256' | 'post'>, handles: Readonly<Record<string, string>>) =>
  `thread:${digest([file.file, file.sha256, file.post, Object.entries(handles).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))])}`;

function remembered(memo: RecordMemo | undefined, key: string, make: () => CommentThreadRecord | undefined): CommentThreadRecord | undefined {
  const kept = memo?.get(key);
  if (kept) return kept;
  const made = make();
  if (made) memo?.set(key, made);
  return made;
}

/** The records of the visible content. Throws naming the file on unreadable input. */
export function searchRecords(source: SearchSource, memo?: RecordMemo): SearchRecords {
  const commentThreads = source.commentFiles
    .filter((f) => f.count > 0)
    .flatMap((file) => remembered(memo, threadInputKey(file, source.handles), () => commentThreadRecord(file.post, file.read().comments, source.handles)) ?? []);
  return { posts: source.postRecords, commentThreads };
}
