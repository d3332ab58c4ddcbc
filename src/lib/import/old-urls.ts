import { normalisePath } from '../redirects';
/**
 * Old addresses, normalised so that every spelling of one page compares equal:
 * http/https, www. or not, blogspot country domains (.ca, .co.uk…), the blog's
 * other hosts (psychiatrist-blog.blogspot.com and www.shrinkrap.net served the same
 * paths), a trailing slash, Blogger's ?m=1 mobile switch and #fragments.
 */

/** Hosts Shrink Rap answered on; the importer adds the hosts an export names. */
export const DEFAULT_SITE_HOSTS = ['psychiatrist-blog.blogspot.com', 'www.shrinkrap.net', 'shrinkrap.net'];

export function canonicalHost(host: string): string {
  return host
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/:(80|443)$/, '')
    .replace(/^www\./, '')
    .replace(/\.blogspot\.[a-z]{2,3}(\.[a-z]{2})?$/, '.blogspot.com');
}

export class SiteHosts {
  private readonly hosts: Set<string>;
  constructor(hosts: Iterable<string>) {
    this.hosts = new Set([...hosts].filter(Boolean).map(canonicalHost));
  }
  add(host: string) {
    this.hosts.add(canonicalHost(host));
  }
  has(host: string) {
    return this.hosts.has(canonicalHost(host));
  }
  list() {
    return [...this.hosts].sort();
  }
}

const DROPPED_PARAMS = new Set(['m', 'showcomment', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term']);

export interface ParsedOldUrl {
  /** "site" for the blog's own hosts, else the canonical host. */
  host: string;
  /** Decoded-then-re-encoded path, without trailing slash (except "/"). */
  path: string;
  /** Remaining query, sorted, or "". */
  query: string;
  fragment: string;
}

/** Parse any absolute or root-relative URL; host-less paths belong to the site. */
export function parseOldUrl(url: string, site: SiteHosts): ParsedOldUrl | undefined {
  let u: URL;
  try {
    const t = url.trim();
    u = t.startsWith('//') ? new URL(`http:${t}`) : t.startsWith('/') ? new URL(t, 'http://site.invalid') : new URL(t);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  const host = u.hostname === 'site.invalid' || site.has(u.host) ? 'site' : canonicalHost(u.host);
  let path = normalisePath(u.pathname);
  if (path.length > 1) path = path.replace(/\/+$/, '');
  const params = [...u.searchParams.entries()].filter(([k]) => !DROPPED_PARAMS.has(k.toLowerCase()));
  params.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const query = params.length ? new URLSearchParams(params).toString() : '';
  return { host, path: path || '/', query, fragment: u.hash.replace(/^#/, '') };
}


/** The comparison key of a URL: host (or "site") + path + query, no scheme, no fragment. */
export function urlKey(url: string, site: SiteHosts): string | undefined {
  const p = parseOldUrl(url, site);
  return p ? `${p.host}${p.path}${p.query ? `?${p.query}` : ''}` : undefined;
}

/** Blogger's post address: /YYYY/MM/slug.html. */
export const BLOGGER_POST_PATH = /^\/(\d{4})\/(\d{2})\/([^/]+)\.html$/;
export const BLOGGER_PAGE_PATH = /^\/p\/([^/]+)\.html$/;

/** A decoded slug that may not be a valid file name here -> a safe one (lowercase a-z 0-9 - _). */
export function safeSlug(raw: string): string {
  let s = raw;
  try {
    s = decodeURIComponent(raw);
  } catch {
    /* keep raw */
  }
  return (
    s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^[-_]+|[-_]+$/g, '') || 'post'
  );
}
