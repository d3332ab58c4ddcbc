import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Decap CMS is a development dependency: `npm ci --omit=dev` builds the blog without it,
 * and /admin/ then says so instead of loading an editor that is not there.
 */
export const DECAP_DIST = join(process.cwd(), 'node_modules', 'decap-cms', 'dist');

export const decapInstalled = () => existsSync(join(DECAP_DIST, 'decap-cms.js'));

/** Decap's main file and the chunks it loads on demand from the same folder. */
export const decapFiles = () => (decapInstalled() ? readdirSync(DECAP_DIST).filter((f) => f === 'decap-cms.js' || /^\d+\.decap-cms\.js$/.test(f)) : []);
