import type { APIRoute, GetStaticPaths } from 'astro';
import { commentsJsonFeed, jsonFeedCompactText } from '../../lib/export/jsonfeed';
import { commentsWxr } from '../../lib/export/wxr';
import { absolute } from '../../data/paths';
import { EXPORT_FILES, exportInput, exportPaths } from '../../data/exports';

/**
 * The whole comment archive, one file per format: /exports/comments.json (JSON Feed 1.1)
 * and /exports/comments.wxr.xml (WordPress WXR 1.2, importable by WordPress and Disqus).
 */
export const getStaticPaths = (() => exportPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const input = await exportInput();
  if (params.file === EXPORT_FILES.wxr) {
    return new Response(commentsWxr(input), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
  }
  const doc = commentsJsonFeed(input, absolute(`/exports/${EXPORT_FILES.json}`));
  return new Response(jsonFeedCompactText(doc), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
