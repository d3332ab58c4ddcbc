import type { APIRoute } from 'astro';
import { absolute } from '../data/paths';
import { settings } from '../data/settings';

export const GET: APIRoute = () =>
  new Response(
    settings.includeDrafts
      ? 'User-agent: *\nDisallow: /\n' // draft previews are never indexed
      : `User-agent: *\nAllow: /\nDisallow: /search/?\n\nSitemap: ${absolute('/sitemap-index.xml')}\n`,
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
