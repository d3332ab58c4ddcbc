/**
 * "Did you mean psychotherapy?": a spelling suggestion for a search that found nothing,
 * from the blog's own words. The build writes the words of every indexed post (titles and
 * bodies, as the index reads them) to a small list, most frequent first
 * (src/pages/search/words.txt.ts); the search page fetches it only when a query finds
 * nothing, and suggests the nearest word for each word the list does not know.
 */

/** Words shorter than this are never corrected (too many neighbours) and never listed. */
export const MIN_WORD_LENGTH = 4;
/** The list keeps at most this many words, the most frequent (a 5,000-post archive has ~40,000). */
export const MAX_WORDS = 20_000;

/** The words of a text: letters only, lower-cased, apostrophes and digits split them. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().normalize('NFC').match(/\p{L}+/gu) ?? [];
}

/** The word list for `texts`: words of MIN_WORD_LENGTH or more, most frequent first, then A–Z. */
export function vocabulary(texts: Iterable<string>, max = MAX_WORDS): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const word of wordsOf(text)) if (word.length >= MIN_WORD_LENGTH) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, max)
    .map(([word]) => word);
}

/** The list as served: one word a line. */
export const serializeVocabulary = (words: readonly string[]) => `${words.join('\n')}\n`;

/** Word → rank (0 = most frequent), from the served list. */
export function parseVocabulary(text: string): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const line of text.split('\n')) {
    const word = line.trim();
    if (word && !ranks.has(word)) ranks.set(word, ranks.size);
  }
  return ranks;
}

/** How far a misspelling may be: one edit for words up to 7 letters, two beyond. */
export const maxEdits = (word: string) => (word.length >= 8 ? 2 : 1);

/**
 * Edit distance with transpositions (optimal string alignment: "teh" → "the" is one),
 * or `limit + 1` as soon as it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** The known word nearest to `word` (fewest edits, then the most frequent), if any is near enough. */
export function nearestWord(word: string, ranks: ReadonlyMap<string, number>): string | undefined {
  const limit = maxEdits(word);
  let best: { word: string; distance: number; rank: number } | undefined;
  for (const [candidate, rank] of ranks) {
    const distance = editDistance(word, candidate, limit);
    if (distance > limit) continue;
    if (!best || distance < best.distance || (distance === best.distance && rank < best.rank)) best = { word: candidate, distance, rank };
  }
  return best?.word;
}

/**
 * The query with each unknown word replaced by its nearest known word, or undefined when
 * nothing changes (every word is known, short, or has no near neighbour).
 */
export function suggestQuery(q: string, ranks: ReadonlyMap<string, number>): string | undefined {
  let changed = false;
  const out = q.split(/(\s+)/).map((token) => {
    const lower = token.toLowerCase().normalize('NFC');
    if (!/^\p{L}+$/u.test(lower) || lower.length < MIN_WORD_LENGTH || ranks.has(lower)) return token;
    const near = nearestWord(lower, ranks);
    if (!near) return token;
    changed = true;
    return near;
  });
  return changed ? out.join('').trim() : undefined;
}
