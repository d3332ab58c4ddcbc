import type { APIRoute, GetStaticPaths } from 'astro';
import { getPosts } from '../../../../data/content';
import { commentsFeed } from '../../../../data/feeds';
import { bloggerPostCommentsFeedPath, postPath } from '../../../../lib/urls';

/** Blogger's per-post comment feed, /feeds/{post id}/comments/default, for imported posts. */
export const getStaticPaths = (async () =>
  (await getPosts())
    .filter((p) => p.bloggerId)
    .map((p) => ({ params: { bloggerId: p.bloggerId! }, props: { postId: p.id, title: p.title } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) =>
  commentsFeed({
    postId: props.postId as string,
    title: `Comments on ${props.title as string}`,
    selfPath: bloggerPostCommentsFeedPath(params.bloggerId!),
    alternatePath: postPath(props.postId as string),
  });
