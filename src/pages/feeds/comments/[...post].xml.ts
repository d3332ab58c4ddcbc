import type { APIRoute, GetStaticPaths } from 'astro';
import { commentsFeed, postCommentsFeedPaths, type CommentsFeedProps } from '../../../data/feeds';

/** One comments feed per post and page: /feeds/comments/2008/11/slug.xml */
export const getStaticPaths = (() => postCommentsFeedPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => commentsFeed(props as CommentsFeedProps);
