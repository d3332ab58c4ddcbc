import type { APIRoute, GetStaticPaths } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Decap CMS, installed from npm and copied into the site: its main file and the chunks it
 * loads on demand from the same folder. Nothing comes from a CDN.
 */
const DIST = join(process.cwd(), 'node_modules', 'decap-cms', 'dist');

export const getStaticPaths = (() =>
  readdirSync(DIST)
    .filter((f) => f === 'decap-cms.js' || /^\d+\.decap-cms\.js$/.test(f))
    .map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(readFileSync(join(DIST, String(params.file))), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
