import type { APIRoute, GetStaticPaths } from 'astro';
import { labelFeedPaths, postsFeed, type PostsFeedProps } from '../../../data/feeds';

/** A label's newest posts as summaries (the full posts are in /feeds/posts/default). */
export const getStaticPaths = (() => labelFeedPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => postsFeed(props as PostsFeedProps);
