import { postLink, type PostLink } from './archive';

/**
 * Series: posts that carry the same `series` name in their front matter belong
 * together, in order of publication. Names are matched without regard to case,
 * accents or punctuation (a stray capital must not split a series); the series is
 * shown under the spelling of its first part.
 */

export interface SeriesMember {
  id: string;
  title: string;
  published: Date;
  series?: string;
}

/** What a post in a series shows: "Part {part} of {parts.length}" and a link to every part. */
export interface SeriesPlace {
  name: string;
  /** 1-based position of this post. */
  part: number;
  /** Every part, oldest first. */
  parts: PostLink[];
}

/** The key two spellings of one series name share. */
export function seriesKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const oldestFirst = (a: SeriesMember, b: SeriesMember) =>
  a.published.getTime() - b.published.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Post id -> its place in its series, for every post that names one. A series with a
 * single visible post (the others still drafts, or a misspelt name) is not shown.
 */
export function buildSeries(posts: readonly SeriesMember[]): Map<string, SeriesPlace> {
  const groups = new Map<string, SeriesMember[]>();
  for (const post of posts) {
    if (!post.series) continue;
    const key = seriesKey(post.series);
    const group = groups.get(key);
    if (group) group.push(post);
    else groups.set(key, [post]);
  }
  const places = new Map<string, SeriesPlace>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.sort(oldestFirst);
    const name = group[0]!.series!;
    const parts = group.map(postLink);
    group.forEach((post, i) => places.set(post.id, { name, part: i + 1, parts }));
  }
  return places;
}
