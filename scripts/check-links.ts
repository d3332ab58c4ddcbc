import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';
import { parseCli, usage, type CliSpec } from '../src/lib/tools/cli';
import { listRelativeFiles } from '../src/lib/content-files/walk';

/**
 * Internal link and anchor checker for a built site.
 *
 *   npm run check:links -- [dist] [--base /pr-42/]
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

/** Every built file, "/"-separated and relative to `dir` (the one walker, hidden files included). */
export const listFiles = (dir: string): string[] => listRelativeFiles(dir, () => true, { includeHidden: true });

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

export const CHECK_LINKS_CLI: CliSpec = {
  command: 'npm run check:links --',
  synopsis: '[folder] [options]',
  summary: 'Checks every internal link and #anchor of a built site (default folder: dist). Exit 1 when one is broken.',
  allowPositionals: true,
  options: {
    base: { type: 'string', value: 'path', default: '/', help: "the site's base path, e.g. /pr-42/ (default /)" },
  },
};

/** The command: returns the exit code (2 for wrong use, such as a folder that is not there). */
export function runCheckLinks(argv: string[], out: (s: string) => void = console.log, err: (s: string) => void = console.error): number {
  const parsed = parseCli(CHECK_LINKS_CLI, argv);
  if (parsed.kind === 'exit') {
    if (parsed.stdout) out(parsed.stdout.trimEnd());
    if (parsed.stderr) err(parsed.stderr.trimEnd());
    return parsed.code;
  }
  if (parsed.positionals.length > 1) {
    err(`check:links: one folder at most (got ${parsed.positionals.join(', ')})\n\n${usage(CHECK_LINKS_CLI)}`);
    return 2;
  }
  const dist = parsed.positionals[0] ?? 'dist';
  if (!existsSync(dist) || !statSync(dist).isDirectory()) {
    err(`check:links: the folder "${dist}" does not exist${dist === 'dist' ? ' (build the site first: npm run build)' : ''}.`);
    return 2;
  }
  const report = checkLinks(dist, { base: String(parsed.values.base) });
  for (const b of report.broken) out(`${b.page}: ${b.attribute} ${b.url} — ${b.reason}`);
  out(`${report.pages} pages, ${report.links} internal links, ${report.broken.length} broken (in ${dist})`);
  return report.broken.length ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(runCheckLinks(process.argv.slice(2)));
}
