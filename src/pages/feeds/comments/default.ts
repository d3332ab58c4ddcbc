import type { APIRoute } from 'astro';
import { commentsFeed } from '../../../data/feeds';
import { commentsFeedPath } from '../../../lib/urls';
import { siteConfig } from '../../../site.config';

export const GET: APIRoute = () =>
  commentsFeed({ title: `${siteConfig.title}: comments`, selfPath: commentsFeedPath(), alternatePath: '/', limit: 50 });
