import { bloggerSlug, isReservedPostSlug, shortenSlug, uniquePostSlug, uniqueSlug, MAX_SLUG_LENGTH } from '../../slug';
import { pagePath, postPath } from '../../urls';
import type { ExistingContent } from '../existing';
import type { SourceEntry } from '../parsed';
import { BLOGGER_PAGE_PATH, BLOGGER_POST_PATH, parseOldUrl, safeSlug, type SiteHosts } from '../old-urls';
import type { MigrationReport } from '../report';
import { localYearMonth } from '../text';
import type { ExistingIndex } from './entries';
import { decodeSafe, targetOf, type Placed } from './types';
import { pad2 } from '../../dates';

/**
 * Phase 2, addresses: where every entry lives. Its old Blogger address when it can
 * (that address is then its file); otherwise the next free Blogger-style name, with a
 * redirect from the old address and a line in the report. Entries imported before
 * keep their file; a name that is one of the site's own files (`index`) or too long
 * for a file name is never used.
 */

export interface WantedAddress {
  entry: SourceEntry;
  /** Post id ("2008/11/slug") or page slug. */
  id: string;
  /** True when `id` is exactly the old address: it is kept unless taken. */
  exact: boolean;
  oldPath?: string;
  /** Why the address differs from the old one (for the report). */
  reason?: string;
}

const MONTH = /^(0[1-9]|1[0-2])$/;
const RESERVED_REASON = "the old address is one of the site's own files (the month archive's page)";
const TOO_LONG_REASON = `the old slug is longer than a file name may be (${MAX_SLUG_LENGTH} characters); shortened at a word`;

/** Where an entry wants to live, from its old address (never from the title, unless it had none). */
export function wantedAddress(e: SourceEntry, site: SiteHosts): WantedAddress {
  const want = e.kind === 'post' ? wantedPostAddress(e, site) : wantedPageAddress(e, site);
  const [prefix, slug] = splitId(want.id, e.kind);
  if (slug.length > MAX_SLUG_LENGTH) return { ...want, id: `${prefix}${shortenSlug(slug)}`, exact: false, reason: TOO_LONG_REASON };
  if (e.kind === 'post' && isReservedPostSlug(slug)) return { ...want, exact: false, reason: want.reason ?? RESERVED_REASON };
  return want;
}

