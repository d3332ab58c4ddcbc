import { pagePath, postPath } from '../../urls';
import type { ExistingContent } from '../existing';
import type { ParsedExport, SourceEntry } from '../parsed';
import { urlKey, type SiteHosts } from '../old-urls';
import type { MigrationReport } from '../report';
import { targetOf } from './types';

/**
 * Phase 1, entries: what the content folder already holds (so a re-import finds its
 * own files again), and which entries of the exports become posts and pages: each
 * Blogger entry once (classic and Takeout may both carry it), and no WordPress item
 * that only repeats a post we already have (its comments still come in).
 */

export interface ExistingIndex {
  /** "post:<bloggerId>" or "page:<bloggerId>" -> target. */
  byBloggerId: Map<string, string>;
  /** Blogger id -> the first target with it (page comments say post-, so either kind). */
  commentTargetByBloggerId: Map<string, string>;
  byWordpressId: Map<string, string>;
  /** URL key -> target: old addresses, and the site's own paths ("site/2008/11/x.html"). */
  byUrl: Map<string, string>;
}

export function indexExisting(existing: ExistingContent, site: SiteHosts): ExistingIndex {
  const index: ExistingIndex = { byBloggerId: new Map(), commentTargetByBloggerId: new Map(), byWordpressId: new Map(), byUrl: new Map() };
  for (const [kind, docs] of [['post', existing.posts], ['page', existing.pages]] as const) {
    for (const d of docs.values()) {
      const target = targetOf(kind, d.id);
      if (d.bloggerId) {
        index.byBloggerId.set(`${kind}:${d.bloggerId}`, target);
        if (!index.commentTargetByBloggerId.has(d.bloggerId)) index.commentTargetByBloggerId.set(d.bloggerId, target);
      }
      if (d.wordpressId) index.byWordpressId.set(d.wordpressId, target);
      const k = d.legacyUrl ? urlKey(d.legacyUrl, site) : undefined;
      if (k) index.byUrl.set(k, target);
      index.byUrl.set(`site${kind === 'post' ? postPath(d.id) : pagePath(d.id)}`, target);
    }
  }
  return index;
}

export interface SelectedEntries {
  /** Entries that become posts and pages, in file order. */
  entries: SourceEntry[];
  /** WordPress items taken for their comments only -> the target they repeat ("" when none). */
  commentsOnly: Map<SourceEntry, string>;
}

export function selectEntries(
  parsed: readonly ParsedExport[],
  index: ExistingIndex,
  site: SiteHosts,
  report: MigrationReport,
  options: { commentsOnly?: boolean } = {},
): SelectedEntries {
  const entries: SourceEntry[] = [];
  const seen = new Set<string>();
  const bloggerUrlKeys = new Set<string>();
  for (const e of parsed.flatMap((p) => p.entries)) {
    // The same Blogger entry can come from two files (classic and Takeout); WordPress items never repeat.
    const identity = e.bloggerId ? `${e.kind}:blogger:${e.bloggerId}` : `${e.file}:${e.line ?? ''}:${e.sourceId}`;
    if (seen.has(identity)) {
      report.duplicates.push(`${e.kind} ${e.sourceId} in ${e.file} (already in an earlier file)`);
      continue;
    }
    seen.add(identity);
    const k = e.system !== 'wxr' && e.url ? urlKey(e.url, site) : undefined;
    if (k) bloggerUrlKeys.add(k);
    entries.push(e);
  }
  const commentsOnly = new Map<SourceEntry, string>();
  const kept = entries.filter((e) => {
    if (e.system !== 'wxr') return true;
    const k = e.url ? urlKey(e.url, site) : undefined;
    const already = (e.wordpressId && index.byWordpressId.get(e.wordpressId)) || (k && (index.byUrl.get(k) ?? (bloggerUrlKeys.has(k) ? k : undefined)));
    if (!already && !options.commentsOnly) return true;
    commentsOnly.set(e, already || '');
    report.warnings.push(`${e.file}: ${e.kind} "${e.title || e.sourceId}" ${already ? 'is already on the site' : 'not created (--comments-only)'}: only its comments are imported`);
    return false;
  });
  return { entries: kept, commentsOnly };
}
