import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The one file walker: files under a folder, and the content folder's files by kind. */

/** Files under `dir` whose name matches, sorted, hidden entries skipped; [] when `dir` is absent. */
export function listFiles(dir: string, match: RegExp | ((name: string) => boolean) = () => true): string[] {
  if (!existsSync(dir)) return [];
  const test = typeof match === 'function' ? match : (name: string) => match.test(name);
  const out: string[] = [];
  const visit = (d: string) => {
    const entries = readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const p = join(d, entry.name);
      if (entry.isDirectory()) visit(p);
      else if (test(entry.name)) out.push(p);
    }
  };
  visit(dir);
  return out;
}

export const toPosix = (p: string) => p.split(sep).join('/');

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
