import { describe, expect, it } from 'vitest';
import { relatedPosts, type RelatablePost } from '../../../src/lib/site/related';

const post = (id: string, date: string, labels: string[]): RelatablePost => ({ id, published: new Date(date), labels });

describe('related posts', () => {
  const posts = [
    post('a', '2010-01-10T00:00:00Z', ['jails', 'forensic', 'medications']),
    post('b', '2010-01-20T00:00:00Z', ['jails', 'forensic']),
    post('c', '2012-06-01T00:00:00Z', ['jails', 'forensic', 'medications']),
    post('d', '2010-01-11T00:00:00Z', ['jails']),
    post('e', '2009-12-01T00:00:00Z', ['podcast']),
    post('f', '2010-01-12T00:00:00Z', []),
  ];
  const related = relatedPosts(posts);

  it('puts the posts that share the most labels first, then the nearest in time', () => {
    // c shares 3 labels with a (though years away); b shares 2; d shares 1.
    expect(related.get('a')).toEqual(['c', 'b', 'd']);
    // b shares 2 with a and with c: a is nearer in time.
    expect(related.get('b')).toEqual(['a', 'c', 'd']);
  });

  it('never relates a post to itself or to posts with nothing in common', () => {
    expect(related.get('e')).toEqual([]);
    for (const [id, list] of related) expect(list, id).not.toContain(id);
  });

  it('gives a post without labels none', () => {
    expect(related.get('f')).toEqual([]);
  });

  it('keeps at most the limit, and breaks an exact tie by id', () => {
    const many = Array.from({ length: 12 }, (_, i) => post(`p${String(i).padStart(2, '0')}`, '2011-01-01T00:00:00Z', ['x']));
    const r = relatedPosts(many);
    expect(r.get('p00')).toEqual(['p01', 'p02', 'p03', 'p04', 'p05']);
    expect(relatedPosts(many, 2).get('p05')).toEqual(['p00', 'p01']);
  });

  it('does not depend on the order of the input', () => {
    const shuffled = [...posts].reverse();
    expect(relatedPosts(shuffled)).toEqual(related);
  });

  it('handles a large archive by the label index (every post, one pass)', () => {
    const labels = Array.from({ length: 200 }, (_, i) => `label ${i}`);
    const big = Array.from({ length: 5000 }, (_, i) =>
      post(`post-${i}`, new Date(Date.UTC(2006, 0, 1) + i * 86_400_000).toISOString(), [labels[i % 200]!, labels[(i * 7) % 200]!, labels[(i * 13) % 200]!]),
    );
    const r = relatedPosts(big);
    expect(r.size).toBe(5000);
    for (const list of r.values()) expect(list.length).toBeLessThanOrEqual(5);
    expect(r.get('post-0')!.length).toBe(5);
  });
});
