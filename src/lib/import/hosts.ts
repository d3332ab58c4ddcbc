import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { visit } from 'unist-util-visit';
import type { Root } from 'hast';
import type { ParsedExport, SourceEntry } from './parsed';
import { DEFAULT_SITE_HOSTS, SiteHosts, parseOldUrl } from './old-urls';
import type { MigrationReport } from './report';

/**
 * The blog's own hosts. A classic export names one (its alternate link); a Takeout
 * feed.atom names none: its addresses (blogger:filename) are paths. But the blog
 * gives itself away: its posts link to each other with absolute addresses whose path
 * is another entry's address, and its Disqus threads name those paths. A host is
 * taken as the blog's when a post or page links to an entry's path on it, or when
 * Disqus threads name two different entries' paths on it (one thread alone may be a
 * preview or test host). Scheme, `www.`, `?m=1` and blogspot country domains never
 * matter (old-urls.ts).
 */

export interface InferredHost {
  /** Canonical host (no www., blogspot.com for country domains). */
  host: string;
  /** Scheme and host as the evidence spelled it most often, e.g. "http://name.blogspot.com". */
  origin: string;
  /** Entry paths linked on this host from posts and pages. */
  links: number;
  /** Entry paths named by Disqus threads on this host. */
  threads: number;
}

export interface BlogHosts {
  site: SiteHosts;
  inferred: InferredHost[];
  /** An entry's old address as an absolute URL (Takeout paths joined to the blog's host). */
  legacyUrl: (e: SourceEntry) => string | undefined;
}

interface Evidence {
  links: Set<string>;
  threads: Set<string>;
  origins: Map<string, number>;
}

export function blogHosts(parsed: readonly ParsedExport[], given: readonly string[] = []): BlogHosts {
  const site = new SiteHosts([...DEFAULT_SITE_HOSTS, ...given, ...parsed.flatMap((p) => p.hosts)]);
  const inferred = inferHosts(parsed, site);
  for (const h of inferred) site.add(h.host);
  const origin = preferredOrigin(inferred, site);
  const legacyUrl = (e: SourceEntry) => {
    if (!e.url) return undefined;
    if (/^https?:\/\//i.test(e.url)) return e.url;
    return origin && e.url.startsWith('/') ? `${origin}${e.url}` : undefined;
  };
  return { site, inferred, legacyUrl };
}

/** Hosts not yet known whose paths are entries' paths, with how many of each kind of evidence. */
export function inferHosts(parsed: readonly ParsedExport[], known: SiteHosts): InferredHost[] {
  const entryPaths = new Set<string>();
  for (const e of parsed.flatMap((p) => p.entries)) {
    const u = e.url ? parseOldUrl(e.url, known) : undefined;
    if (u?.host === 'site') entryPaths.add(u.path);
  }
  const evidence = new Map<string, Evidence>();
  const note = (url: string, kind: 'links' | 'threads') => {
    if (!/^(https?:)?\/\//i.test(url.trim())) return;
    const u = parseOldUrl(url, known);
    if (!u || u.host === 'site' || !entryPaths.has(u.path)) return;
    const ev = evidence.get(u.host) ?? { links: new Set(), threads: new Set(), origins: new Map() };
    ev[kind].add(u.path);
    const seen = new URL(url.trim().startsWith('//') ? `https:${url.trim()}` : url.trim());
    const origin = `${seen.protocol}//${seen.host.toLowerCase()}`;
    ev.origins.set(origin, (ev.origins.get(origin) ?? 0) + 1);
    evidence.set(u.host, ev);
  };
  for (const e of parsed.flatMap((p) => p.entries)) for (const href of linksIn(e.html)) note(href, 'links');
  for (const c of parsed.flatMap((p) => p.comments)) {
    if (c.system !== 'disqus') continue;
    for (const url of [...(c.post.urls ?? []), ...(c.post.identifier ? [c.post.identifier] : [])]) note(url, 'threads');
  }
  return [...evidence]
    .filter(([, ev]) => ev.links.size >= 1 || ev.threads.size >= 2)
    .map(([host, ev]) => ({ host, origin: mostUsed(ev.origins), links: ev.links.size, threads: ev.threads.size }))
    .sort((a, b) => b.links + b.threads - (a.links + a.threads) || (a.host < b.host ? -1 : 1));
}

const parser = unified().use(rehypeParse, { fragment: true });

/** Every href of a body (HTML as stored in the export). */
function linksIn(html: string): string[] {
  if (!html.includes('href')) return [];
  const out: string[] = [];
  visit(parser.parse(html) as Root, 'element', (node) => {
    const href = node.properties?.href;
    if (node.tagName === 'a' && typeof href === 'string') out.push(href);
  });
  return out;
}

function mostUsed(counts: ReadonlyMap<string, number>): string {
  return [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0]![0];
}

/** Where host-less (Takeout) addresses are joined: an inferred blogspot host, any inferred host, else the first blogspot host known. */
function preferredOrigin(inferred: readonly InferredHost[], site: SiteHosts): string | undefined {
  const found = inferred.find((h) => h.host.endsWith('.blogspot.com')) ?? inferred[0];
  if (found) return found.origin;
  const host = site.list().find((h) => h.endsWith('.blogspot.com')) ?? site.list()[0];
  return host ? `https://${host}` : undefined;
}

/** The report's account of the blog's hosts. */
export function reportHosts(hosts: BlogHosts, report: MigrationReport) {
  report.hosts.known = hosts.site.list();
  report.hosts.inferred = hosts.inferred;
}
