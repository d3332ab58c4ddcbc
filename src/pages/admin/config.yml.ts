import type { APIRoute } from 'astro';
import { editorConfigYaml } from '../../lib/editor/config';
import { editorConfigInput } from './_data';

/** Decap CMS's config.yml, generated from the schemas and registries (src/lib/editor/config.ts). */
export const GET: APIRoute = async () =>
  new Response(editorConfigYaml(await editorConfigInput()), { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
