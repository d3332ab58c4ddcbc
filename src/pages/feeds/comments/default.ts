import type { APIRoute } from 'astro';
import { commentsFeed, siteCommentsFeedProps } from '../../../data/feeds';
import { commentsFeedPath } from '../../../lib/urls';
import { siteConfig } from '../../../site.config';

export const GET: APIRoute = async () =>
  commentsFeed(await siteCommentsFeedProps({ title: `${siteConfig.title}: comments`, selfPath: commentsFeedPath(), alternatePath: '/', limit: 50 }));
