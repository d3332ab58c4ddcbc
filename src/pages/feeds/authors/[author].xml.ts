import type { APIRoute, GetStaticPaths } from 'astro';
import { authorFeedPaths, postsFeed, type PostsFeedProps } from '../../../data/feeds';

/** An author's newest posts as summaries (the full posts are in /feeds/posts/default). */
export const getStaticPaths = (() => authorFeedPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => postsFeed(props as PostsFeedProps);
