import { describe, expect, it } from 'vitest';
import { keptBundleName, planKeptBundle, recordsDigest, unusedFiles, type BundleSettings } from '../../../src/lib/search/bundle';
import { searchRecords, threadInputKey, type RecordMemo } from '../../../src/lib/search/make-records';
import type { CommentThreadRecord, SearchDocument } from '../../../src/lib/search/records';
import type { SearchSource, SourceCommentFile } from '../../../src/lib/search/source';

const settings: BundleSettings = { pagefindVersion: '1.6.0', indexOptions: {} };
const doc = (url: string, html: string): SearchDocument => ({ url, html });

describe('the bundle digest: a digest of its own records', () => {
  const a = doc('/2013/04/a.html', '<main>Jail</main>');
  const b = doc('/2013/04/b.html', '<main>Prison</main>');
  const base = recordsDigest([a, b], settings);

  it('is the same for the same records, in any order', () => {
    expect(recordsDigest([b, a], settings)).toBe(base);
    expect(recordsDigest([doc(a.url, a.html), doc(b.url, b.html)], settings)).toBe(base);
  });

  it('changes with any byte of any record, a record more or less, or how they are indexed', () => {
    const changed = [
      recordsDigest([a, doc(b.url, '<main>Prison.</main>')], settings),
      recordsDigest([a, doc('/2013/04/c.html', b.html)], settings),
      recordsDigest([a], settings),
      recordsDigest([a, b, doc('/x.html', '')], settings),
      // Where one record ends and the next begins is part of the digest.
      recordsDigest([doc(a.url, `${a.html}/2013/04/b.html`), doc(b.url, '')], settings),
      recordsDigest([a, b], { ...settings, pagefindVersion: '1.7.0' }),
      recordsDigest([a, b], { ...settings, indexOptions: { forceLanguage: 'en' } }),
    ];
    for (const digest of changed) expect(digest).not.toBe(base);
    expect(new Set(changed).size).toBe(changed.length);
  });
});

describe('the reuse decision', () => {
  const digest = 'ab'.repeat(32);

  it('reuses the kept bundle of the same digest and drops older ones of the same kind only', () => {
    const kept = [keptBundleName('comments', digest), `comments-${'cd'.repeat(16)}`, `comments-${'ef'.repeat(16)}.partial-12`, `posts-${'cd'.repeat(16)}`, 'records-x.json', 'unrelated'];
    expect(planKeptBundle('comments', digest, kept)).toEqual({
      reuse: true,
      keep: keptBundleName('comments', digest),
      stale: [`comments-${'cd'.repeat(16)}`, `comments-${'ef'.repeat(16)}.partial-12`],
    });
  });

  it('rebuilds when only other digests are kept, or nothing, or a partial one', () => {
    expect(planKeptBundle('posts', digest, [`posts-${'cd'.repeat(16)}`]).reuse).toBe(false);
    expect(planKeptBundle('posts', digest, []).reuse).toBe(false);
    expect(planKeptBundle('posts', digest, [`${keptBundleName('posts', digest)}.partial-9`]).reuse).toBe(false);
  });
});

describe('unused bundle files', () => {
  it('drops the UIs, and the stemmer-less WASM only when every language has its own', () => {
    expect(unusedFiles('{"languages":{"en":{"wasm":"en"}}}')).toContain('wasm.unknown.pagefind');
    expect(unusedFiles('{"languages":{"en":{"wasm":"en"},"x":{"wasm":null}}}')).not.toContain('wasm.unknown.pagefind');
    expect(unusedFiles('{}')).toContain('pagefind-ui.js');
  });
});

describe('comment-thread records made once and kept by the digest of their input', () => {
  const facts = { id: '2013/04/a', url: '/2013/04/a.html', title: 'A post', author: 'Roy', year: '2013', labels: ['jails'], date: '2013-04-02T08:00:00-04:00' };
  const comment = (bodyHtml: string) => ({
    id: 'blogger:1',
    parentId: null,
    published: '2013-04-03T09:00:00-04:00',
    author: { name: 'Reader', role: 'reader' as const, identity: 'guest' as const },
    bodyHtml,
    status: 'visible' as const,
    source: { system: 'blogger-classic' as const, file: 'x.xml', id: 'c1', postRef: 'p' },
  });
  const file = (sha256: string, body: string): SourceCommentFile => ({
    file: 'comments/2013/04/a.json',
    sha256,
    count: 1,
    post: facts,
    read: () => ({ schemaVersion: 1, post: facts.id, postSourceIds: [], comments: [comment(body)] }) as never,
  });
  const source = (files: SourceCommentFile[]): SearchSource => ({ postRecords: [], commentFiles: files, handles: { roy: 'Roy' } });
  const memo = () => {
    const map = new Map<string, CommentThreadRecord>();
    const made: string[] = [];
    const m: RecordMemo = { get: (k) => map.get(k), set: (k, r) => void (made.push(k), map.set(k, r)) };
    return { m, made };
  };

  it('gives the same records with or without a memo, and makes only what changed', () => {
    const { m, made } = memo();
    const first = searchRecords(source([file('aa', 'First.')]), m);
    expect(first).toEqual(searchRecords(source([file('aa', 'First.')])));
    expect(searchRecords(source([file('aa', 'First.')]), m)).toEqual(first);
    expect(made).toHaveLength(1);
    const edited = searchRecords(source([file('bb', 'Edited.')]), m);
    expect(made).toHaveLength(2);
    expect(edited.commentThreads[0]!.html).toContain('Edited.');
  });

  it('has keys that change with the bytes, the file, every shown fact of the post and the handles', () => {
    const f = file('aa', 'x');
    const keys = [
      threadInputKey(f, { roy: 'Roy' }),
      threadInputKey({ ...f, sha256: 'bb' }, { roy: 'Roy' }),
      threadInputKey({ ...f, file: 'comments/2013/04/b.json' }, { roy: 'Roy' }),
      threadInputKey({ ...f, post: { ...facts, title: 'Retitled' } }, { roy: 'Roy' }),
      threadInputKey({ ...f, post: { ...facts, labels: [] } }, { roy: 'Roy' }),
      threadInputKey({ ...f, post: { ...facts, author: 'Dinah' } }, { roy: 'Roy' }),
      threadInputKey(f, { roy: 'Roy D.' }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(threadInputKey(f, { roy: 'Roy', dinah: 'Dinah' })).toBe(threadInputKey(f, { dinah: 'Dinah', roy: 'Roy' }));
  });
});
