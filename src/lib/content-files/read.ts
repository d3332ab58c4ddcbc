import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import {
  authorSchema,
  labelInfoSchema,
  pageSchema,
  postCommentsSchema,
  postSchema,
  type AuthorData,
  type LabelInfo,
  type PostComments,
} from '../schemas';
import { ContentFileError, decodeUtf8, readTextFile } from './text';
import { parseFrontMatter } from './frontmatter';

/**
 * Reading one content file, validated by the build's own schemas. Every error names
 * the file, the field and what is expected, as a ContentFileError.
 */

const postRules = postSchema(z.string());
const pageRules = pageSchema();
export type PostData = z.infer<typeof postRules>;
export type PageData = z.infer<typeof pageRules>;

export interface DocumentFile<T> {
  data: T;
  /** The body after the front matter. */
  body: string;
  /** The whole text, as read. */
  text: string;
}

function validate<T>(schema: z.ZodType<T>, value: unknown, name: string, line?: (key: string) => number | undefined, prefix: string[] = []): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = [...prefix, ...issue.path.map(String)].join('.');
  throw new ContentFileError(name, field ? `${field}: ${issue.message}` : issue.message, line?.(String(issue.path[0] ?? '')));
}

function parseDocument<T>(text: string, schema: z.ZodType<T>, name: string): DocumentFile<T> {
  const fm = parseFrontMatter(text);
  if (fm.error) throw new ContentFileError(name, `the front matter is not valid YAML: ${fm.error.message}`, fm.error.line);
  if (!fm.present) throw new ContentFileError(name, 'the file has no front matter (a first line "---", the fields, then "---")');
  return { data: validate(schema, fm.data, name, (key) => fm.keyLines.get(key)), body: fm.body, text };
}

/** A post's text (`posts/YYYY/MM/slug.md[x]`), validated; the author is the id as written. */
export const parsePostText = (text: string, name: string): DocumentFile<PostData> => parseDocument(text, postRules, name);

/** A post (`posts/YYYY/MM/slug.md[x]`); the author is the id as written. */
export const readPostFile = (file: string, name: string = file): DocumentFile<PostData> => parsePostText(readTextFile(file, name), name);

/** A page's text (`pages/slug.md[x]`), validated. */
export const parsePageText = (text: string, name: string): DocumentFile<PageData> => parseDocument(text, pageRules, name);

/** A page (`pages/slug.md[x]`). */
export const readPageFile = (file: string, name: string = file): DocumentFile<PageData> => parsePageText(readTextFile(file, name), name);

function readYaml(file: string, name: string): unknown {
  try {
    return parseYaml(readTextFile(file, name));
  } catch (e) {
    if (e instanceof ContentFileError) throw e;
    throw new ContentFileError(name, `not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ContentFileError(name, `not valid JSON (${(e as Error).message})`);
  }
}

/** A comments file (`comments/<post id>.json`). */
export const readCommentsFile = (file: string, name: string = file): PostComments => validate(postCommentsSchema, parseJson(readTextFile(file, name), name), name);

export interface CommentsFilePeek {
  /** The thread it belongs to ("2008/11/slug", "p/about"). */
  post: string;
  /** How many comments it holds (not validated). */
  count: number;
  /** SHA-256 of its bytes. */
  sha256: string;
}

/** Which thread a comments file belongs to, how many comments it has and its digest, without validating the comments (cheap). */
export function peekCommentsFile(file: string, name: string = file): CommentsFilePeek {
  const bytes = readFileSync(file);
  const data = parseJson(decodeUtf8(bytes, name), name);
  const { post, comments } = (data ?? {}) as { post?: unknown; comments?: unknown };
  if (typeof post !== 'string') throw new ContentFileError(name, 'post: missing. A comment file names its post, e.g. "post": "2008/11/slug"');
  return { post, count: Array.isArray(comments) ? comments.length : 0, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** An author (`authors/<id>.yaml`). */
export const readAuthorFile = (file: string, name: string = file): AuthorData => validate(authorSchema, readYaml(file, name), name);

/** `labels.yaml`: label → description and aliases. Empty when the file is absent. */
export function readLabelsFile(contentDir: string, name = 'labels.yaml'): Map<string, LabelInfo> {
  const file = join(contentDir, 'labels.yaml');
  const out = new Map<string, LabelInfo>();
  if (!existsSync(file)) return out;
  const data = readYaml(file, name) ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new ContentFileError(name, 'expected label names, each with a description and/or aliases');
  for (const [label, info] of Object.entries(data as Record<string, unknown>)) {
    out.set(label, validate(labelInfoSchema, info, name, undefined, [label]));
  }
  return out;
}

/** The text of a comments file, as the importer writes it. */
export const formatCommentsFile = (data: PostComments): string => `${JSON.stringify(data, null, 2)}\n`;
