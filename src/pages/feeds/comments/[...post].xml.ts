import type { APIRoute, GetStaticPaths } from 'astro';
import { getPages, getPosts } from '../../../data/content';
import { commentsFeed } from '../../../data/feeds';
import { pagePath, postCommentsFeedPath, postPath } from '../../../lib/urls';

/** One comments feed per post and page: /feeds/comments/2008/11/slug.xml */
export const getStaticPaths = (async () => [
  ...(await getPosts()).map((p) => ({ params: { post: p.id }, props: { title: p.title, alternate: postPath(p.id) } })),
  ...(await getPages()).map((p) => ({ params: { post: `p/${p.id}` }, props: { title: p.data.title, alternate: pagePath(p.id) } })),
]) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) =>
  commentsFeed({
    postId: params.post!,
    title: `Comments on ${props.title as string}`,
    selfPath: postCommentsFeedPath(params.post!),
    alternatePath: props.alternate as string,
  });
