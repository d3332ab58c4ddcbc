import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';

/**
 * Internal link and anchor checker for a built site.
 *
 *   npx tsx scripts/check-links.ts [dist] [--base /pr-42/]
 *
 * Every href/src/srcset/poster on every HTML page that points inside the site (root-relative
 * or relative, not another origin) must resolve to a built file, the way static hosts
 * serve `build.format: 'preserve'` output: `/x/` → x/index.html, `/x` → x, x.html or
 * x/index.html, and %-encoded names (labels with spaces) decoded. A #fragment must name an
 * id (or <a name>) on the target page. Exit code 1 when anything is broken.
 */

export interface BrokenLink {
  page: string; // the page's file, relative to dist
  attribute: string;
  url: string;
  reason: string;
}

export interface LinkReport {
  pages: number;
  links: number;
  broken: BrokenLink[];
}

const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  form: ['action'],
  embed: ['src'],
  object: ['data'],
};

/** hast property names for the attributes above. */
const PROPERTY: Record<string, string> = { srcset: 'srcSet', action: 'action', data: 'data', poster: 'poster', href: 'href', src: 'src' };

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** The built file a site path is served from, or undefined. `path` is decoded, without base. */
export function resolveSitePath(dist: string, path: string): string | undefined {
  const clean = path.replace(/^\/+/, '');
  const candidates = clean === '' || clean.endsWith('/') ? [`${clean}index.html`] : [clean, `${clean}.html`, `${clean}/index.html`];
  for (const c of candidates) {
    const full = join(dist, c);
    if (existsSync(full) && statSync(full).isFile()) return c;
  }
  return undefined;
}

export function checkLinks(dist: string, options: { base?: string; origin?: string } = {}): LinkReport {
  const root = resolve(dist);
  const base = options.base ?? '/';
  const files = listFiles(root);
  const pages = files.filter((f) => f.endsWith('.html'));
  const idsCache = new Map<string, Set<string>>();
  const trees = new Map<string, Root>();
  const tree = (file: string) => {
    let t = trees.get(file);
    if (!t) {
      t = fromHtml(readFileSync(join(root, file), 'utf8'));
      trees.set(file, t);
    }
    return t;
  };
  const ids = (file: string) => {
    let s = idsCache.get(file);
    if (!s) {
      s = new Set<string>();
      visit(tree(file), 'element', (el: Element) => {
        if (typeof el.properties.id === 'string') s!.add(el.properties.id);
        if (el.tagName === 'a' && typeof el.properties.name === 'string') s!.add(el.properties.name);
      });
      idsCache.set(file, s);
    }
    return s;
  };

  const broken: BrokenLink[] = [];
  let links = 0;
  for (const page of pages) {
    const pageUrl = new URL(`/${page}`, 'http://site.invalid');
    visit(tree(page), 'element', (el: Element) => {
      const attributes = URL_ATTRIBUTES[el.tagName];
      if (!attributes) return;
      for (const attribute of attributes) {
        const value = el.properties[PROPERTY[attribute] ?? attribute];
        if (typeof value !== 'string' && !Array.isArray(value)) continue;
        const raw = Array.isArray(value) ? value.join(' ') : value;
        const urls = attribute === 'srcset' ? raw.split(',').map((s) => s.trim().split(/\s+/)[0]!).filter(Boolean) : [raw];
        for (const url of urls) {
          const problem = checkOne(url, page, pageUrl);
          if (problem !== null) links++;
          if (problem) broken.push({ page, attribute: `${el.tagName}[${attribute}]`, url, reason: problem });
        }
      }
    });
  }
  return { pages: pages.length, links, broken };

  /** undefined = fine, null = not an internal link (skipped), string = what is wrong. */
  function checkOne(url: string, page: string, pageUrl: URL): string | undefined | null {
    if (url === '' || /^(mailto|tel|data|javascript|blob):/i.test(url)) return null;
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
      if (!options.origin || !url.startsWith(options.origin)) return null; // another origin
    }
    const target = new URL(url, pageUrl);
    let path: string;
    try {
      path = decodeURIComponent(target.pathname);
    } catch {
      return `the address is not valid percent-encoding`;
    }
    if (!path.startsWith(base)) return `outside the site's base ${base}`;
    const sitePath = `/${path.slice(base.length)}`;
    const file = url.startsWith('#') ? page : resolveSitePath(root, sitePath);
    if (!file) return `no file for ${sitePath}`;
    if (target.hash && target.hash !== '#' && file.endsWith('.html')) {
      const id = decodeURIComponent(target.hash.slice(1));
      if (!ids(file).has(id)) return `no id="${id}" in ${file}`;
    }
    return undefined;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const baseAt = args.indexOf('--base');
  const base = baseAt >= 0 ? args[baseAt + 1]! : '/';
  const dist = args.find((a, i) => !a.startsWith('--') && i !== baseAt + 1) ?? 'dist';
  const report = checkLinks(dist, { base });
  for (const b of report.broken) console.log(`${b.page}: ${b.attribute} ${b.url} — ${b.reason}`);
  console.log(`${report.pages} pages, ${report.links} internal links, ${report.broken.length} broken`);
  process.exit(report.broken.length ? 1 : 0);
}

