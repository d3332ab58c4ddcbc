import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { readCommentsFile, readTextFile, toPosix } from '../content-files';
import { readBlog, type InvalidDocument } from '../model';
import { parsePost } from './document';
import { anchorsOfTree } from './tree';
import { commentAnchor } from '../comment-address';
import type { KnownAuthor, KnownPost, ProofContext } from './types';
import { PROVIDED_COMPONENTS } from './checks/components';

/**
 * Reading the blog from disk for the proof sheet and `npm run new`: authors, posts
 * (frontmatter only, fast even for thousands), pages, labels, and the anchors of a
 * linked post on demand. Also: which posts changed in git.
 */

export type WorkspacePost = KnownPost & { labels: string[]; file: string };

export interface Workspace {
  root: string;
  /** Content folder relative to root, "/"-separated (e.g. "content"). */
  contentDir: string;
  postsDir: string;
  authors: KnownAuthor[];
  posts: Map<string, WorkspacePost>;
  pages: Set<string>;
  labelAliases: Map<string, string>;
  /** Labels described in labels.yaml (they exist even if no post uses them yet). */
  describedLabels: string[];
}

function publishedOf(value: unknown): Date | undefined {
  const published = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  return published && !Number.isNaN(published.getTime()) ? published : undefined;
}

/** A post the schema refuses, as far as its front matter goes: the proof sheet reports what is wrong with it. */
function refusedPost(d: InvalidDocument): WorkspacePost {
  const fm = d.frontMatter;
  return {
    id: d.id,
    draft: fm.draft === true,
    published: publishedOf(fm.published),
    labels: Array.isArray(fm.labels) ? fm.labels.filter((l): l is string => typeof l === 'string') : [],
    file: d.file,
  };
}

/** The blog as the proof sheet sees it, read through the blog's model (src/lib/model/), leniently. */
export function loadWorkspace(root: string, contentFolder = 'content'): Workspace {
  // Relative to the root, "/"-separated, whatever was given (CONTENT_DIR may be absolute).
  const contentDir = toPosix(relative(root, resolve(root, contentFolder))) || '.';
  const postsDir = contentDir === '.' ? 'posts' : `${contentDir}/posts`;
  const blog = readBlog(join(root, contentDir), { lenient: true, prefix: contentDir === '.' ? '' : `${contentDir}/`, kinds: ['post', 'page', 'author', 'labels'] });
  const read = blog.posts.map((p): WorkspacePost => ({ id: p.id, draft: p.data.draft, published: p.data.published, labels: p.data.labels, file: p.file }));
  const refused = blog.invalidDocuments.filter((d) => d.kind === 'post').map(refusedPost);
  // In file order, as the folder lists them (`--all` checks them in this order).
  const posts = new Map([...read, ...refused].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)).map((p) => [p.id, p]));
  const pages = new Set([...blog.pages.map((p) => p.id), ...blog.invalidDocuments.filter((d) => d.kind === 'page').map((d) => d.id)]);
  const labelAliases = new Map<string, string>();
  for (const [label, info] of blog.labelInfo) for (const alias of info.aliases) labelAliases.set(alias, label);
  const authors = blog.authors.map((a) => ({ id: a.id, handle: a.data.handle }));
  return { root, contentDir, postsDir, authors, posts, pages, labelAliases, describedLabels: [...blog.labelInfo.keys()] };
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
    providedComponents: new Set(PROVIDED_COMPONENTS),
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
  let anchors: Set<string>;
  try {
    anchors = anchorsOfTree(parsePost(readTextFile(join(ws.root, post.file), post.file), post.file.endsWith('.md') ? 'md' : 'mdx').tree);
  } catch {
    return undefined; // An unreadable post is reported on its own.
  }
  const comments = join(ws.root, ws.contentDir, 'comments', `${id}.json`);
  if (existsSync(comments)) {
    try {
      for (const c of readCommentsFile(comments).comments) anchors.add(commentAnchor({ id: c.id }));
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
