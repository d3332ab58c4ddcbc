import { existsSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The one file walker: files under a folder, and the content folder's files by kind.
 * Symbolic links are followed (a linked folder's files are listed and checked like any
 * other), each folder once; with `within`, a link whose target is outside that folder
 * (the repository) stops the walk with a LinkOutsideError naming the link, before any
 * file is read: content must stay inside the repository.
 */

export interface WalkOptions {
  /** Also list entries whose name starts with "." (built output; content skips them). */
  includeHidden?: boolean;
  /** Refuse symbolic links that lead outside this folder (the repository). */
  within?: string;
}

export class LinkOutsideError extends Error {
  override name = 'LinkOutsideError';
  constructor(readonly links: readonly OutsideLink[]) {
    super(links.map(outsideLinkMessage).join('\n'));
  }
}

export interface OutsideLink {
  /** The link, as found under the walked folder. */
  link: string;
  /** Where it leads (real path), or undefined for a broken link. */
  target?: string;
  /** The folder it had to stay in. */
  within: string;
}

export const outsideLinkMessage = (l: OutsideLink) =>
  l.target
    ? `${l.link} is a symbolic link to ${l.target}, outside the repository (${l.within}): content must be inside it. Copy the file or folder in instead of linking it.`
    : `${l.link} is a symbolic link to nothing (its target is missing): remove it, or copy the file in.`;

/** The repository a content folder belongs to: the folder that holds it (the project). */
export const repositoryOf = (contentDir: string) => dirname(realOrResolved(contentDir));

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

const isInside = (path: string, folder: string) => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Where a symbolic link leads (its real path), or undefined when it leads nowhere. */
function linkTarget(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Every symbolic link under `dir` (hidden entries included, linked folders inside
 * followed) that leads outside `within` or nowhere. Reads names only, never a file.
 */
export function outsideLinks(dir: string, within: string): OutsideLink[] {
  if (!existsSync(dir)) return [];
  const root = realOrResolved(within);
  const out: OutsideLink[] = [];
  const seen = new Set<string>();
  const visit = (d: string) => {
    const real = realOrResolved(d);
    if (seen.has(real)) return;
    seen.add(real);
    for (const entry of readdirSync(d, { withFileTypes: true }).sort(byName)) {
      const p = join(d, entry.name);
      if (entry.isSymbolicLink()) {
        const target = linkTarget(p);
        if (!target || !isInside(target, root)) out.push({ link: p, target, within: root });
        else if (statSync(p).isDirectory()) visit(p);
      } else if (entry.isDirectory()) visit(p);
    }
  };
  visit(dir);
  return out;
}

/** Files under `dir` whose name matches, sorted, hidden entries skipped; [] when `dir` is absent. */
export function listFiles(dir: string, match: RegExp | ((name: string) => boolean) = () => true, options: WalkOptions = {}): string[] {
  if (!existsSync(dir)) return [];
  if (options.within) {
    const outside = outsideLinks(dir, options.within);
    if (outside.length) throw new LinkOutsideError(outside);
  }
  const test = typeof match === 'function' ? match : (name: string) => match.test(name);
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (d: string) => {
    const real = realOrResolved(d);
    if (seen.has(real)) return; // a link back to a folder already walked
    seen.add(real);
    for (const entry of readdirSync(d, { withFileTypes: true }).sort(byName)) {
      if (entry.name.startsWith('.') && !options.includeHidden) continue;
      const p = join(d, entry.name);
      const isDir = entry.isDirectory() || (entry.isSymbolicLink() && linkTarget(p) !== undefined && statSync(p).isDirectory());
      if (isDir) visit(p);
      else if (test(entry.name)) out.push(p);
    }
  };
  visit(dir);
  return out;
}

export const toPosix = (p: string) => p.split(sep).join('/');

/** The same, as "/"-separated paths relative to `dir`. */
export function listRelativeFiles(dir: string, match: RegExp | ((name: string) => boolean) = () => true, options: WalkOptions = {}): string[] {
  return listFiles(dir, match, options).map((f) => toPosix(relative(dir, f)));
}

export type ContentKind = 'post' | 'page' | 'comments' | 'author' | 'labels';

export interface ContentFile {
  kind: ContentKind;
  /** The path to open (contentDir joined with rel). */
  file: string;
  /** Content-relative, "/"-separated: "posts/2008/11/slug.mdx". */
  rel: string;
  /** The collection id: "2008/11/slug", "about", "dinah", the commented post's id; "labels". */
  id: string;
}

const DOC = /\.mdx?$/;
const FOLDERS: ReadonlyArray<{ kind: ContentKind; folder: string; match: RegExp; ext: RegExp }> = [
  { kind: 'post', folder: 'posts', match: DOC, ext: DOC },
  { kind: 'page', folder: 'pages', match: DOC, ext: DOC },
  { kind: 'comments', folder: 'comments', match: /\.json$/, ext: /\.json$/ },
  { kind: 'author', folder: 'authors', match: /\.ya?ml$/, ext: /\.ya?ml$/ },
];

/** Every content file, in a stable order, as the build's collections see them. */
export function listContentFiles(contentDir: string, kinds?: readonly ContentKind[]): ContentFile[] {
  const out: ContentFile[] = [];
  // Every link in content/ (images and stray files too) is checked, not only the files listed.
  const outside = outsideLinks(contentDir, repositoryOf(contentDir));
  if (outside.length) throw new LinkOutsideError(outside);
  for (const { kind, folder, match, ext } of FOLDERS) {
    if (kinds && !kinds.includes(kind)) continue;
    const base = join(contentDir, folder);
    for (const file of listFiles(base, match)) {
      const id = toPosix(relative(base, file)).replace(ext, '');
      out.push({ kind, file, rel: toPosix(relative(contentDir, file)), id });
    }
  }
  const labels = join(contentDir, 'labels.yaml');
  if ((!kinds || kinds.includes('labels')) && existsSync(labels)) out.push({ kind: 'labels', file: labels, rel: 'labels.yaml', id: 'labels' });
  return out;
}
