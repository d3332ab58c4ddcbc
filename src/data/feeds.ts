import { getAllComments, getAuthor, getAuthors, getLabelIndex, getPages, getPostById, getPosts, getPostsByAuthor, getPostsByLabel, type Post } from './content';
import { withCacheKeys } from './cache-keys';
import { absolute } from './paths';
import { settings } from './settings';
import { siteConfig } from '../site.config';
import { feedUpdated, renderAtom, tagUri, textSummary, type AtomEntry } from '../lib/feed-xml';
import { commentAtomEntry, type CommentEntryContext } from '../lib/export/atom';
import { pathOfPost } from '../lib/export/input';
import { once } from '../lib/site/once';
import type { StoredComment } from '../lib/schemas';
import { authorFeedPath, authorPath, labelFeedPath, labelPath, pageThreadId, postCommentsFeedPath, postPath } from '../lib/urls';

/**
 * Feeds are assembled here from the shared content; XML is written by src/lib/feed-xml.ts.
 * Routes with many feeds get their props (and so their cache keys) from the *Paths()
 * functions below: a feed's key is a digest of the entries it carries.
 */

const authority = new URL(settings.site).hostname;

const postEntryId = (postId: string) => tagUri(authority, `post:${postId}`);

/** A post feed's input: the entries it shows (already cut to the feed's size) and its addresses. */
export interface PostsFeedProps {
  posts: Post[];
  title: string;
  selfPath: string;
  alternatePath: string;
}

/** Full HTML of a post (src/components/post-html.ts), for the feeds that carry whole posts. */
export type PostHtml = (post: Post) => Promise<string>;

async function postEntry(post: Post, fullHtml?: PostHtml): Promise<AtomEntry> {
  const author = await getAuthor(post.authorId);
  return {
    id: postEntryId(post.id),
    title: post.title,
    url: absolute(postPath(post.id)),
    published: post.published.toISOString(),
    updated: (post.updated ?? post.published).toISOString(),
    author: { name: author.data.handle, uri: absolute(`/authors/${author.id}/`) },
    categories: post.labels.map((l) => ({ term: l, scheme: absolute('/search/label/'), label: l })),
    ...(fullHtml
      ? { summary: post.description, contentHtml: await fullHtml(post) }
      : { summary: post.description ?? textSummary(post.entry.body ?? '') }),
    replies: postReplies(post),
  };
}

/** Blogger's per-entry comment feed link and count (RFC 4685); no count when it is unknown. */
const postReplies = (post: Post): AtomEntry['replies'] => ({
  feedUrl: absolute(postCommentsFeedPath(post.id)),
  ...(post.commentsRecovered ? { total: post.commentCount } : {}),
});

/** An Atom feed of posts: full posts with `fullHtml`, otherwise summaries (label and author feeds). */
export async function postsFeed(props: PostsFeedProps, fullHtml?: PostHtml): Promise<Response> {
  const entries = await Promise.all(props.posts.slice(0, siteConfig.feedSize).map((p) => postEntry(p, fullHtml)));
  return atomResponse(
    renderAtom({
      id: tagUri(authority, `feed:${props.selfPath}`),
      title: props.title,
      subtitle: siteConfig.description,
      updated: feedUpdated(entries),
      selfUrl: absolute(props.selfPath),
      alternateUrl: absolute(props.alternatePath),
      entries,
    }),
  );
}

const newest = (posts: readonly Post[] | undefined) => (posts ?? []).slice(0, siteConfig.feedSize);

/** /feeds/labels/{label}.xml: the newest posts with the label, as summaries. */
export async function labelFeedPaths() {
  const [index, byLabel] = await Promise.all([getLabelIndex(), getPostsByLabel()]);
  const paths = index.labels.map((l) => ({
    params: { label: l.label },
    props: {
      posts: newest(byLabel.get(l.label)),
      title: `${siteConfig.title}: ${l.label}`,
      selfPath: labelFeedPath(l.label),
      alternatePath: labelPath(l.label),
    } satisfies PostsFeedProps,
  }));
  return withCacheKeys(paths, { sidebar: false });
}

