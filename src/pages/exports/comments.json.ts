import type { APIRoute } from 'astro';
import { commentsJsonFeedPages, jsonFeedText } from '../../lib/export/jsonfeed';
import { exportInput, jsonFeedPageUrl } from './_input';

/** The whole comment archive as JSON Feed 1.1 (first page; `next_url` leads on). */
export const GET: APIRoute = async () => {
  const [first] = commentsJsonFeedPages(await exportInput(), { pageUrl: jsonFeedPageUrl });
  return new Response(jsonFeedText(first!), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
