import type { AstroIntegration } from 'astro';
import { copyFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_STORE_FILE, startFromBuildStore, type StoreFile } from '../lib/site/content-store';

/**
 * `astro dev` starts from the last build's content store when its own is missing or older
 * (src/lib/site/content-store.ts), so the preview does not render the whole archive again.
 */
export default function devStore(): AstroIntegration {
  return {
    name: 'shrinkrap:dev-store',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'dev') return;
        const build = fileURLToPath(new URL(CONTENT_STORE_FILE, config.cacheDir));
        const dev = fileURLToPath(new URL(`.astro/${CONTENT_STORE_FILE}`, config.root));
        if (!startFromBuildStore(stat(build), stat(dev))) return;
        // Copied beside, then renamed: a stopped copy never leaves half a store.
        mkdirSync(dirname(dev), { recursive: true });
        copyFileSync(build, `${dev}.partial`);
        renameSync(`${dev}.partial`, dev);
        logger.info(`content store: starting from the last build's (${build})`);
      },
    },
  };
}

function stat(path: string): StoreFile | undefined {
  try {
    const s = statSync(path);
    return { mtimeMs: s.mtimeMs, size: s.size };
  } catch {
    return undefined;
  }
}
