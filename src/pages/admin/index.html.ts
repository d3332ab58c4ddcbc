import type { APIRoute } from 'astro';
import { editorMissingHtml, editorPageHtml } from '../../lib/editor/page';
import { siteConfig } from '../../site.config';
import { decapInstalled } from './_decap';

/** The editor's page (src/lib/editor/page.ts): its own CSP, noindex, no site layout. */
export const GET: APIRoute = () =>
  new Response(
    decapInstalled() ? editorPageHtml({ base: import.meta.env.BASE_URL, siteTitle: siteConfig.title }) : editorMissingHtml({ siteTitle: siteConfig.title }),
    { headers: { 'Content-Type': 'text/html; charset=utf-8' } },
  );