function fallbackSlug(e: SourceEntry): string {
  if (e.slug) return shortenSlug(safeSlug(e.slug));
  if (e.title) return bloggerSlug(e.title);
  return `untitled-${(e.bloggerId ?? e.wordpressId ?? e.sourceId).replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
}

function wantedPostAddress(e: SourceEntry, site: SiteHosts): WantedAddress {
  const u = e.url ? parseOldUrl(e.url, site) : undefined;
  const oldPath = u?.path;
  const { year, month } = localYearMonth(e.published);
  const dated = (slug: string) => `${year}/${pad2(month)}/${slug}`;
  const m = u ? BLOGGER_POST_PATH.exec(u.path) : null;
  if (m && e.system !== 'wxr') {
    const slug = safeSlug(m[3]!);
    const id = MONTH.test(m[2]!) ? `${m[1]}/${m[2]}/${slug}` : dated(slug);
    if (MONTH.test(m[2]!) && slug === decodeSafe(m[3]!)) return { entry: e, id, exact: true, oldPath };
    return { entry: e, id, exact: false, oldPath, reason: 'the old slug has characters a file name here cannot' };
  }
  if (u && e.system !== 'wxr') {
    const last = u.path.split('/').pop()?.replace(/\.html?$/, '') ?? '';
    return { entry: e, id: dated(last ? safeSlug(last) : fallbackSlug(e)), exact: false, oldPath, reason: 'the old address was not /YYYY/MM/slug.html' };
  }
  if (u) return { entry: e, id: dated(fallbackSlug(e)), exact: false, oldPath, reason: 'WordPress address' };
  return { entry: e, id: dated(fallbackSlug(e)), exact: false };
}

function wantedPageAddress(e: SourceEntry, site: SiteHosts): WantedAddress {
  const u = e.url ? parseOldUrl(e.url, site) : undefined;
  const oldPath = u?.path;
  const m = u ? BLOGGER_PAGE_PATH.exec(u.path) : null;
  if (m && e.system !== 'wxr') {
    const slug = safeSlug(m[1]!);
    if (slug === decodeSafe(m[1]!)) return { entry: e, id: slug, exact: true, oldPath };
    return { entry: e, id: slug, exact: false, oldPath, reason: 'the old page slug has characters a file name here cannot' };
  }
  return { entry: e, id: fallbackSlug(e), exact: false, oldPath, reason: u ? 'the old page address was not /p/slug.html' : undefined };
}

export function splitId(id: string, kind: 'post' | 'page'): [string, string] {
  if (kind === 'page') return ['', id];
  const i = id.lastIndexOf('/');
  return [id.slice(0, i + 1), id.slice(i + 1)];
}

/** An entry imported before keeps its file (the same Blogger or WordPress id). */
function reusedId(e: SourceEntry, index: ExistingIndex): string | undefined {
  const t =
    (e.bloggerId && index.byBloggerId.get(`${e.kind}:${e.bloggerId}`)) ||
    (e.system === 'wxr' && e.wordpressId && index.byWordpressId.get(e.wordpressId)) ||
    undefined;
  if (!t) return undefined;
  const isPage = t.startsWith('p/');
  if (isPage !== (e.kind === 'page')) return undefined;
  return isPage ? t.slice(2) : t;
}

/**
 * Addresses for every entry, in three passes: entries already imported keep their
 * file; exact Blogger addresses next; the rest take the next free name. Returned in
 * claim order (the old-URL map relies on it: an address two entries share stays with
 * the one that kept it).
 */
export function placeEntries(
  entries: readonly SourceEntry[],
  existing: ExistingContent,
  index: ExistingIndex,
  site: SiteHosts,
  report: MigrationReport,
): Placed[] {
  const taken = { post: new Set(existing.posts.keys()), page: new Set(existing.pages.keys()) };
  const placed: Placed[] = [];
  const claim = (w: WantedAddress, id: string) => {
    taken[w.entry.kind].add(id);
    placed.push({ entry: w.entry, id, oldPath: w.oldPath, target: targetOf(w.entry.kind, id) });
  };
  const pending: WantedAddress[] = [];
  const reused = new Set<string>();
  for (const w of entries.map((e) => wantedAddress(e, site))) {
    const again = reusedId(w.entry, index);
    const key = `${w.entry.kind}:${again}`;
    if (again && !reused.has(key)) {
      reused.add(key);
      claim(w, again);
    } else pending.push(w);
  }
  const later = pending.filter((w) => {
    if (!w.exact || taken[w.entry.kind].has(w.id)) return true;
    claim(w, w.id);
    return false;
  });
  for (const w of later) claim(w, nextFreeAddress(w, taken[w.entry.kind], existing, report));
  return placed;
}

function nextFreeAddress(w: WantedAddress, taken: ReadonlySet<string>, existing: ExistingContent, report: MigrationReport): string {
  const [prefix, slug] = splitId(w.id, w.entry.kind);
  const free = (s: string) => taken.has(`${prefix}${s}`);
  const assigned = `${prefix}${w.entry.kind === 'post' ? uniquePostSlug(slug, free) : uniqueSlug(slug, free)}`;
  if (assigned !== w.id) {
    const reason =
      w.entry.kind === 'post' && isReservedPostSlug(splitId(w.id, 'post')[1])
        ? "the name is one of the site's own files"
        : existing.posts.has(w.id) || existing.pages.has(w.id)
          ? 'a different post already has this address'
          : 'another entry in the export has this address';
    report.slugCollisions.push({ id: w.entry.sourceId, wanted: w.id, assigned, reason });
  }
  if (w.oldPath && w.reason) {
    report.renamedAddresses.push({ from: w.oldPath, to: w.entry.kind === 'post' ? postPath(assigned) : pagePath(assigned), reason: w.reason });
  }
  return assigned;
}
