import { describe, expect, it } from 'vitest';
import { keptBundleName, planKeptBundle, recordsDigest, unusedFiles, type BundleSettings } from '../../../src/lib/search/bundle';
import { postInputKey, searchRecords, threadInputKey, type RecordMemo } from '../../../src/lib/search/make-records';
import type { SearchDocument } from '../../../src/lib/search/records';
import type { SearchSource, SourcePost } from '../../../src/lib/search/source';

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

describe('records made once and kept by the digest of their input', () => {
  const post = (id: string, body: string, title = 'A post'): SourcePost => ({
    facts: { id, url: `/${id}.html`, title, author: 'Roy', year: '2013', labels: ['jails'], date: '2013-04-02T08:00:00-04:00' },
    file: `posts/${id}.md`,
    body,
    format: 'md',
  });
  const source = (posts: SourcePost[]): SearchSource => ({ posts, commentFiles: [], handles: { roy: 'Roy' } });
  const memo = () => {
    const map = new Map<string, SearchDocument>();
    const made: string[] = [];
    const m: RecordMemo = { get: (k) => map.get(k), set: (k, r) => void (made.push(k), map.set(k, r)) };
    return { m, made };
  };

  it('gives the same records with or without a memo, and makes only what changed', () => {
    const { m, made } = memo();
    const posts = [post('2013/04/a', 'About jail.'), post('2013/04/b', 'About prison.')];
    const first = searchRecords(source(posts), m);
    expect(first).toEqual(searchRecords(source(posts)));
    expect(made).toHaveLength(2);
    const edited = [posts[0]!, post('2013/04/b', 'About prison, edited.')];
    const second = searchRecords(source(edited), m);
    expect(made).toHaveLength(3);
    expect(second.posts[1]!.html).toContain('edited');
    expect(second).toEqual(searchRecords(source(edited)));
  });

  it('has keys that change with the body, the format, the file and every shown fact', () => {
    const p = post('2013/04/a', 'About jail.');
    const keys = [
      postInputKey(p),
      postInputKey({ ...p, body: 'About jail!' }),
      postInputKey({ ...p, format: 'mdx' }),
      postInputKey({ ...p, file: 'posts/2013/04/a.mdx' }),
      postInputKey({ ...p, facts: { ...p.facts, title: 'Retitled' } }),
      postInputKey({ ...p, facts: { ...p.facts, labels: [] } }),
      postInputKey({ ...p, facts: { ...p.facts, date: '2013-04-02T09:00:00-04:00' } }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    const file = { file: 'comments/2013/04/a.json', path: '/x', sha256: 'aa', count: 1, post: p.facts };
    const threads = [
      threadInputKey(file, { roy: 'Roy' }),
      threadInputKey({ ...file, sha256: 'bb' }, { roy: 'Roy' }),
      threadInputKey({ ...file, post: { ...p.facts, author: 'Dinah' } }, { roy: 'Roy' }),
      threadInputKey(file, { roy: 'Roy D.' }),
    ];
    expect(new Set(threads).size).toBe(threads.length);
    expect(threadInputKey(file, { roy: 'Roy', dinah: 'Dinah' })).toBe(threadInputKey(file, { dinah: 'Dinah', roy: 'Roy' }));
  });
});
