import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getContainerRenderer as mdxRenderer } from '@astrojs/mdx/container-renderer';
import { render } from 'astro:content';
import { getAllComments, getAuthor, getAuthors, getPostById, getPosts, type Post } from './content';
import { absolute } from './paths';
import { settings } from './settings';
import { siteConfig } from '../site.config';
import { absolutizeHtml, feedUpdated, renderAtom, tagUri, type AtomEntry } from '../lib/feeds';
import { commentDisplayName, tombstoneText } from '../lib/comments';
import { sanitizeCommentHtml } from '../lib/sanitize';
import { commentAnchor, labelPath, pagePath, postPath } from '../lib/urls';
import type { StoredComment } from '../lib/schemas';

/** Feeds are assembled here from the shared content; XML is written by src/lib/feeds.ts. */

const authority = new URL(settings.site).hostname;
const origin = new URL(settings.site).origin;
let container: Promise<AstroContainer> | undefined;
const htmlCache = new Map<string, Promise<string>>();

/** A post's full HTML, rendered once per build however many feeds include it. */
export function postHtml(post: Post): Promise<string> {
  let html = htmlCache.get(post.id);
  if (!html) {
    html = (async () => {
      const c = await (container ??= loadRenderers([mdxRenderer()]).then((renderers) => AstroContainer.create({ renderers })));
      const { Content } = await render(post.entry);
      return absolutizeHtml(await c.renderToString(Content), origin);
    })();
    htmlCache.set(post.id, html);
  }
  return html;
}

export const postEntryId = (postId: string) => tagUri(authority, `post:${postId}`);
export const commentEntryId = (commentId: string) => tagUri(authority, `comment:${commentId}`);

async function postEntry(post: Post): Promise<AtomEntry> {
  const author = await getAuthor(post.authorId);
  return {
    id: postEntryId(post.id),
    title: post.title,
    url: absolute(postPath(post.id)),
    published: post.published.toISOString(),
    updated: (post.updated ?? post.published).toISOString(),
    author: { name: author.data.handle, uri: absolute(`/authors/${author.id}/`) },
    categories: post.labels.map((l) => ({ term: l, scheme: absolute('/search/label/'), label: l })),
    summary: post.description,
    contentHtml: await postHtml(post),
  };
}

export async function postsFeed(opts: { posts: Post[]; title: string; selfPath: string; alternatePath: string }): Promise<Response> {
  const entries = await Promise.all(opts.posts.slice(0, siteConfig.feedSize).map(postEntry));
  return atomResponse(
    renderAtom({
      id: tagUri(authority, `feed:${opts.selfPath}`),
      title: opts.title,
      subtitle: siteConfig.description,
      updated: feedUpdated(entries),
      selfUrl: absolute(opts.selfPath),
      alternateUrl: absolute(opts.alternatePath),
      entries,
    }),
  );
}

function commentUrl(postId: string, c: StoredComment): string {
  const path = postId.startsWith('p/') ? pagePath(postId.slice(2)) : postPath(postId);
  return `${absolute(path)}#${commentAnchor(c.id)}`;
}

async function commentEntry(postId: string, postTitle: string, c: StoredComment, handles: Record<string, string>): Promise<AtomEntry> {
  const path = postId.startsWith('p/') ? pagePath(postId.slice(2)) : postPath(postId);
  const removed = c.status === 'tombstone';
  const name = removed ? 'Unknown' : commentDisplayName(c, c.author.authorKey ? handles[c.author.authorKey] : undefined);
  return {
    id: commentEntryId(c.id),
    title: removed ? tombstoneText(c) : `${name} on “${postTitle}”`,
    url: commentUrl(postId, c),
    published: c.published,
    updated: c.updated ?? c.published,
    author: { name, ...(c.author.url ? { uri: c.author.url } : {}) },
    contentHtml: removed ? `<p>${tombstoneText(c)}</p>` : sanitizeCommentHtml(c.bodyHtml),
    inReplyTo: c.parentId
      ? { ref: commentEntryId(c.parentId), href: `${absolute(path)}#${commentAnchor(c.parentId)}` }
      : { ref: postEntryId(postId), href: absolute(path) },
  };
}

type CommentOnPost = Awaited<ReturnType<typeof getAllComments>>[number];
let commentsByPost: Promise<Map<string, CommentOnPost[]>> | undefined;
/** Every post's comments, grouped once: a per-post feed must not scan the whole archive. */
const getCommentsByPost = () =>
  (commentsByPost ??= getAllComments().then((all) => {
    const m = new Map<string, CommentOnPost[]>();
    for (const x of all) {
      const list = m.get(x.postId);
      if (list) list.push(x);
      else m.set(x.postId, [x]);
    }
    return m;
  }));

export async function commentsFeed(opts: { postId?: string; title: string; selfPath: string; alternatePath: string; limit?: number }) {
  const [all, posts, authors] = await Promise.all([getAllComments(), getPostById(), getAuthors()]);
  const handles = Object.fromEntries([...authors].map(([id, a]) => [id, a.data.handle]));
  const chosen = (opts.postId ? ((await getCommentsByPost()).get(opts.postId) ?? []) : all).slice().reverse(); // newest first
  const limited = opts.limit ? chosen.slice(0, opts.limit) : chosen;
  const entries = await Promise.all(
    limited.map((x) => commentEntry(x.postId, posts.get(x.postId)?.title ?? 'a page', x.comment, handles)),
  );
  return atomResponse(
    renderAtom({
      id: tagUri(authority, `feed:${opts.selfPath}`),
      title: opts.title,
      updated: feedUpdated(entries),
      selfUrl: absolute(opts.selfPath),
      alternateUrl: absolute(opts.alternatePath),
      entries,
    }),
  );
}

function atomResponse(xml: string): Response {
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}

export { getPosts, labelPath };
