import type { APIRoute } from 'astro';
import siteCss from '../../styles/site.css?raw';
import { previewCss } from '../../lib/editor/styles';

/** The site's own stylesheet and font, for the editor's preview pane (registerPreviewStyle). */
export const GET: APIRoute = () =>
  new Response(previewCss(siteCss, `${import.meta.env.BASE_URL.replace(/\/$/, '')}/admin/fonts/`), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
