import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * Pages that exist only to send readers on (old archive addresses, label aliases),
 * the 404 and the search page stay out of the sitemap.
 */
export function sitemapExclusions(contentDir: string): (pathname: string) => boolean {
  const aliases = new Set<string>();
  const file = join(contentDir, 'labels.yaml');
  if (existsSync(file)) {
    const data = (parse(readFileSync(file, 'utf8')) ?? {}) as Record<string, { aliases?: string[] } | null>;
    for (const info of Object.values(data)) for (const a of info?.aliases ?? []) aliases.add(a);
  }
  return (pathname) => {
    const path = decodeURIComponent(pathname);
    if (/\/404(\.html)?$/.test(path) || /\/\d{4}_\d{2}_01_archive(\.html)?$/.test(path) || /\/search\/?$/.test(path) || /\/share\/mastodon\/?$/.test(path)) return true;
    const label = /\/search\/label\/([^/]+)\/?$/.exec(path)?.[1];
    return label !== undefined && aliases.has(label);
  };
}

/**
 * @astrojs/sitemap drops `.html` and trailing slashes with build.format 'preserve'
 * (it lists /2008/11/slug for /2008/11/slug.html). Put back the form that was built:
 * a file `x.html` means `/x.html`, otherwise the folder `/x/`.
 */
export function builtUrl(url: string, outDir: string, base: string): string {
  const u = new URL(url);
  if (u.pathname.endsWith('/') || /\.[a-z0-9]+$/i.test(u.pathname)) return url;
  const path = decodeURIComponent(u.pathname).slice(base.replace(/\/$/, '').length);
  u.pathname += existsSync(join(outDir, `${path}.html`)) ? '.html' : '/';
  return u.toString();
}
