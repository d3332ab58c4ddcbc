import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { commentIndexDigest, filesDigest, keptBundleName, planCommentIndex, RECORD_CODE, type CommentIndexInput } from '../../../src/lib/search/comment-index';
import type { SourceCommentFile } from '../../../src/lib/search/source';
import type { PostFacts } from '../../../src/lib/model';

const post = (id: string, title = 'A post'): PostFacts => ({
  id,
  url: `/${id}.html`,
  title,
  author: 'Roy',
  year: '2013',
  labels: ['jails'],
  date: '2013-04-02T08:00:00-04:00',
});
const file = (id: string, text: string, facts = post(id)): SourceCommentFile => ({
  file: `comments/${id}.json`,
  sha256: createHash('sha256').update(text).digest('hex'),
  count: 1,
  post: facts,
  read: () => ({ schemaVersion: 1, post: id, postSourceIds: [], comments: [] }),
});
const input = (files: SourceCommentFile[], extra: Partial<CommentIndexInput> = {}): CommentIndexInput => ({
  commentFiles: files,
  handles: { roy: 'Roy', dinah: 'Dinah' },
  pagefindVersion: '1.6.0',
  codeDigest: 'code-1',
  ...extra,
});

describe('the comment bundle digest', () => {
  const a = file('2013/04/a', '{"comments":[1]}');
  const b = file('2013/04/b', '{"comments":[2]}');
  const base = commentIndexDigest(input([a, b]));

  it('is the same for the same comments, in any file order', () => {
    expect(commentIndexDigest(input([b, a]))).toBe(base);
    expect(commentIndexDigest(input([a, b], { handles: { dinah: 'Dinah', roy: 'Roy' } }))).toBe(base);
  });

  it('changes when a comment, a shown fact of its post, an author handle or Pagefind changes', () => {
    const changed = [
      input([a, file('2013/04/b', '{"comments":[3]}')]),
      input([a]),
      input([a, file('2013/04/b', '{"comments":[2]}', post('2013/04/b', 'A new title'))]),
      input([a, file('2013/04/b', '{"comments":[2]}', { ...post('2013/04/b'), labels: [] })]),
      input([a, b], { handles: { roy: 'Roy D.', dinah: 'Dinah' } }),
      input([a, b], { pagefindVersion: '1.7.0' }),
      input([a, b], { codeDigest: 'code-2' }),
    ].map(commentIndexDigest);
    for (const digest of changed) expect(digest).not.toBe(base);
    expect(new Set(changed).size).toBe(changed.length);
  });

  it("does not read the posts' bodies: they are not part of the input", () => {
    expect(Object.keys(a.post).sort()).toEqual(['author', 'date', 'id', 'labels', 'title', 'url', 'year']);
  });
});

describe('the code digest', () => {
  it('changes with any file of the code that makes records, or its absence', () => {
    const files = RECORD_CODE.map((path) => ({ path, text: `source of ${path}` }));
    const base = filesDigest(files);
    expect(filesDigest(files.map((f) => ({ ...f })))).toBe(base);
    for (const [i] of files.entries()) {
      expect(filesDigest(files.map((f, j) => (j === i ? { ...f, text: `${f.text} changed` } : f)))).not.toBe(base);
      expect(filesDigest(files.map((f, j) => (j === i ? { ...f, text: undefined } : f)))).not.toBe(base);
    }
    expect(RECORD_CODE).toEqual(expect.arrayContaining(['src/lib/search/records.ts', 'src/lib/sanitize.ts', 'package-lock.json']));
  });
});

describe('the reuse decision', () => {
  const digest = 'ab'.repeat(32);

  it('reuses the kept bundle of the same digest and drops the others', () => {
    const plan = planCommentIndex(digest, [keptBundleName(digest), 'comments-old', 'comments-old.partial-12', 'unrelated']);
    expect(plan).toEqual({ reuse: true, keep: keptBundleName(digest), stale: ['comments-old', 'comments-old.partial-12'] });
  });

  it('rebuilds when only other digests are kept, or nothing', () => {
    expect(planCommentIndex(digest, ['comments-old']).reuse).toBe(false);
    expect(planCommentIndex(digest, []).reuse).toBe(false);
    expect(planCommentIndex(digest, [`${keptBundleName(digest)}.partial-9`]).reuse).toBe(false);
  });
});
