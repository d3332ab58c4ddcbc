import type { APIRoute, GetStaticPaths } from 'astro';
import { getPosts } from '../../../../data/content';
import { postCommentsFeed } from '../../../../data/feeds';

/**
 * Blogger's per-post comment feed, /feeds/{post id}/comments/default, for imported posts:
 * the same file as /feeds/comments/{YYYY/MM/slug}.xml (rendered once, see postCommentsFeed).
 */
export const getStaticPaths = (async () =>
  (await getPosts()).filter((p) => p.bloggerId).map((p) => ({ params: { bloggerId: p.bloggerId! }, props: { postId: p.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => postCommentsFeed(props.postId as string);
