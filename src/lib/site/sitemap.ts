import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readLabelsFile } from '../content-files';
import { mastodonSharePath, parsePath, type SitePath } from '../urls';

/**
 * Pages that exist only to send readers on (old archive addresses, label aliases, the
 * Mastodon share page), the 404 and the search page stay out of the sitemap.
 */
export function sitemapExclusions(contentDir: string, base = '/'): (pathname: string) => boolean {
  const prefix = base.replace(/\/$/, '');
  const aliases = new Set([...readLabelsFile(contentDir).values()].flatMap((info) => info.aliases));
  return (pathname) => {
    const path = pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : pathname;
    if (path.replace(/\/?$/, '/') === mastodonSharePath()) return true;
    const at = readBuiltPath(path);
    if (!at) return false;
    if (at.kind === 'not-found' || at.kind === 'legacy-month-archive' || at.kind === 'search') return true;
    return at.kind === 'label' && aliases.has(at.label);
  };
}

/**
 * @astrojs/sitemap drops `.html` and trailing slashes with build.format 'preserve'
 * (it lists /2008/11/slug for /2008/11/slug.html). Put back the form that was built:
 * a file `x.html` means `/x.html`, otherwise the folder `/x/`; label pages keep Blogger's `/search/label/x`.
 */
export function builtUrl(url: string, outDir: string, base: string): string {
  const u = new URL(url);
  if (u.pathname.endsWith('/') || /\.[a-z0-9]+$/i.test(u.pathname)) return url;
  // Label pages are built as x.html but addressed as Blogger's /search/label/x, as in every link and canonical.
  if (/\/search\/label\/[^/]+$/.test(u.pathname)) return url;
  const path = decodeURIComponent(u.pathname).slice(base.replace(/\/$/, '').length);
  u.pathname += existsSync(join(outDir, `${path}.html`)) ? '.html' : '/';
  return u.toString();
}

/** A sitemap pathname (without the base; `.html` and the final slash may have been dropped), read as a site address. */
function readBuiltPath(pathname: string): SitePath | undefined {
  return parsePath(pathname) ?? parsePath(`${pathname}.html`) ?? parsePath(`${pathname.replace(/\/$/, '')}/`);
}
