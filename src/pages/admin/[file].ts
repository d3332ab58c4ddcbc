import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DECAP_DIST, decapFiles } from './_decap';

/**
 * Decap CMS, installed from npm and copied into the site: its main file and the chunks it
 * loads on demand from the same folder. Nothing comes from a CDN.
 */
export const getStaticPaths = (() => decapFiles().map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(readFileSync(join(DECAP_DIST, String(params.file))), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
