import { listFiles } from '../files';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parse as parseYaml } from 'yaml';
import { parsePost } from './document';
import { anchorsOfTree } from './tree';
import { commentAnchor } from '../comments';
import type { KnownAuthor, KnownPost, ProofContext } from './types';

/**
 * Reading the blog from disk for the proof sheet and `npm run new`: authors, posts
 * (frontmatter only, fast even for thousands), pages, labels, and the anchors of a
 * linked post on demand. Also: which posts changed in git.
 */

export interface Workspace {
  root: string;
  /** Content folder relative to root, "/"-separated (e.g. "content"). */
  contentDir: string;
  postsDir: string;
  authors: KnownAuthor[];
  posts: Map<string, KnownPost & { labels: string[]; file: string }>;
  pages: Set<string>;
  labelAliases: Map<string, string>;
  /** Labels described in labels.yaml (they exist even if no post uses them yet). */
  describedLabels: string[];
}

const toPosix = (p: string) => p.split(sep).join('/');

/** Just the frontmatter of a post, without parsing the body. */
function readFrontmatter(text: string): Record<string, unknown> {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return {};
  try {
    const data: unknown = parseYaml(m[1]!);
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function loadWorkspace(root: string, contentFolder = 'content'): Workspace {
  // Relative to the root, "/"-separated, whatever was given (CONTENT_DIR may be absolute).
  const contentDir = toPosix(relative(root, resolve(root, contentFolder))) || '.';
  const content = join(root, contentDir);
  const postsDir = contentDir === '.' ? 'posts' : `${contentDir}/posts`;

  const authors: KnownAuthor[] = [];
  const authorsDir = join(content, 'authors');
  if (existsSync(authorsDir)) {
    for (const name of readdirSync(authorsDir).sort()) {
      if (!/\.ya?ml$/.test(name)) continue;
      const data = parseYaml(readFileSync(join(authorsDir, name), 'utf8')) as { handle?: string } | null;
      const id = name.replace(/\.ya?ml$/, '');
      authors.push({ id, handle: data?.handle ?? id });
    }
  }

  const posts: Workspace['posts'] = new Map();
  const postsRoot = join(content, 'posts');
  for (const full of listFiles(postsRoot, /\.mdx?$/)) {
    const id = toPosix(relative(postsRoot, full)).replace(/\.mdx?$/, '');
    const fm = readFrontmatter(readFileSync(full, 'utf8'));
    const published = fm.published instanceof Date ? fm.published : typeof fm.published === 'string' ? new Date(fm.published) : undefined;
    posts.set(id, {
      id,
      draft: fm.draft === true,
      published: published && !Number.isNaN(published.getTime()) ? published : undefined,
      labels: Array.isArray(fm.labels) ? fm.labels.filter((l): l is string => typeof l === 'string') : [],
      file: toPosix(relative(root, full)),
    });
  }

  const pages = new Set(listFiles(join(content, 'pages'), /\.mdx?$/).map((f) => toPosix(relative(join(content, 'pages'), f)).replace(/\.mdx?$/, '')));

  const labelAliases = new Map<string, string>();
  const describedLabels: string[] = [];
  const labelsFile = join(content, 'labels.yaml');
  if (existsSync(labelsFile)) {
    const info = (parseYaml(readFileSync(labelsFile, 'utf8')) ?? {}) as Record<string, { aliases?: unknown } | null>;
    for (const [label, data] of Object.entries(info)) {
      describedLabels.push(label);
      for (const alias of Array.isArray(data?.aliases) ? data.aliases : []) if (typeof alias === 'string') labelAliases.set(alias, label);
    }
  }
  return { root, contentDir, postsDir, authors, posts, pages, labelAliases, describedLabels };
}

/** Labels with the number of posts using each, leaving out the given posts (the ones being checked). */
export function labelCounts(ws: Workspace, excludePostIds: ReadonlySet<string> = new Set()): Map<string, number> {
  const counts = new Map<string, number>(ws.describedLabels.map((l) => [l, 0]));
  for (const post of ws.posts.values()) {
    if (excludePostIds.has(post.id)) continue;
    for (const label of new Set(post.labels)) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return counts;
}

/** Layout ids every post page has (src/components/Comments.astro, src/layouts/BaseLayout.astro). */
export const LAYOUT_ANCHORS = ['comments', 'comments-heading', 'main'];

/** The proof sheet's context for one post. */
export function contextFor(ws: Workspace, postId: string | undefined, now: Date, timeZone: string): ProofContext {
  const anchorCache = new Map<string, Set<string> | undefined>();
  return {
    authors: ws.authors,
    posts: ws.posts,
    pages: ws.pages,
    labels: labelCounts(ws, new Set(postId ? [postId] : [])),
    labelAliases: ws.labelAliases,
    layoutAnchors: new Set(LAYOUT_ANCHORS),
    postsDir: ws.postsDir,
    timeZone,
    now,
    fileExists: (path) => existsSync(join(ws.root, path)),
    anchorsOf: (id) => {
      if (!anchorCache.has(id)) anchorCache.set(id, readAnchors(ws, id));
      return anchorCache.get(id);
    },
  };
}

function readAnchors(ws: Workspace, id: string): Set<string> | undefined {
  const post = ws.posts.get(id);
  if (!post) return undefined;
  const anchors = anchorsOfTree(parsePost(readFileSync(join(ws.root, post.file), 'utf8')).tree);
  const comments = join(ws.root, ws.contentDir, 'comments', `${id}.json`);
  if (existsSync(comments)) {
    try {
      const data = JSON.parse(readFileSync(comments, 'utf8')) as { comments?: Array<{ id?: unknown }> };
      for (const c of data.comments ?? []) if (typeof c.id === 'string') anchors.add(commentAnchor({ id: c.id }));
    } catch {
      // A broken comments file is the build's problem to report, not the proof sheet's.
    }
  }
  return anchors;
}

/* ---------------- git ---------------- */

export interface ChangedPosts {
  files: string[];
  /** How the list was made, for the reader ("compared with main"). */
  note: string;
}

function git(root: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

const lines = (s: string | undefined) => (s ?? '').split('\n').map((l) => l.trim()).filter(Boolean);

/**
 * Posts changed on this branch: committed since it left `base`, edited since, or new
 * and not yet added to git. Without that branch, falls back to uncommitted changes.
 */
export function changedPosts(root: string, postsDir: string, base = 'main'): ChangedPosts {
  const isPost = (f: string) => f.startsWith(`${postsDir}/`) && /\.mdx?$/.test(f) && existsSync(join(root, f));
  if (git(root, ['rev-parse', '--is-inside-work-tree']) === undefined) {
    return { files: [], note: 'This folder is not a git repository, so changed posts cannot be found: name the files to check.' };
  }
  const untracked = lines(git(root, ['ls-files', '--others', '--exclude-standard', '--', postsDir]));
  const candidates = base.includes('/') ? [base] : [base, `origin/${base}`];
  for (const ref of candidates) {
    if (git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]) === undefined) continue;
    const mergeBase = lines(git(root, ['merge-base', 'HEAD', ref]))[0];
    if (!mergeBase) continue;
    const changed = lines(git(root, ['diff', '--name-only', '--diff-filter=d', mergeBase, '--', postsDir]));
    const files = [...new Set([...changed, ...untracked])].filter(isPost).sort();
    return { files, note: `Posts changed compared with ${ref}.` };
  }
  const edited = lines(git(root, ['diff', '--name-only', '--diff-filter=d', 'HEAD', '--', postsDir]));
  const files = [...new Set([...edited, ...untracked])].filter(isPost).sort();
  return { files, note: `There is no "${base}" branch here, so only posts with uncommitted changes were checked.` };
}
