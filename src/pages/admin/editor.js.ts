import type { APIRoute } from 'astro';
import { build } from 'esbuild';
import { join } from 'node:path';
import { editorRegistry } from './_data';

/**
 * The site's own editor script (src/scripts/editor-admin.ts: file format, checks before
 * saving, preview), bundled with the registries it checks against.
 */
export const GET: APIRoute = async () => {
  const registry = await editorRegistry();
  const result = await build({
    entryPoints: [join(process.cwd(), 'src', 'scripts', 'editor-admin.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    define: { EDITOR_REGISTRY: JSON.stringify(registry) },
  });
  return new Response(result.outputFiles[0]!.text, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
