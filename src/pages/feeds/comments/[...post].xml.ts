import type { APIRoute, GetStaticPaths } from 'astro';
import { getPages, getPosts } from '../../../data/content';
import { postCommentsFeed } from '../../../data/feeds';
import { pageThreadId } from '../../../lib/urls';

/** One comments feed per post and page: /feeds/comments/2008/11/slug.xml */
export const getStaticPaths = (async () => [
  ...(await getPosts()).map((p) => ({ params: { post: p.id } })),
  ...(await getPages()).map((p) => ({ params: { post: pageThreadId(p.id) } })),
]) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => postCommentsFeed(params.post!);
