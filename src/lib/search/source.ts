import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decodeUtf8, listFiles, readAuthorFile, readCommentsFile, readLabelsFile, readPostFile, toPosix } from '../content-files';
import { buildLabelIndex, postLabels } from '../labels';
import { isVisible } from '../publishing';
import { isoInZone, zonedParts } from '../dates';
import { parsePostId, postPath } from '../urls';
import type { StoredComment } from '../schemas';
import type { PostFacts } from './records';

/**
 * What the search index is built from, read straight from the content folder and checked
 * with the schemas the site's collections use (src/lib/schemas.ts), with the site's rules
 * for visibility (publishing.ts), labels (labels.ts) and dates (dates.ts).
 *
 * Why the files and not Astro's collections: the index is built in `astro:build:done`,
 * outside Astro's render, where the collections are not available; and reading the
 * files means the comment index can be skipped from a digest of the bytes alone
 * (comment-index.ts) without loading or rendering anything.
 */

export interface SearchSourceOptions {
  contentDir: string;
  timeZone: string;
  /** Posts published after this are scheduled, not yet public. */
  cutoff: Date;
  includeDrafts: boolean;
}

export interface SourcePost {
  facts: PostFacts;
  /** Path from the content folder, for messages: "posts/2008/11/slug.mdx". */
  file: string;
  /** The body, front matter removed. */
  body: string;
  format: 'md' | 'mdx';
}

export interface SourceCommentFile {
  /** Path from the content folder: "comments/2008/11/slug.json". */
  file: string;
  /** Absolute path, to read it again when the comments are indexed (parseCommentFile). */
  path: string;
  /** SHA-256 of the file's bytes: the comment index's digest is made of these. */
  sha256: string;
  /** How many comments it holds (read without validating them). */
  count: number;
  post: PostFacts;
}

export interface SearchSource {
  /** Visible posts, in file order. */
  posts: SourcePost[];
  /** Comment files of visible posts, in file order. */
  commentFiles: SourceCommentFile[];
  /** The blog's authors' handles by key, to name their comments. */
  handles: Record<string, string>;
}

/** The blog's authors' handles by key (content-files validates each file). */
function readAuthors(contentDir: string): Record<string, string> {
  const dir = join(contentDir, 'authors');
  const handles: Record<string, string> = {};
  for (const f of listFiles(dir, /\.ya?ml$/)) {
    handles[toPosix(relative(dir, f)).replace(/\.ya?ml$/, '')] = readAuthorFile(f, toPosix(relative(contentDir, f))).handle;
  }
  return handles;
}

export function readSearchSource(options: SearchSourceOptions): SearchSource {
  const { contentDir, timeZone } = options;
  const handles = readAuthors(contentDir);
  const postsDir = join(contentDir, 'posts');
  const visible = listFiles(postsDir, /\.mdx?$/).flatMap((f) => {
    const file = toPosix(relative(contentDir, f));
    const { data, body } = readPostFile(f, file);
    const id = toPosix(relative(postsDir, f)).replace(/\.mdx?$/, '');
    parsePostId(id);
    if (!isVisible(data, { cutoff: options.cutoff, includeDrafts: options.includeDrafts })) return [];
    if (!(data.author in handles)) throw new Error(`${file}: author: unknown author "${data.author}". Add content/authors/${data.author}.yaml or fix the field.`);
    return [{ id, file, body, data }];
  });
  const labels = buildLabelIndex(
    visible.map((p) => ({ file: p.file, labels: p.data.labels })),
    readLabelsFile(contentDir),
  );
  const posts: SourcePost[] = visible.map(({ id, file, body, data }) => ({
    facts: {
      id,
      url: postPath(id),
      title: data.title,
      author: handles[data.author]!,
      year: String(zonedParts(data.published, timeZone).year),
      labels: postLabels(data.labels, labels.canonical),
      date: isoInZone(data.published, timeZone),
    },
    file,
    body,
    format: file.endsWith('.mdx') ? 'mdx' : 'md',
  }));
  const byId = new Map(posts.map((p) => [p.facts.id, p.facts]));
  const commentFiles = listFiles(join(contentDir, 'comments'), /\.json$/).flatMap((f) => {
    const file = toPosix(relative(contentDir, f));
    const bytes = readFileSync(f);
    const { post, count } = peekCommentFile(file, decodeUtf8(bytes, file));
    const facts = byId.get(post);
    // Only the digest is kept: the text is read again if (and only if) the index is rebuilt.
    return facts ? [{ file, path: f, sha256: createHash('sha256').update(bytes).digest('hex'), count, post: facts }] : [];
  });
  return { posts, commentFiles, handles };
}

/** The post a comment file belongs to and how many comments it has, without validating them (cheap). */
function peekCommentFile(file: string, text: string): { post: string; count: number } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message}). Fix the file or import it again.`);
  }
  const { post, comments } = (data ?? {}) as { post?: unknown; comments?: unknown };
  if (typeof post !== 'string') throw new Error(`${file}: post: missing. A comment file names its post, e.g. "post": "2008/11/slug".`);
  return { post, count: Array.isArray(comments) ? comments.length : 0 };
}

/** The comments of a comment file, validated with the collection's schema. */
export function parseCommentFile(file: SourceCommentFile): StoredComment[] {
  return readCommentsFile(file.path, file.file).comments;
}
