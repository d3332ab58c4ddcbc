import type { APIRoute } from 'astro';
import { adminCss } from '../../lib/editor/styles';

/** The editor's own screens in the blog's look (src/lib/editor/styles.ts). */
export const GET: APIRoute = () =>
  new Response(adminCss(`${import.meta.env.BASE_URL.replace(/\/$/, '')}/admin/fonts/`), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
