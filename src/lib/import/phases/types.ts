import { pagePath, postPath } from '../../urls';
import type { SourceEntry } from '../parsed';

/** What the phases of one import plan share: every phase reads its inputs and returns its result. */

export interface PlannedFile {
  /** Path relative to the content folder, with forward slashes. */
  rel: string;
  text: string;
  kind: 'post' | 'page' | 'comments';
  /** A post's or page's front matter, as written into `text` (read by later phases instead of parsing `text`). */
  frontMatter?: Record<string, unknown>;
  /**
   * Files of the same post or page under the other extension (`slug.md` vs `slug.mdx`),
   * already in the content folder: the writer removes them when it writes this one.
   */
  replaces?: string[];
  /** A post's labels as it will carry them, and where it came from (for the label check). */
  labels?: { where: string; labels: string[] };
}

/** An entry with its address here. */
export interface Placed {
  entry: SourceEntry;
  /** Post id ("2008/11/slug") or page slug. */
  id: string;
  /** Where the old blog served it, root-relative, when it had an address. */
  oldPath?: string;
  /** Target for comments: the post id, or "p/<slug>" for pages. */
  target: string;
}

/** Problems that stop the import before anything is written, collected across phases. */
export type Problems = string[];

export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A comment target ("2008/11/slug" or "p/about") -> its address. */
export function pathOfTarget(target: string): string {
  return target.startsWith('p/') ? pagePath(target.slice(2)) : postPath(target);
}

export const targetOf = (kind: 'post' | 'page', id: string) => (kind === 'post' ? id : `p/${id}`);

/** "file:line (post id)" for messages. */
export const entryWhere = (e: SourceEntry) => `${e.file}${e.line ? `:${e.line}` : ''} (${e.kind} ${e.sourceId})`;

export function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
