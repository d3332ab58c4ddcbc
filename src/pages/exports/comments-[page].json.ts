import type { APIRoute, GetStaticPaths } from 'astro';
import { commentsJsonFeedPages, jsonFeedText } from '../../lib/export/jsonfeed';
import { exportInput, jsonFeedPageUrl } from './_input';

/** Pages 2… of the JSON Feed comment archive: /exports/comments-2.json, … */
export const getStaticPaths = (async () => {
  const pages = commentsJsonFeedPages(await exportInput(), { pageUrl: jsonFeedPageUrl });
  return pages.slice(1).map((doc) => ({ params: { page: String(doc._comments_export.page) }, props: { doc } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(jsonFeedText(props.doc as Parameters<typeof jsonFeedText>[0]), {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
  });
