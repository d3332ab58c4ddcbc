import type { StoredComment } from '../schemas';

/**
 * What every format parser produces: posts, pages and comments in one neutral
 * shape, before paths are assigned or anything is converted. Parsers never decide
 * where things go; the planner does, once, for all files together.
 */

export type ExportFormat = 'blogger-classic' | 'blogger-takeout' | 'disqus' | 'wxr' | 'jsonfeed';
export type SourceSystem = StoredComment['source']['system'];

export interface SourceEntry {
  kind: 'post' | 'page';
  system: SourceSystem;
  file: string;
  line?: number;
  /** Raw id exactly as in the file (Atom id, WordPress post_id). */
  sourceId: string;
  /** Blogger's numeric post/page id (digits only), kept as a string. */
  bloggerId?: string;
  wordpressId?: string;
  /** Plain text, entities decoded exactly once; may be empty. */
  title: string;
  /** RFC 3339 with the offset the source gave. */
  published: string;
  draft: boolean;
  /** The public permalink on the old site (absolute, or host-less for Takeout). Absent for drafts. */
  url?: string;
  /** The slug the source chose, for formats whose URLs are not Blogger-shaped (WordPress post_name). */
  slug?: string;
  labels: string[];
  author: { name?: string; uri?: string; login?: string };
  /** Body HTML as stored in the export (parse it once, never unescape again). */
  html: string;
  /** WordPress bodies rely on wpautop: blank lines are paragraphs. */
  autop?: boolean;
  description?: string;
  /** Blogger's own comment count (thr:total), for a cross-check only. */
  commentTotal?: number;
}

export type CommentState =
  | 'visible'
  | 'removed'
  | 'spam'
  | 'pending'
  | 'trashed'
  | 'pingback'
  | 'malformed'
  | 'deleted-thread';

export interface SourceComment {
  system: SourceSystem;
  file: string;
  line?: number;
  /** Namespaced id: blogger:<n>, disqus:<n>, wxr:<n>. */
  id: string;
  rawId: string;
  /** Namespaced id of the parent comment, when the source names one. */
  parentId?: string;
  parentRef?: string;
  /** How to find the post: any of these, tried in order by the planner. */
  post: {
    ref: string;
    /** A SourceEntry key (system + sourceId) in the same import. */
    entryKey?: string;
    /** Blogger numeric id (post or page: Blogger page comments say post-). */
    bloggerId?: string;
    urls?: string[];
    /** The site's own post id (from our own exports). */
    siteId?: string;
    /** Disqus identifier (may be a Blogger id or a URL). */
    identifier?: string;
    title?: string;
  };
  published: string;
  tzAssumed?: boolean;
  author: {
    name: string;
    uri?: string;
    identity: 'registered' | 'guest' | 'anonymous';
    disqusUsername?: string;
    wordpressUserId?: string;
    wordpressLogin?: string;
  };
  html: string;
  /** WordPress comment text relies on wpautop (newlines are breaks). */
  autop?: boolean;
  state: CommentState;
  removedBy?: 'author' | 'administrator';
  permalink?: string;
  rawStatus?: string;
  /** Why a comment is malformed, for the report. */
  problem?: string;
  /** A comment from one of our own exports: restored exactly as it was stored. */
  restored?: StoredComment;
}

export interface ParsedExport {
  file: string;
  format: ExportFormat;
  /** Hosts the old blog answered on, from the feed itself (e.g. name.blogspot.com). */
  hosts: string[];
  entries: SourceEntry[];
  comments: SourceComment[];
  /** Entries that are not content (template, settings, attachments…), by kind. */
  skipped: Record<string, number>;
  /** Things the parser dropped itself (trashed posts, malformed entries), with reasons. */
  dropped: { kind: string; id: string; reason: string; detail?: string }[];
  recovered: string[];
  settings: Record<string, string>;
  warnings: string[];
}

/** A parse result with nothing in it yet; each parser fills it in. */
export function emptyExport(file: string, format: ExportFormat): ParsedExport {
  return { file, format, hosts: [], entries: [], comments: [], skipped: {}, dropped: [], recovered: [], settings: {}, warnings: [] };
}

export const entryKey = (system: SourceSystem, sourceId: string) => `${system}|${sourceId}`;
