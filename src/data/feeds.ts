import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getContainerRenderer as mdxRenderer } from '@astrojs/mdx/container-renderer';
import { render } from 'astro:content';
import { mdxComponents } from '../components/mdx-components';
import { getAllComments, getAuthor, getAuthors, getPages, getPostById, getPosts, type Post } from './content';
import { absolute } from './paths';
import { settings } from './settings';
import { siteConfig } from '../site.config';
import { absolutizeHtml, feedUpdated, renderAtom, tagUri, type AtomEntry } from '../lib/feeds';
import { commentAtomEntry, type CommentEntryContext } from '../lib/export/atom';
import { pathOfPost } from '../lib/export/model';
import { labelPath, postCommentsFeedPath, postPath } from '../lib/urls';

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
      return absolutizeHtml(await c.renderToString(Content, { props: { components: mdxComponents } }), origin);
    })();
    htmlCache.set(post.id, html);
  }
  return html;
}

export const postEntryId = (postId: string) => tagUri(authority, `post:${postId}`);
export const commentEntryId = (commentId: string) => tagUri(authority, `comment:${commentId}`);

async function postEntry(post: Post): Promise<AtomEntry> {
  const [author, byPost] = await Promise.all([getAuthor(post.authorId), getCommentsByPost()]);
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
    replies: postReplies(post, byPost.get(post.id)?.length ?? 0),
  };
}

/** Blogger's per-entry comment feed link and count (RFC 4685); no count when it is unknown. */
const postReplies = (post: Post, count: number): AtomEntry['replies'] => ({
  feedUrl: absolute(postCommentsFeedPath(post.id)),
  ...(post.commentsRecovered ? { total: count } : {}),
});

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

let entryContext: Promise<{ ctx: CommentEntryContext; titles: Map<string, string> }> | undefined;
/** What every comment entry needs (the same builder as the comment exports): handles and post and page titles. */
const getEntryContext = () =>
  (entryContext ??= Promise.all([getAuthors(), getPostById(), getPages()]).then(([authors, posts, pages]) => ({
    ctx: {
      authority,
      homeUrl: absolute('/'),
      handles: Object.fromEntries([...authors].map(([id, a]) => [id, a.data.handle])),
    },
    titles: new Map<string, string>([...[...posts].map(([id, p]) => [id, p.title] as const), ...pages.map((p) => [`p/${p.id}`, p.data.title] as const)]),
  })));

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

async function renderCommentsFeed(opts: { chosen: readonly CommentOnPost[]; title: string; selfPath: string; alternatePath: string; whenEmpty?: string }): Promise<string> {
  const { ctx, titles } = await getEntryContext();
  const entries = opts.chosen.map((x) => commentAtomEntry(ctx, x.postId, titles.get(x.postId) ?? '', x.comment));
  return renderAtom({
    id: tagUri(authority, `feed:${opts.selfPath}`),
    title: opts.title,
    updated: feedUpdated(entries, opts.whenEmpty),
    selfUrl: absolute(opts.selfPath),
    alternateUrl: absolute(opts.alternatePath),
    entries,
  });
}

/** The site-wide comments feed: the newest `limit` comments. */
export async function commentsFeed(opts: { title: string; selfPath: string; alternatePath: string; limit?: number }): Promise<Response> {
  const newestFirst = (await getAllComments()).slice().reverse();
  return atomResponse(await renderCommentsFeed({ ...opts, chosen: opts.limit ? newestFirst.slice(0, opts.limit) : newestFirst }));
}

const sharedPostCommentsXml = new Map<string, Promise<string>>();
/**
 * One post's (or page's, "p/slug") comments feed. Imported posts also answer at Blogger's
 * /feeds/{blogger id}/comments/default: that file is the same feed, so it is rendered once
 * and both files are identical, their id and rel="self" naming the canonical address
 * /feeds/comments/{post id}.xml (one feed at two addresses keeps one identity). Only those
 * feeds are kept, each until its second file is written.
 */
export async function postCommentsFeed(postId: string): Promise<Response> {
  const imported = Boolean((await getPostById()).get(postId)?.bloggerId);
  // From here to the set() nothing awaits, so the second file always finds the first's promise.
  let xml = sharedPostCommentsXml.get(postId);
  if (xml) sharedPostCommentsXml.delete(postId);
  else {
    xml = renderPostCommentsFeed(postId);
    if (imported) sharedPostCommentsXml.set(postId, xml);
  }
  return atomResponse(await xml);
}

async function renderPostCommentsFeed(postId: string): Promise<string> {
  const [byPost, { titles }, whenEmpty] = await Promise.all([getCommentsByPost(), getEntryContext(), contentDate(postId)]);
  return renderCommentsFeed({
    whenEmpty,
    chosen: (byPost.get(postId) ?? []).slice().reverse(), // newest first
    title: `Comments on ${titles.get(postId) ?? postId}`,
    selfPath: postCommentsFeedPath(postId),
    alternatePath: pathOfPost(postId),
  });
}

/**
 * When a post or page last changed, for a comment feed with no entries: the post's
 * date; a page's `updated`, else the newest post's (the archive closed then).
 */
async function contentDate(postId: string): Promise<string | undefined> {
  const post = (await getPostById()).get(postId);
  if (post) return (post.updated ?? post.published).toISOString();
  const page = (await getPages()).find((p) => `p/${p.id}` === postId);
  return (page?.data.updated ?? (await getPosts())[0]?.published)?.toISOString();
}

function atomResponse(xml: string): Response {
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}

export { getPosts, labelPath };
