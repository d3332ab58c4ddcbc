/**
 * The proof sheet's vocabulary. Every check returns findings; the report groups them.
 * Findings are written for the authors (psychiatrists, not engineers): `message` says
 * what is wrong, `fix` says what to do, in plain words.
 */

/** error: the post would break or mislead (must fix); warning: should fix; hint: consider. */
export type Severity = 'error' | 'warning' | 'hint';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'hint'];

export type FindingKind =
  | 'encoding'
  | 'frontmatter'
  | 'mdx'
  | 'title'
  | 'address'
  | 'description'
  | 'author'
  | 'labels'
  | 'links'
  | 'images'
  | 'spelling'
  | 'wording'
  | 'style'
  | 'status';

/** A check's finding: what the proof sheet shows, with the rule that made it and the file. */
export interface Finding {
  /** The check that made it (its module under checks/), e.g. "links". */
  rule: string;
  /** The post's file, relative to the project root. */
  file: string;
  severity: Severity;
  kind: FindingKind;
  /** 1-based line in the file, when the problem has a place. */
  line?: number;
  column?: number;
  /** What is wrong, in a sentence. */
  message: string;
  /** What to do about it, in a sentence (optional when obvious). */
  fix?: string;
  /** The word or label the finding is about, when there is one (to say a thing once). */
  subject?: string;
}

/** What a check returns: the runner adds the rule and the file. */
export type Issue = Omit<Finding, 'rule' | 'file'>;

export interface KnownAuthor {
  id: string;
  /** The byline, e.g. "Roy". */
  handle: string;
}

export interface KnownPost {
  /** "2008/11/slug" */
  id: string;
  draft: boolean;
  published?: Date;
}

/**
 * Everything a check needs to know about the rest of the blog. The CLI reads it from
 * content/; tests build it by hand.
 */
export interface ProofContext {
  authors: readonly KnownAuthor[];
  /** Other posts (the one being checked may be included; checks skip it). */
  posts: ReadonlyMap<string, KnownPost>;
  /** Page ids under content/pages ("about"). */
  pages: ReadonlySet<string>;
  /** Labels in use on other posts, with how many posts use each. */
  labels: ReadonlyMap<string, number>;
  /** Spellings that content/labels.yaml names as aliases, mapped to their label. */
  labelAliases: ReadonlyMap<string, string>;
  /** Anchors (#ids) on another post's page: its headings, explicit ids and comments. */
  anchorsOf: (postId: string) => ReadonlySet<string> | undefined;
  /** Components every post can use without importing them (src/components/mdx-components.ts). */
  providedComponents: ReadonlySet<string>;
  /** Ids every post page has, from the site's layout (e.g. "comments"). */
  layoutAnchors: ReadonlySet<string>;
  /** Does this file exist? Paths are relative to the project root, with "/" separators. */
  fileExists: (path: string) => boolean;
  /** Where posts live, relative to the project root, e.g. "content/posts". */
  postsDir: string;
  /** The blog's time zone (folder month and schedule messages). */
  timeZone: string;
  /** The time the sheet is made, for "scheduled" wording. */
  now: Date;
}

/** The proof sheet's heading for one post (what it says about the post besides its findings). */
export interface SheetHeading {
  /** Path as given, for the heading. */
  file: string;
  /** "2018/07/slug" when the file is at a post address, else undefined. */
  postId?: string;
  title?: string;
  authorHandle?: string;
  draft?: boolean;
  published?: Date;
  proofreadBy: string[];
  words: number;
  readingMinutes: number;
}

export interface PostReport extends SheetHeading {
  findings: Finding[];
}
