import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import { listFiles } from '../files';
import { frontmatterOf } from '../import/existing';
import { buildLabelIndex, postLabels } from '../labels';
import { isVisible } from '../publishing';
import { isoInZone, zonedParts } from '../dates';
import { parsePostId, postPath } from '../urls';
import { authorSchema, labelInfoSchema, postCommentsSchema, postSchema, type LabelInfo, type StoredComment } from '../schemas';
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

const toPosix = (p: string) => p.split(sep).join('/');

function invalid(file: string, error: z.ZodError, fix: string): Error {
  const issue = error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.join('.') : '(the whole file)';
  return new Error(`${file}: ${field}: ${issue.message}. ${fix}`);
}

function readAuthors(contentDir: string): Record<string, string> {
  const dir = join(contentDir, 'authors');
  const handles: Record<string, string> = {};
  for (const f of listFiles(dir, /\.ya?ml$/)) {
    const parsed = authorSchema.safeParse(parseYaml(readFileSync(f, 'utf8')));
    if (!parsed.success) throw invalid(toPosix(relative(contentDir, f)), parsed.error, 'Fix the author file.');
    handles[toPosix(relative(dir, f)).replace(/\.ya?ml$/, '')] = parsed.data.handle;
  }
  return handles;
}

function readLabelInfo(contentDir: string): Map<string, LabelInfo> {
  const file = join(contentDir, 'labels.yaml');
  if (!existsSync(file)) return new Map();
  const data = (parseYaml(readFileSync(file, 'utf8')) ?? {}) as Record<string, unknown>;
  return new Map(
    Object.entries(data).map(([label, value]) => {
      const parsed = labelInfoSchema.safeParse(value ?? {});
      if (!parsed.success) throw invalid(`labels.yaml (${label})`, parsed.error, 'Fix the label entry.');
      return [label, parsed.data];
    }),
  );
}

/** The body of a post file: everything after the front matter. */
function bodyOf(text: string): string {
  const end = /^---\r?\n[\s\S]*?\r?\n---(\r?\n|$)/.exec(text);
  return end ? text.slice(end[0].length) : text;
}

export function readSearchSource(options: SearchSourceOptions): SearchSource {
  const { contentDir, timeZone } = options;
  const handles = readAuthors(contentDir);
  const postsDir = join(contentDir, 'posts');
  const rules = postSchema(z.string());
  const visible = listFiles(postsDir, /\.mdx?$/).flatMap((f) => {
    const file = toPosix(relative(contentDir, f));
    const text = readFileSync(f, 'utf8');
    const parsed = rules.safeParse(frontmatterOf(text) ?? {});
    if (!parsed.success) throw invalid(file, parsed.error, 'Fix the front matter.');
    const id = toPosix(relative(postsDir, f)).replace(/\.mdx?$/, '');
    parsePostId(id);
    const data = parsed.data;
    if (!isVisible(data, { cutoff: options.cutoff, includeDrafts: options.includeDrafts })) return [];
    if (!(data.author in handles)) throw new Error(`${file}: author: unknown author "${data.author}". Add content/authors/${data.author}.yaml or fix the field.`);
    return [{ id, file, text, data }];
  });
  const labels = buildLabelIndex(
    visible.map((p) => ({ file: p.file, labels: p.data.labels })),
    readLabelInfo(contentDir),
  );
  const posts: SourcePost[] = visible.map(({ id, file, text, data }) => ({
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
    body: bodyOf(text),
    format: file.endsWith('.mdx') ? 'mdx' : 'md',
  }));
  const byId = new Map(posts.map((p) => [p.facts.id, p.facts]));
  const commentFiles = listFiles(join(contentDir, 'comments'), /\.json$/).flatMap((f) => {
    const file = toPosix(relative(contentDir, f));
    const bytes = readFileSync(f);
    const { post, count } = peekCommentFile(file, bytes.toString('utf8'));
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
  const parsed = postCommentsSchema.safeParse(JSON.parse(readFileSync(file.path, 'utf8')));
  if (!parsed.success) throw invalid(file.file, parsed.error, 'Fix the comment file or import it again.');
  return parsed.data.comments;
}
