/**
 * Related posts: for every post at once, the other posts that share the most labels,
 * ties broken by nearness in time (then by id, so the choice never depends on order).
 * Built from the label -> posts index, so a post only ever looks at posts that share
 * one of its labels; a post without labels has no related posts.
 *
 * A label on half the archive makes this quadratic in the worst case, so the counting
 * works on post numbers in typed arrays rather than objects in Maps (5,000 posts with a
 * 2,000-post label: a tenth of a second instead of seconds).
 */

export interface RelatablePost {
  id: string;
  published: Date;
  /** Canonical labels, no repeats. */
  labels: readonly string[];
}

export const RELATED_LIMIT = 5;

/** Post id -> ids of its related posts, best first (at most `limit`). */
export function relatedPosts<T extends RelatablePost>(posts: readonly T[], limit = RELATED_LIMIT): Map<string, string[]> {
  const byLabel = new Map<string, number[]>();
  posts.forEach((post, i) => {
    for (const label of post.labels) {
      const list = byLabel.get(label);
      if (list) list.push(i);
      else byLabel.set(label, [i]);
    }
  });
  const lists = posts.map((post) => post.labels.map((l) => byLabel.get(l)!));
  const times = Float64Array.from(posts, (p) => p.published.getTime());
  const ids = posts.map((p) => p.id);
  const shared = new Int32Array(posts.length);
  const related = new Map<string, string[]>();
  posts.forEach((post, i) => related.set(post.id, topRelated(i, lists[i]!, { shared, times, ids }, limit)));
  return related;
}

interface Scratch {
  /** Labels shared with the current post, by post number; zeroed again after each post. */
  shared: Int32Array;
  times: Float64Array;
  ids: readonly string[];
}

function topRelated(self: number, labelLists: readonly number[][], { shared, times, ids }: Scratch, limit: number): string[] {
  const touched: number[] = [];
  for (const list of labelLists) {
    for (const other of list) {
      if (other === self) continue;
      if (shared[other] === 0) touched.push(other);
      shared[other]!++;
    }
  }
  // Only candidates with at least the `limit`-th highest count can make it: find that count
  // with a histogram, so most candidates are skipped by one integer comparison.
  let most = 0;
  for (const i of touched) if (shared[i]! > most) most = shared[i]!;
  const histogram = new Int32Array(most + 1);
  for (const i of touched) histogram[shared[i]!]!++;
  let threshold = most;
  for (let n = histogram[most] ?? 0; n < limit && threshold > 1; ) n += histogram[--threshold]!;
  // Keep the best `limit` while scanning (no sort of every candidate): more shared labels,
  // then nearer in time, then id. Inline numbers: this loop runs millions of times.
  const time = times[self]!;
  const best: number[] = [];
  const bestShared: number[] = [];
  const bestDistance: number[] = [];
  const before = (s: number, d: number, id: string, k: number) =>
    s > bestShared[k]! || (s === bestShared[k]! && (d < bestDistance[k]! || (d === bestDistance[k]! && id < ids[best[k]!]!)));
  for (const candidate of touched) {
    const s = shared[candidate]!;
    if (s < threshold) continue;
    const d = Math.abs(times[candidate]! - time);
    const full = best.length === limit;
    if (full && s === bestShared[limit - 1] && d > bestDistance[limit - 1]!) continue;
    if (full && !before(s, d, ids[candidate]!, limit - 1)) continue;
    let at = best.length;
    while (at > 0 && before(s, d, ids[candidate]!, at - 1)) at--;
    best.splice(at, 0, candidate);
    bestShared.splice(at, 0, s);
    bestDistance.splice(at, 0, d);
    if (best.length > limit) {
      best.pop();
      bestShared.pop();
      bestDistance.pop();
    }
  }
  const result = best.map((i) => ids[i]!);
  for (const i of touched) shared[i] = 0;
  return result;
}
