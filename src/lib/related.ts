/**
 * Related posts: for every post at once, the other posts that share the most labels,
 * ties broken by nearness in time (then by id, so the choice never depends on order).
 * Built from the label -> posts index, so a post only ever looks at posts that share
 * one of its labels; a post without labels has no related posts.
 */

export interface RelatablePost {
  id: string;
  published: Date;
  /** Canonical labels, no repeats. */
  labels: readonly string[];
}

export const RELATED_LIMIT = 5;

interface Candidate {
  id: string;
  shared: number;
  distance: number;
}

/** Better first: more shared labels, then nearer in time, then id. */
const better = (a: Candidate, b: Candidate) => b.shared - a.shared || a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Post id -> ids of its related posts, best first (at most `limit`). */
export function relatedPosts<T extends RelatablePost>(posts: readonly T[], limit = RELATED_LIMIT): Map<string, string[]> {
  const byLabel = new Map<string, T[]>();
  for (const post of posts) {
    for (const label of post.labels) {
      const list = byLabel.get(label);
      if (list) list.push(post);
      else byLabel.set(label, [post]);
    }
  }
  const related = new Map<string, string[]>();
  for (const post of posts) related.set(post.id, topRelated(post, byLabel, limit));
  return related;
}

function topRelated<T extends RelatablePost>(post: T, byLabel: ReadonlyMap<string, readonly T[]>, limit: number): string[] {
  const shared = new Map<T, number>();
  for (const label of post.labels) {
    for (const other of byLabel.get(label) ?? []) {
      if (other.id !== post.id) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
  }
  // Keep only the best `limit` while scanning: no sort of every candidate.
  const best: Candidate[] = [];
  const time = post.published.getTime();
  for (const [other, count] of shared) {
    const candidate = { id: other.id, shared: count, distance: Math.abs(other.published.getTime() - time) };
    if (best.length === limit && better(candidate, best[limit - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && better(candidate, best[at - 1]!) < 0) at--;
    best.splice(at, 0, candidate);
    if (best.length > limit) best.pop();
  }
  return best.map((c) => c.id);
}