/** /feeds/authors/{author}.xml: the author's newest posts, as summaries. */
export async function authorFeedPaths() {
  const [authors, byAuthor] = await Promise.all([getAuthors(), getPostsByAuthor()]);
  const paths = [...authors.values()].map((a) => ({
    params: { author: a.id },
    props: {
      posts: newest(byAuthor.get(a.id)),
      title: `${siteConfig.title}: posts by ${a.data.handle}`,
      selfPath: authorFeedPath(a.id),
      alternatePath: authorPath(a.id),
    } satisfies PostsFeedProps,
  }));
  return withCacheKeys(paths, { sidebar: false });
}

/** What every comment entry needs (the same builder as the comment exports): the authors' handles. */
const entryContext = once(
  async (): Promise<CommentEntryContext> => ({
    authority,
    homeUrl: absolute('/'),
    handles: Object.fromEntries([...(await getAuthors())].map(([id, a]) => [id, a.data.handle])),
  }),
);

type CommentOnPost = Awaited<ReturnType<typeof getAllComments>>[number];

/** A comments feed's input: its comments (newest first) with their posts' titles, and its addresses. */
export interface CommentsFeedProps {
  chosen: { postId: string; postTitle: string; comment: StoredComment }[];
  title: string;
  selfPath: string;
  alternatePath: string;
  /** For a feed with no entries: when its post or page last changed (never 1970). */
  whenEmpty?: string;
}

export async function commentsFeed(props: CommentsFeedProps): Promise<Response> {
  const ctx = await entryContext();
  const entries = props.chosen.map((x) => commentAtomEntry(ctx, x.postId, x.postTitle, x.comment));
  return atomResponse(
    renderAtom({
      id: tagUri(authority, `feed:${props.selfPath}`),
      title: props.title,
      updated: feedUpdated(entries, props.whenEmpty),
      selfUrl: absolute(props.selfPath),
      alternateUrl: absolute(props.alternatePath),
      entries,
    }),
  );
}

const titles = once(async () => {
  const [posts, pages] = await Promise.all([getPostById(), getPages()]);
  return new Map<string, string>([...[...posts].map(([id, p]) => [id, p.title] as const), ...pages.map((p) => [pageThreadId(p.id), p.data.title] as const)]);
});

const withTitles = async (list: readonly CommentOnPost[]) => {
  const t = await titles();
  return list.map((x) => ({ postId: x.postId, postTitle: t.get(x.postId) ?? '', comment: x.comment }));
};

/** The site-wide comments feed: the newest `limit` comments. */
export async function siteCommentsFeedProps(opts: { title: string; selfPath: string; alternatePath: string; limit: number }): Promise<CommentsFeedProps> {
  const newestFirst = (await getAllComments()).slice(-opts.limit).reverse();
  return { title: opts.title, selfPath: opts.selfPath, alternatePath: opts.alternatePath, chosen: await withTitles(newestFirst) };
}

/** One comments feed per post and page (/feeds/comments/2008/11/slug.xml); Blogger's old per-post address redirects here. */
export async function postCommentsFeedPaths() {
  const [posts, pages, all, t] = await Promise.all([getPosts(), getPages(), getAllComments(), titles()]);
  const byPost = new Map<string, CommentOnPost[]>();
  for (const x of all) {
    const list = byPost.get(x.postId);
    if (list) list.push(x);
    else byPost.set(x.postId, [x]);
  }
  // An empty feed is dated by its post; a page by its `updated`, else the newest post (the archive closed then).
  const closed = (posts[0]?.published ?? new Date(0)).toISOString();
  const threads = [
    ...posts.map((p) => ({ postId: p.id, whenEmpty: (p.updated ?? p.published).toISOString() })),
    ...pages.map((p) => ({ postId: pageThreadId(p.id), whenEmpty: p.data.updated?.toISOString() ?? closed })),
  ];
  const paths = await Promise.all(
    threads.map(async ({ postId, whenEmpty }) => ({
      params: { post: postId },
      props: {
        chosen: await withTitles((byPost.get(postId) ?? []).slice().reverse()),
        title: `Comments on ${t.get(postId) ?? postId}`,
        selfPath: postCommentsFeedPath(postId),
        alternatePath: pathOfPost(postId),
        whenEmpty,
      } satisfies CommentsFeedProps,
    })),
  );
  return withCacheKeys(paths, { sidebar: false });
}

function atomResponse(xml: string): Response {
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
