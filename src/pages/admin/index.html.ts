import type { APIRoute } from 'astro';
import { editorPageHtml } from '../../lib/editor/page';
import { siteConfig } from '../../site.config';

/** The editor's page (src/lib/editor/page.ts): its own CSP, noindex, no site layout. */
export const GET: APIRoute = () =>
  new Response(editorPageHtml({ base: import.meta.env.BASE_URL, siteTitle: siteConfig.title }), {
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
