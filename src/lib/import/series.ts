import { foldKey as seriesKey } from '../fold';

/**
 * Series the importer can see in post titles ("…, Part 2: …", "My Three Shrinks
 * Podcast 52: …"). It only suggests them in the migration report: a shared word in two
 * titles is not proof, so an author adds `series: "…"` to the posts after reading it.
 */

export interface TitledPost {
  /** Post id, e.g. 2013/04/day-in-jail-clinic-part-1-intake. */
  id: string;
  title: string;
  published: Date;
}

export interface SeriesSuggestion {
  /** The name to write in each post's front matter. */
  name: string;
  /** Post ids, oldest first. */
  posts: string[];
}

const NUMBER = String.raw`(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|[ivx]{1,5})`;
/** "Stem, Part 2: rest", "Stem (part two)", "Stem - Pt. 3". */
const PART = new RegExp(String.raw`^(.*?\S)[\s,:;(–—-]*\b(?:part|pt\.?)\s+${NUMBER}\b`, 'i');
/** "My Three Shrinks Podcast 52", "Shrink Rap Podcast #7", "… Podcast, Episode 12". */
const PODCAST = /^(.*?\bpodcast)\b[\s,:#–—-]*(?:(?:episode|ep\.?|no\.?)\s*)?#?\d{1,4}\b/i;

/** The series a title names, if it names one: the words before "Part N" or "Podcast N". */
export function seriesInTitle(title: string): string | undefined {
  const m = PODCAST.exec(title) ?? PART.exec(title);
  const stem = m?.[1]?.replace(/[\s,:;(–—-]+$/, '').trim();
  return stem && /\p{L}/u.test(stem) ? stem : undefined;
}

/** Titles that name the same series, when at least two posts do; sorted by name. */
export function suggestSeries(posts: readonly TitledPost[]): SeriesSuggestion[] {
  const groups = new Map<string, { name: string; posts: TitledPost[] }>();
  for (const post of posts) {
    const name = seriesInTitle(post.title);
    if (!name) continue;
    const key = seriesKey(name);
    const group = groups.get(key) ?? { name, posts: [] };
    group.posts.push(post);
    groups.set(key, group);
  }
  return [...groups.values()]
    .filter((g) => g.posts.length >= 2)
    .map((g) => {
      const sorted = [...g.posts].sort((a, b) => a.published.getTime() - b.published.getTime() || (a.id < b.id ? -1 : 1));
      return { name: seriesInTitle(sorted[0]!.title)!, posts: sorted.map((p) => p.id) };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The posts of an import plan's files (their front matter as planned, not parsed back from text), for suggestSeries. */
export function plannedPosts(files: ReadonlyArray<{ rel: string; kind: string; frontMatter?: Record<string, unknown> }>): TitledPost[] {
  const out: TitledPost[] = [];
  for (const f of files) {
    const data = f.frontMatter;
    if (f.kind !== 'post' || !data || typeof data.title !== 'string' || data.series) continue;
    const published = new Date(String(data.published));
    if (Number.isNaN(published.getTime())) continue;
    out.push({ id: f.rel.replace(/^posts\//, '').replace(/\.mdx?$/, ''), title: data.title, published });
  }
  return out;
}
