import {
  ContentFileError,
  listContentFiles,
  parseFrontMatter,
  parsePostText,
  peekCommentsFile,
  readAuthorFile,
  readCommentsFile,
  readLabelsFile,
  parsePageText,
  readTextFile,
  type ContentFile,
  type ContentKind,
} from '../content-files';
import { formatOf } from './body';
import type { AuthorSource, BlogSource, CommentFileSource, PageSource, PostSource } from './blog';

/**
 * A content folder read into the model (blog.ts), each file once, through content-files
 * (strict UTF-8, the build's schemas, errors naming the file and field). The search
 * index, the comment export, the importer and the proof sheet read the blog here; the
 * site's data layer gets the same sources from Astro's collections (`postFromEntry`).
 */

/** A post or page the schema refuses, kept by a lenient read (the importer and the proof sheet must see it). */
export interface InvalidDocument {
  kind: 'post' | 'page';
  id: string;
  file: string;
  error: ContentFileError;
  /** false when the file is not even UTF-8 text. */
  readable: boolean;
  /** Its front matter as far as it could be read (empty when it could not). */
  frontMatter: Record<string, unknown>;
}

export interface ReadOptions {
  /** Which kinds to read (default: all). */
  kinds?: readonly ContentKind[];
  /** Keep refused posts in `invalidDocuments` instead of stopping at the first. */
  lenient?: boolean;
  /** Put before each content-relative path, in `file` fields and messages (e.g. "content/" for project-relative). */
  prefix?: string;
}

export interface BlogFiles extends BlogSource {
  /** Posts and pages the schema refused (lenient reads only; a strict read throws). */
  invalidDocuments: InvalidDocument[];
  /** Every file read, in a stable order (`rel` with the prefix). */
  files: ContentFile[];
}

const present = <T>(value: T | undefined): T[] => (value === undefined ? [] : [value]);

function readDocument<T>(f: ContentFile, kind: 'post' | 'page', read: (text: string) => T, lenient: boolean, invalid: InvalidDocument[]): T | undefined {
  let text: string | undefined;
  try {
    text = readTextFile(f.file, f.rel);
    return read(text);
  } catch (e) {
    if (!lenient || !(e instanceof ContentFileError)) throw e;
    const fm = text === undefined ? undefined : parseFrontMatter(text);
    invalid.push({ kind, id: f.id, file: f.rel, error: e, readable: text !== undefined, frontMatter: fm && !fm.error ? fm.data : {} });
    return undefined;
  }
}

const postOf = (f: ContentFile) => (text: string): PostSource => {
  const { data, body } = parsePostText(text, f.rel);
  return { id: f.id, file: f.rel, format: formatOf(f.rel), data, body };
};

const pageOf = (f: ContentFile) => (text: string): PageSource => ({ id: f.id, file: f.rel, data: parsePageText(text, f.rel).data });

function readCommentFile(f: ContentFile): CommentFileSource {
  const peek = peekCommentsFile(f.file, f.rel);
  // Only the digest is kept: the comments are read again if (and only if) they are needed.
  return { file: f.rel, ...peek, read: () => readCommentsFile(f.file, f.rel) };
}

/** The blog in `contentDir`, each file read once. */
export function readBlog(contentDir: string, options: ReadOptions = {}): BlogFiles {
  const prefix = options.prefix ?? '';
  const files = listContentFiles(contentDir, options.kinds).map((f) => ({ ...f, rel: `${prefix}${f.rel}` }));
  const blog: BlogFiles = { posts: [], pages: [], authors: [], labelInfo: new Map(), commentFiles: [], invalidDocuments: [], files };
  for (const f of files) {
    const lenient = options.lenient === true;
    if (f.kind === 'post') blog.posts.push(...present(readDocument(f, 'post', postOf(f), lenient, blog.invalidDocuments)));
    else if (f.kind === 'page') blog.pages.push(...present(readDocument(f, 'page', pageOf(f), lenient, blog.invalidDocuments)));
    else if (f.kind === 'author') blog.authors.push({ id: f.id, data: readAuthorFile(f.file, f.rel) } satisfies AuthorSource);
    else if (f.kind === 'comments') blog.commentFiles.push(readCommentFile(f));
    else blog.labelInfo = readLabelsFile(contentDir, f.rel);
  }
  return blog;
}
