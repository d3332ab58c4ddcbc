import type { AuthorData, LabelInfo, PostComments } from '../schemas';
import type { PageData, PostData } from '../content-files';
import { buildLabelIndex, postLabels, type LabelIndex } from '../labels';
import { isVisible, visibility, type Publishable, type Visibility } from '../publishing';
import { isoInZone, zonedParts } from '../dates';
import { pageThreadId, parsePostId, postPath } from '../urls';
import { readingMinutes } from '../reading-time';
import { bodyWords, formatOf, type BodyFormat } from './body';

/**
 * The blog as one model: the posts, pages, authors, labels and comment files as read,
 * and the site as the readers see it (what is visible, each post's canonical labels
 * and facts). The site's data layer (src/data/content.ts, from Astro's collection
 * entries), the search records, the comment export, the importer's view of the
 * existing site and the proof sheet all take them from here, so one rule holds for
 * all of them. Reading the files is files.ts; these functions never touch the disk.
 */

/** One post as read, from its file (read.ts) or from Astro's collection entry (`postFromEntry`). */
export interface PostSource {
  /** "2008/11/slug": the permanent address. */
  id: string;
  /** Content-relative file, for messages: "posts/2008/11/slug.mdx". */
  file: string;
  format: BodyFormat;
  /** Front matter, validated; `author` is the author's id. */
  data: PostData;
  /** The body, front matter removed. */
  body: string;
}

export interface PageSource {
  id: string;
  file: string;
  data: PageData;
}

export interface AuthorSource {
  id: string;
  data: AuthorData;
}

/** A comments file, read without validating its comments (cheap); `read()` reads and validates it. */
export interface CommentFileSource {
  /** Content-relative: "comments/2008/11/slug.json". */
  file: string;
  /** The thread it belongs to: a post id, or "p/slug" for a page. */
  post: string;
  /** SHA-256 of the file's bytes (the search's comment index is keyed by these). */
  sha256: string;
  /** How many comments it holds. */
  count: number;
  /** The whole file, validated with the collection's schema (read again when asked). */
  read: () => PostComments;
}

/** Everything in a content folder, as read. */
export interface BlogSource {
  posts: PostSource[];
  pages: PageSource[];
  authors: AuthorSource[];
  labelInfo: Map<string, LabelInfo>;
  commentFiles: CommentFileSource[];
}

/** What search shows and filters by for one post; the same facts the post page shows. */
export interface PostFacts {
  /** "2008/11/slug". */
  id: string;
  /** Root-relative address of the post page, "/2008/11/slug.html". */
  url: string;
  title: string;
  /** The author's handle, as the byline shows it. */
  author: string;
  /** Year of publication in the blog's time zone. */
  year: string;
  /** Canonical labels, alphabetical. */
  labels: string[];
  /** ISO date-time in the blog's zone: sort key and shown date. */
  date: string;
}

export interface ViewOptions {
  /** Posts published after this are scheduled, not yet public. */
  cutoff: Date;
  includeDrafts: boolean;
  /** The blog's zone (site.config.ts). */
  timeZone: string;
}

/** A visible post with what the site shows about it. */
export interface SitePost {
  source: PostSource;
  visibility: Visibility;
  /** Canonical spellings, alphabetical. */
  labels: string[];
  /** Its facts; asking for them fails, naming the file, when its author is unknown. */
  readonly facts: PostFacts;
}

/** The blog as readers see it after one build's visibility rule. */
export interface SiteView {
  /** Visible posts, in the order given. */
  posts: SitePost[];
  /** Visible pages (drafts only with `includeDrafts`). */
  pages: PageSource[];
  authors: Map<string, AuthorSource>;
  /** Author id → handle, as bylines and comments name them. */
  handles: Record<string, string>;
  labels: LabelIndex;
  /** Comment files of visible posts and pages. */
  commentFiles: CommentFileSource[];
}

