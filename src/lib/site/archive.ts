import { dayKey, zonedParts } from '../dates';

/** What list pages and the archive need to know about a post. */
/** A link to another post: only what a page prints (neighbours, related posts, series parts). */
export interface PostLink {
  id: string;
  title: string;
}

export const postLink = (p: PostLink): PostLink => ({ id: p.id, title: p.title });

export interface PostRef extends PostLink {
  published: Date;
}

export interface ArchiveMonth {
  year: number;
  month: number;
  count: number;
  /** Newest first. */
  posts: PostRef[];
}

export interface ArchiveYear {
  year: number;
  count: number;
  /** Newest first. */
  months: ArchiveMonth[];
}

/** Newest first, ties broken by id so the order never depends on file-system order. */
export function byNewest<T extends PostRef>(a: T, b: T): number {
  return b.published.getTime() - a.published.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * Blogger's "Blog Archive" tree. Posts are filed by their date in the blog's zone
 * (not by the URL month, which can differ on old posts).
 */
export function buildArchiveTree<T extends PostRef>(posts: readonly T[], timeZone: string): ArchiveYear[] {
  const years = new Map<number, Map<number, T[]>>();
  for (const post of posts) {
    const { year, month } = zonedParts(post.published, timeZone);
    let months = years.get(year);
    if (!months) years.set(year, (months = new Map<number, T[]>()));
    const list = months.get(month);
    if (list) list.push(post);
    else months.set(month, [post]);
  }
  return [...years]
    .sort(([a], [b]) => b - a)
    .map(([year, months]) => {
      const ms = [...months]
        .sort(([a], [b]) => b - a)
        .map(([month, ps]) => ({ year, month, count: ps.length, posts: [...ps].sort(byNewest) }));
      return { year, count: ms.reduce((n, m) => n + m.count, 0), months: ms };
    });
}

export interface DayGroup<T> {
  day: string;
  /** The first post's date, for formatting the header. */
  date: Date;
  posts: T[];
}

/** On list pages, posts of the same day share one date header. Input order is kept. */
export function groupByDay<T extends PostRef>(posts: readonly T[], timeZone: string): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const post of posts) {
    const day = dayKey(post.published, timeZone);
    const last = groups.at(-1);
    if (last && last.day === day) last.posts.push(post);
    else groups.push({ day, date: post.published, posts: [post] });
  }
  return groups;
}

/** Neighbours of a post in newest-first order: Blogger's "Newer Post" and "Older Post". */
export function neighbours<T extends PostRef>(sorted: readonly T[], id: string): { newer?: T; older?: T } {
  const i = sorted.findIndex((p) => p.id === id);
  if (i < 0) return {};
  return { newer: sorted[i - 1], older: sorted[i + 1] };
}
