import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import * as devalue from 'devalue';
import { staleEntries, withoutEntries, type StoredEntry } from '../lib/site/content-store.ts';

/**
 * Keeps Astro's caches honest (docs/PERFORMANCE.md, "Cache validity"): before the content
 * layer syncs, entries whose file was renamed or deleted are removed from the data store
 * (upstream: docs/upstream/content-layer-rename.md).
 */
export default function buildCache(): AstroIntegration {
  return {
    name: 'shrinkrap:build-cache',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        dropStaleStoreEntries(fileURLToPath(config.cacheDir), fileURLToPath(config.root), logger);
      },
    },
  };
}

/** Removes data-store entries whose source file is gone; one log line when there were any. */
export function dropStaleStoreEntries(cacheDir: string, root: string, logger: AstroIntegrationLogger): void {
  const storeFile = resolve(cacheDir, 'data-store.json');
  if (!existsSync(storeFile)) return;
  let collections: Map<string, Map<string, StoredEntry>>;
  try {
    collections = devalue.parse(readFileSync(storeFile, 'utf8'));
  } catch {
    // Astro itself starts from an empty store when it cannot read this file.
    return;
  }
  if (!(collections instanceof Map)) return;
  const stale = staleEntries(collections, (filePath) => existsSync(resolve(root, filePath)));
  if (stale.length === 0) return;
  writeFileSync(storeFile, devalue.stringify(withoutEntries(collections, stale)));
  const names = stale.map((s) => s.filePath.replace(/^(\.\.\/)+/, '')).slice(0, 3).join(', ');
  logger.info(
    `content store: dropped ${stale.length} entr${stale.length === 1 ? 'y' : 'ies'} whose file was renamed or deleted ` +
      `(${names}${stale.length > 3 ? ', …' : ''}); Astro reads them again`,
  );
}
