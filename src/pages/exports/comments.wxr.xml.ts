import type { APIRoute } from 'astro';
import { commentsWxr } from '../../lib/export/wxr';
import { exportInput } from './_input';

/** The whole comment archive as WordPress WXR 1.2, importable by WordPress and Disqus. */
export const GET: APIRoute = async () =>
  new Response(commentsWxr(await exportInput()), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