/** The fields of a collection entry the model reads (src/content.config.ts, Astro's glob loader). */
export interface PostEntry {
  id: string;
  filePath?: string;
  body?: string;
  data: Omit<PostData, 'author' | 'proofreadBy'> & { author: Reference; proofreadBy: Reference[] };
}

/** An author as written (the file) or as Astro's `reference()` resolves it (the collection). */
type Reference = string | { id: string };
const idOf = (r: Reference) => (typeof r === 'string' ? r : r.id);

/** A post from Astro's collection entry, read the same way as from its file. */
export function postFromEntry(entry: PostEntry): PostSource {
  const file = entry.filePath ?? `posts/${entry.id}.mdx`;
  const data = { ...entry.data, author: idOf(entry.data.author), proofreadBy: entry.data.proofreadBy.map(idOf) };
  return { id: entry.id, file, format: formatOf(file), data, body: entry.body ?? '' };
}

/** A misplaced file fails with advice (parsePostId); then the visibility rule of publishing.ts. */
export function visiblePosts<P extends { id: string; data: Publishable }>(posts: readonly P[], options: Omit<ViewOptions, 'timeZone'>): P[] {
  for (const p of posts) parsePostId(p.id);
  return posts.filter((p) => isVisible(p.data, options));
}

export const visiblePages = <P extends { data: { draft: boolean } }>(pages: readonly P[], includeDrafts: boolean): P[] =>
  pages.filter((p) => includeDrafts || !p.data.draft);

/** The label index of the visible posts (fails with a report when two spellings collide). */
export const labelIndexOf = (posts: readonly { file: string; data: { labels: string[] } }[], labelInfo: ReadonlyMap<string, LabelInfo>): LabelIndex =>
  buildLabelIndex(posts.map((p) => ({ file: p.file, labels: p.data.labels })), labelInfo);

/** Whole minutes to read the post, from the one word count. */
export const postReadingMinutes = (post: Pick<PostSource, 'body' | 'format'>): number => readingMinutes(bodyWords(post.body, post.format));

/** The facts of one post; `handles` names authors by id, `canonical` maps label spellings. */
export function postFacts(post: Pick<PostSource, 'id' | 'file' | 'data'>, handles: Readonly<Record<string, string>>, canonical: ReadonlyMap<string, string>, timeZone: string): PostFacts {
  const author = handles[post.data.author];
  if (author === undefined) throw new Error(`${post.file}: author: unknown author "${post.data.author}". Add content/authors/${post.data.author}.yaml or fix the field.`);
  return {
    id: post.id,
    url: postPath(post.id),
    title: post.data.title,
    author,
    year: String(zonedParts(post.data.published, timeZone).year),
    labels: postLabels(post.data.labels, canonical),
    date: isoInZone(post.data.published, timeZone),
  };
}

export const authorHandles = (authors: Iterable<AuthorSource>): Record<string, string> =>
  Object.fromEntries([...authors].map((a) => [a.id, a.data.handle]));

/** The blog as readers see it: visible posts with their labels and facts, visible pages, their comment files. */
export function siteView(blog: BlogSource, options: ViewOptions): SiteView {
  const authors = new Map(blog.authors.map((a) => [a.id, a]));
  const handles = authorHandles(blog.authors);
  const visible = visiblePosts(blog.posts, options);
  const labels = labelIndexOf(visible, blog.labelInfo);
  const posts = visible.map((source): SitePost => {
    let facts: PostFacts | undefined;
    return {
      source,
      visibility: visibility(source.data, options.cutoff),
      labels: postLabels(source.data.labels, labels.canonical),
      // Worked out when asked: the comment export needs no author's handle.
      get facts() {
        return (facts ??= postFacts(source, handles, labels.canonical, options.timeZone));
      },
    };
  });
  const pages = visiblePages(blog.pages, options.includeDrafts);
  const threads = new Set([...posts.map((p) => p.source.id), ...pages.map((p) => pageThreadId(p.id))]);
  return { posts, pages, authors, handles, labels, commentFiles: blog.commentFiles.filter((f) => threads.has(f.post)) };
}
