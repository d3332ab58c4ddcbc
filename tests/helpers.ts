import { existsSync, readFileSync, statSync } from 'node:fs';
import { listRelativeFiles } from '../src/lib/content-files/walk';
import { join, relative } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Root, Element } from 'hast';

export const DIST = join(process.cwd(), 'dist');

/** Read a built file by its URL path ("/2008/11/x.html", "/2008/11/" → index.html). */
export function distFile(urlPath: string, dist = DIST): string {
  let p = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
  if (p.endsWith('/')) p += 'index.html';
  // Label pages are x.html served at /search/label/x, as most static hosts do.
  const asIs = join(dist, p);
  const file = !(existsSync(asIs) && statSync(asIs).isFile()) && existsSync(`${asIs}.html`) ? `${asIs}.html` : asIs;
  if (!existsSync(file)) throw new Error(`${urlPath} was not built (no ${relative(process.cwd(), file)})`);
  return readFileSync(file, 'utf8');
}

export interface Page {
  html: string;
  tree: Root;
  text: (selector?: string) => string;
  all: (selector: string) => Element[];
  one: (selector: string) => Element | undefined;
}

export function page(urlPath: string, dist = DIST): Page {
  const html = distFile(urlPath, dist);
  const tree = fromHtml(html);
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  return {
    html,
    tree,
    text: (selector) => {
      if (!selector) return norm(toText(tree));
      const el = select(selector, tree);
      if (!el) throw new Error(`${urlPath}: nothing matches ${selector}`);
      return norm(toText(el));
    },
    all: (selector) => selectAll(selector, tree),
    one: (selector) => select(selector, tree) ?? undefined,
  };
}

export const attr = (el: Element | undefined, name: string) => {
  const v = el?.properties?.[name];
  return Array.isArray(v) ? v.join(' ') : v === undefined || v === null ? undefined : String(v);
};
export const textOf = (el: Element) => toText(el).replace(/\s+/g, ' ').trim();

/** Every file under a folder, as paths relative to it. */
export const walk = (dir: string): string[] => listRelativeFiles(dir, () => true, { includeHidden: true });
