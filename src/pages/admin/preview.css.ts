import type { APIRoute } from 'astro';
import siteCss from '../../styles/site.css?raw';

/** The site's own stylesheet, for the editor's preview pane (registerPreviewStyle). */
export const GET: APIRoute = () => new Response(siteCss, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
