import { getCollection, type CollectionEntry } from 'astro:content';
import { siteConfig } from '../site.config';
import { settings } from './settings';
import { byNewest, buildArchiveTree, type ArchiveYear, type PostRef } from '../lib/site/archive';
import { postLabels, topLabels, type LabelIndex } from '../lib/labels';
import { visibility, type Visibility } from '../lib/publishing';
import { pageThreadId } from '../lib/urls';
import { compareComments } from '../lib/comments';
import { labelIndexOf, postFromEntry, postReadingMinutes, visiblePages, visiblePosts } from '../lib/model';
import { once } from '../lib/site/once';
import type { StoredComment } from '../lib/schemas';

/**
 * The site's content, loaded once per build and shared by every page: each page
 * asks for what it needs instead of scanning whole collections itself. What is
 * visible, the labels and the reading time come from the blog's model (src/lib/model/),
 * applied to Astro's collection entries as the tools apply it to the files.
 */

export interface Post extends PostRef {
  entry: CollectionEntry<'posts'>;
  authorId: string;
  /** Canonical spellings, alphabetical. */
  labels: string[];
  visibility: Visibility;
  description?: string;
  updated?: Date;
  proofreadBy: string[];
  bloggerId?: string;
  /** false when the post was restored from its date alone: no "at 6:47 AM". */
  timeOfDayKnown: boolean;
  /** false when the post was restored without its comments. */
  commentsRecovered: boolean;
  /** Whole minutes from the proof sheet's word count; 0 for an empty body. */
  readingMinutes: number;
  /** Name of the series the post belongs to (front matter `series`). */
  series?: string;
  /** Stored comments on the post (list pages show the count). */
  commentCount: number;
}

export type Author = CollectionEntry<'authors'>;

const cutoff = new Date(settings.cutoff);


export const getLabelIndex = once(async (): Promise<LabelIndex> => {
  const [posts, labelInfo] = await Promise.all([visibleEntries(), getLabelInfo()]);
  return labelIndexOf(posts.map(postFromEntry), new Map(labelInfo.map((l) => [l.id, l.data])));
});

const visibleEntries = once(async () => visiblePosts(await getCollection('posts'), { cutoff, includeDrafts: settings.includeDrafts }));

/** Visible posts, newest first. */
export const getPosts = once(async (): Promise<Post[]> => {
  const [entries, labels, comments] = await Promise.all([visibleEntries(), getLabelIndex(), getCommentFiles()]);
  return entries
    .map(
      (entry): Post => ({
        id: entry.id,
        entry,
        title: entry.data.title,
        published: entry.data.published,
        updated: entry.data.updated,
        authorId: entry.data.author.id,
        labels: postLabels(entry.data.labels, labels.canonical),
        visibility: visibility(entry.data, cutoff),
        description: entry.data.description,
        proofreadBy: entry.data.proofreadBy.map((r) => r.id),
        bloggerId: entry.data.legacy?.bloggerId,
        timeOfDayKnown: entry.data.timeOfDayKnown,
        commentsRecovered: entry.data.legacy?.commentsRecovered ?? true,
        readingMinutes: postReadingMinutes(postFromEntry(entry)),
        series: entry.data.series,
        commentCount: comments.get(entry.id)?.comments.length ?? 0,
      }),
    )
    .sort(byNewest);
});

export const getPostById = once(async () => new Map((await getPosts()).map((p) => [p.id, p])));

export const getAuthors = once(async () => {
  const authors = await getCollection('authors');
  return new Map(authors.map((a) => [a.id, a]));
});

export async function getAuthor(id: string): Promise<Author> {
  const a = (await getAuthors()).get(id);
  if (!a) throw new Error(`Unknown author "${id}": add content/authors/${id}.yaml or fix the post's author field.`);
  return a;
}

/** The sidebar's labels (the most used, alphabetical): computed once, shown on every page. */
export const getSidebarLabels = once(async () => topLabels(await getLabelIndex(), siteConfig.sidebarLabels));

export const getArchive = once(async (): Promise<ArchiveYear[]> => buildArchiveTree(await getPosts(), siteConfig.timeZone));

export const getPages = once(async () => visiblePages(await getCollection('pages'), settings.includeDrafts));

/** content/labels.yaml: each described label with its description and aliases. */
export const getLabelInfo = once(async () => getCollection('labels'));

const getCommentFiles = once(async () => {
  const files = await getCollection('comments');
  return new Map(files.map((f) => [f.data.post, f.data]));
});

/** A post's comments (flat, as stored); empty when it has none. */
export async function getComments(postId: string): Promise<StoredComment[]> {
  return (await getCommentFiles()).get(postId)?.comments ?? [];
}

/** Every stored comment on a visible post or page, with its post id, oldest first. */
export const getAllComments = once(async () => {
  const [files, posts, pages] = await Promise.all([getCommentFiles(), getPostById(), getPages()]);
  const pageIds = new Set(pages.map((p) => pageThreadId(p.id)));
  const out: { postId: string; comment: StoredComment }[] = [];
  for (const [postId, file] of files) {
    if (!posts.has(postId) && !pageIds.has(postId)) continue;
    for (const comment of file.comments) out.push({ postId, comment });
  }
  return out.sort((a, b) => compareComments(a.comment, b.comment));
});

/** Posts of one author / label / month, newest first, from the shared list. */
export const getPostsByAuthor = once(async () => groupBy(await getPosts(), (p) => [p.authorId]));
export const getPostsByLabel = once(async () => groupBy(await getPosts(), (p) => p.labels));

function groupBy<T>(items: readonly T[], keys: (t: T) => readonly string[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const item of items) {
    for (const k of keys(item)) {
      const list = m.get(k);
      if (list) list.push(item);
      else m.set(k, [item]);
    }
  }
  return m;
}

/**
 * Everything the sidebar shows, reduced to plain data: the archive tree (titles, never
 * bodies), the contributors and the most used labels. The sidebar renders only this, and
 * every page's cache key includes its digest (src/data/cache-keys.ts).
 */
export const getSidebarData = once(async () => {
  const [archive, authors, labelIndex, labels] = await Promise.all([getArchive(), getAuthors(), getLabelIndex(), getSidebarLabels()]);
  return {
    archive: archive.map((y) => ({
      year: y.year,
      count: y.count,
      months: y.months.map((m) => ({ year: m.year, month: m.month, count: m.count, posts: m.posts.map((p) => ({ id: p.id, title: p.title })) })),
    })),
    contributors: [...authors.values()].map((a) => ({ id: a.id, handle: a.data.handle })).sort((a, b) => a.handle.localeCompare(b.handle)),
    labels: labels.map((l) => ({ label: l.label, count: l.count })),
    labelTotal: labelIndex.labels.length,
  };
});
