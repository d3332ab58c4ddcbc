import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { AuthorMap } from '../src/lib/import/authors';
import { runImport, type ImportResult } from '../src/lib/import/index';
import type { PostComments } from '../src/lib/schemas';
import { buildFixtureSite, type FixtureResult } from './fixture-site';

/**
 * Import export files into a scratch content folder (under the OS temp dir), build that site into
 * dist-<name>/ with its own cache (never dist/ or the default cache), and answer what a static
 * host would serve. Used by the import → build tests (ours in tests/build, peers in tests/peers).
 */
export interface ImportedSite {
  root: string;
  content: string;
  out: string;
  imported: ImportResult;
  build: FixtureResult;
}

/** A scratch folder <tmp>/content with the repository's authors, and dist-<name>/ emptied for its build. */
export function scratchSite(name: string): { root: string; content: string; out: string } {
  const root = mkdtempSync(join(tmpdir(), `shrinkrap-${name}-`));
  const content = join(root, 'content');
  // Inside the project (git-ignored dist-*/): for an OUT_DIR outside it, Astro keeps its
  // prerender bundle in the shared .astro/ folder, where a concurrent build deletes it.
  const out = join(process.cwd(), `dist-${name}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(content);
  cpSync(join(process.cwd(), 'content', 'authors'), join(content, 'authors'), { recursive: true });
  return { root, content, out };
}

/** Build the content folder into `out`, with its own cache under `root`, as production would. */
export function buildSite(site: { root: string; content: string; out: string }): FixtureResult {
  return buildFixtureSite({ contentDir: site.content, outDir: site.out, cacheDir: join(site.root, 'cache'), now: '2026-06-01T00:00:00Z', env: { SITE_URL: 'https://www.shrinkrap.net' } });
}

export function importAndBuild(name: string, files: string[], authorMap: AuthorMap, before?: (content: string) => void): ImportedSite {
  const folders = scratchSite(name);
  before?.(folders.content);
  const imported = runImport({ files, contentDir: folders.content, authorMap, reportDir: false });
  return { ...folders, imported, build: buildSite(folders) };
}

export function removeSite(site: ImportedSite | undefined): void {
  if (!site) return;
  rmSync(site.root, { recursive: true, force: true });
  rmSync(site.out, { recursive: true, force: true });
}

/** The file a static host serves for a path, if any. */
export function served(out: string, path: string): string | undefined {
  const decoded = decodeURIComponent(path);
  // As static hosts do: the file, the folder's index.html, then x.html (label pages).
  for (const candidate of [decoded, `${decoded.replace(/\/$/, '')}/index.html`, `${decoded}.html`]) {
    const file = join(out, candidate);
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}

/** dist/_redirects as a map from source path to target. */
export function redirectRules(out: string): Map<string, string> {
  const path = join(out, '_redirects');
  if (!existsSync(path)) return new Map();
  return new Map(
    readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => l.split(/\s+/) as [string, string, string])
      .map(([from, to]) => [from, to]),
  );
}

/** Follow an old address the way the host would: file first, then one redirect rule. */
export function resolveOld(out: string, old: string): { file?: string; via?: string; fragment: string } {
  const url = new URL(old, 'https://www.shrinkrap.net');
  const fragment = url.hash.replace(/^#/, '');
  const direct = served(out, url.pathname);
  if (direct) return { file: direct, fragment };
  const to = redirectRules(out).get(url.pathname);
  return { file: to ? served(out, new URL(to, url).pathname) : undefined, via: to, fragment };
}

/** What the old-address map needs to know about the imported site, from the planned files. */
export function siteInput(site: ImportedSite) {
  const fm = (rel: string) =>
    parseYaml(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(site.content, rel), 'utf8'))![1]!) as {
      labels?: string[];
      legacy?: { url?: string; bloggerId?: string };
      draft?: boolean;
      published?: string;
    };
  const files = site.imported.plan.files;
  const posts = files
    .filter((f) => f.kind === 'post' && !fm(f.rel).draft)
    .map((f) => {
      const d = fm(f.rel);
      return { id: f.rel.replace(/^posts\/|\.mdx?$/g, ''), legacyUrl: d.legacy?.url, bloggerId: d.legacy?.bloggerId, labels: d.labels ?? [], published: d.published };
    });
  const pages = files.filter((f) => f.kind === 'page').map((f) => ({ id: f.rel.replace(/^pages\/|\.mdx?$/g, ''), legacyUrl: fm(f.rel).legacy?.url }));
  const comments = files
    .filter((f) => f.kind === 'comments')
    .flatMap((f) => {
      const doc = JSON.parse(f.text) as PostComments;
      return doc.comments.map((c) => ({ postId: doc.post, id: c.id, published: c.published }));
    });
  // The built site's time zone, as src/site.config.ts reads it.
  return { posts, pages, labels: [...new Set(posts.flatMap((p) => p.labels))], comments, timeZone: process.env.BLOG_TIME_ZONE ?? 'America/New_York' };
}
