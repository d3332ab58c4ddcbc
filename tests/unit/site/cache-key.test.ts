import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonical, digestOf } from '../../../src/lib/site/cache-key';

describe('digestOf', () => {
  it('ignores key order, Map and Set order, and undefined fields', () => {
    expect(digestOf({ a: 1, b: [1, 2], c: undefined })).toBe(digestOf({ b: [1, 2], a: 1 }));
    expect(digestOf(new Map([['x', 1], ['y', 2]]))).toBe(digestOf(new Map([['y', 2], ['x', 1]])));
    expect(digestOf(new Set(['a', 'b']))).toBe(digestOf(new Set(['b', 'a'])));
  });

  it('changes with any value, array order and type', () => {
    const base = digestOf({ title: 'A', labels: ['x', 'y'], published: new Date('2008-11-01T00:00:00Z') });
    expect(digestOf({ title: 'B', labels: ['x', 'y'], published: new Date('2008-11-01T00:00:00Z') })).not.toBe(base);
    expect(digestOf({ title: 'A', labels: ['y', 'x'], published: new Date('2008-11-01T00:00:00Z') })).not.toBe(base);
    expect(digestOf({ title: 'A', labels: ['x', 'y'], published: new Date('2008-11-02T00:00:00Z') })).not.toBe(base);
    expect(digestOf({ n: 1 })).not.toBe(digestOf({ n: '1' }));
    expect(digestOf([undefined])).not.toBe(digestOf([]));
  });

  it('reduces a content entry to its collection, id and digest (the body is not hashed again)', () => {
    const entry = { collection: 'posts', id: '2008/11/x', digest: 'abc', body: 'x'.repeat(1_000_000), data: { title: 'T' } };
    expect(canonical({ post: { entry } })).toEqual({ post: { entry: { $entry: { collection: 'posts', id: '2008/11/x', digest: 'abc' } } } });
    expect(digestOf({ entry })).not.toBe(digestOf({ entry: { ...entry, digest: 'abd' } }));
  });

  it('refuses code and cycles with a message that says what to pass', () => {
    expect(() => digestOf({ f: () => 1 })).toThrow(/pass data, not code/);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => digestOf(loop)).toThrow(/refers to itself/);
    const shared = { a: 1 };
    expect(() => digestOf([shared, shared])).not.toThrow();
  });
});

describe('a content entry in a key: what else it renders from', () => {
  const entry = (filePath: string, assetImports?: string[]) => ({ collection: 'posts', id: 'a', digest: 'd1', body: 'x', filePath, ...(assetImports ? { assetImports } : {}) });

  it('changes with the file path, so a .mdx → .md rename with the same bytes is a new key', () => {
    expect(digestOf(entry('content/posts/a.mdx'))).not.toBe(digestOf(entry('content/posts/a.md')));
  });

  it('changes with the bytes of a local asset, not with the asset file being rewritten unchanged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shrinkrap-key-'));
    mkdirSync(join(dir, 'images'));
    const post = relative(process.cwd(), join(dir, 'a.md'));
    writeFileSync(join(dir, 'images/figure.svg'), '<svg/>');
    const first = digestOf(entry(post, ['./images/figure.svg']));
    writeFileSync(join(dir, 'images/figure.svg'), '<svg/>');
    expect(digestOf(entry(post, ['./images/figure.svg']))).toBe(first);
    writeFileSync(join(dir, 'images/figure.svg'), '<svg><circle r="1"/></svg>');
    expect(digestOf(entry(post, ['./images/figure.svg']))).not.toBe(first);
  });
});
