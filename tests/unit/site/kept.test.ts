import { describe, expect, it, vi } from 'vitest';
import { keptByKey, keptPerItem } from '../../../src/lib/site/kept';

describe('values kept across module re-evaluations', () => {
  it('computes again only when the key changes', () => {
    let runs = 0;
    const compute = () => ++runs;
    expect(keptByKey('test:a', 'k1', compute)).toBe(1);
    expect(keptByKey('test:a', 'k1', compute)).toBe(1);
    expect(keptByKey('test:a', 'k2', compute)).toBe(2);
    expect(keptByKey('test:b', 'k2', compute)).toBe(3);
  });

  it('computes per item only for new keys, and forgets keys no longer asked for', () => {
    const made: string[] = [];
    const length = (s: string) => (made.push(s), s.length);
    expect(keptPerItem('test:items', ['aa', 'bbb'], (s) => s, length)).toEqual([2, 3]);
    expect(keptPerItem('test:items', ['aa', 'cccc'], (s) => s, length)).toEqual([2, 4]);
    expect(made).toEqual(['aa', 'bbb', 'cccc']);
    keptPerItem('test:items', ['cccc'], (s) => s, length);
    keptPerItem('test:items', ['aa'], (s) => s, length);
    expect(made).toEqual(['aa', 'bbb', 'cccc', 'aa']);
  });

  it('survives a second copy of the module (what a dev server reload makes)', async () => {
    keptByKey('test:reload', 'k', () => 'first');
    vi.resetModules();
    const again = await import('../../../src/lib/site/kept');
    expect(again.keptByKey('test:reload', 'k', () => 'second')).toBe('first');
  });
});
