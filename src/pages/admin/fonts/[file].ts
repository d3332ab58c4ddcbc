import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EDITOR_FONT_FILES } from '../../../lib/editor/styles';

/** The blog's font for the editor and its preview, from the installed @fontsource package. */
const FILES = join(process.cwd(), 'node_modules', '@fontsource', 'atkinson-hyperlegible', 'files');

export const getStaticPaths = (() => EDITOR_FONT_FILES.map(({ file }) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(readFileSync(join(FILES, String(params.file))), { headers: { 'Content-Type': 'font/woff2' } });
