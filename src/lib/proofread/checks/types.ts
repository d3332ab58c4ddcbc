import type { ParsedPost } from '../document';
import type { PostData } from '../frontmatter';
import type { Issue, ProofContext } from '../types';

/**
 * Every check takes one input and returns issues; the registry (index.ts) runs them,
 * names each issue with its rule and file, and caps how many one check may report.
 */

export interface PostInput {
  /** Path relative to the project root, with "/" separators. */
  file: string;
  /** "2018/07/slug", when the file sits at a post address. */
  postId?: string;
}

export interface CheckInput extends PostInput {
  /** The file's text, as read. */
  text: string;
  /** The parsed file: Markdown for `.md`, MDX for `.mdx`. */
  doc: ParsedPost;
  /** What could be read from the front matter, even when some fields are wrong. */
  data: PostData;
  ctx: ProofContext;
}

export interface Check {
  /** The rule's name in findings, e.g. "links". */
  rule: string;
  /** Only run when the front matter could be read (otherwise it would only repeat "missing"). */
  needsFrontMatter?: boolean;
  run(input: CheckInput): Issue[] | Promise<Issue[]>;
}

/** The folder of a project-relative file ("." at the root). */
export const folderOf = (file: string) => (file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.');

export const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Resolve "a/b/../c" and "./" without touching the disk. */
export function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}
