import type { APIRoute } from 'astro';
import { getPosts } from '../../../data/content';
import { postsFeed } from '../../../data/feeds';
import { postHtml } from '../../../components/post-html';
import { postsFeedPath } from '../../../lib/urls';
import { siteConfig } from '../../../site.config';

/** Blogger's own feed address, so old subscriptions keep working: the newest posts in full. */
export const GET: APIRoute = async () =>
  postsFeed({ posts: await getPosts(), title: siteConfig.title, selfPath: postsFeedPath(), alternatePath: '/' }, postHtml);
