import { describe, expect, it } from 'vitest';
import { staleEntries, withoutEntries, type StoredEntry } from '../../../src/lib/site/content-store';

const store = (): Map<string, Map<string, StoredEntry>> =>
  new Map([
    ['posts', new Map<string, StoredEntry>([
      ['2014/10/app', { filePath: 'content/posts/2014/10/app.mdx' }],
      ['2008/06/tarasoff', { filePath: 'content/posts/2008/06/tarasoff.md' }],
    ])],
    ['authors', new Map<string, StoredEntry>([['roy', { filePath: 'content/authors/roy.yaml' }], ['inline', {}]])],
  ]);

describe('stale content-store entries', () => {
  it('names the entries whose file is gone (a rename leaves the old extension)', () => {
    const exists = (p: string) => p !== 'content/posts/2014/10/app.mdx';
    expect(staleEntries(store(), exists)).toEqual([{ collection: 'posts', id: '2014/10/app', filePath: 'content/posts/2014/10/app.mdx' }]);
  });

  it('ignores entries without a file (inline data) and finds none when every file exists', () => {
    expect(staleEntries(store(), () => true)).toEqual([]);
  });

  it('removes exactly the stale entries, leaving the input as it was', () => {
    const before = store();
    const after = withoutEntries(before, [{ collection: 'posts', id: '2014/10/app', filePath: 'x' }]);
    expect([...after.get('posts')!.keys()]).toEqual(['2008/06/tarasoff']);
    expect([...after.get('authors')!.keys()]).toEqual(['roy', 'inline']);
    expect(before.get('posts')!.size).toBe(2);
  });
});
