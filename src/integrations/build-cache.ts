import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync, rmdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative, resolve, sep } from 'node:path';
import * as devalue from 'devalue';
import { buildSettings } from '../lib/build-settings.ts';
import { staleEntries, withoutEntries, type StoredEntry } from '../lib/site/content-store.ts';
import { distrust, settingsKey, stale, type BuildKey, type OutputFile } from '../lib/site/build-cache.ts';
import { siteConfig } from '../site.config.ts';

/**
 * Keeps Astro's caches honest (docs/PERFORMANCE.md, "Cache validity"). `start` goes first in
 * the integrations, `prune` after every integration that writes dist/, `finish` last:
 *  - before the content sync, entries whose file was renamed or deleted leave the data store
 *    (upstream: docs/upstream/content-layer-rename.md);
 *  - a build marks the caches "in progress" and unmarks them when it finishes; a build that
 *    finds the mark, or a different code or settings key, discards the caches and the output;
 *  - dist/ is kept between builds (pages Astro can skip stay where they are), and what this
 *    build no longer produces is removed from it once every integration has written its files.
 */

const MARKER = 'shrinkrap-build-in-progress';
const KEY_FILE = 'shrinkrap-build-key.json';
/** Files the site is built from besides content, at the project's root (src/ is read whole). */
const ROOT_FILES = ['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

interface BuildState {
  root: string;
  cacheDir: string;
  outDir: string;
  startedAt: number;
  key?: BuildKey;
}

export default function buildCache(): { start: AstroIntegration; prune: AstroIntegration; finish: AstroIntegration } {
  const state: BuildState = { root: '', cacheDir: '', outDir: '', startedAt: 0 };
  const start: AstroIntegration = {
    name: 'shrinkrap:build-cache',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        Object.assign(state, {
          root: fileURLToPath(config.root),
          cacheDir: fileURLToPath(config.cacheDir),
          outDir: fileURLToPath(config.outDir),
          startedAt: Date.now(),
        });
        dropStaleStoreEntries(state.cacheDir, state.root, logger);
        if (command === 'build') beginBuild(state, logger);
      },
    },
  };
  const prune: AstroIntegration = {
    name: 'shrinkrap:build-cache-prune',
    hooks: {
      // After sitemap and Pagefind wrote theirs, so their old files are pruned too; before any
      // check that reads dist/ as this build's output (the _redirects check).
      'astro:build:done': ({ dir, assets, logger }) => {
        if (state.key) pruneOutput(state, fileURLToPath(dir), assets, logger);
      },
    },
  };
  const finish: AstroIntegration = {
    name: 'shrinkrap:build-cache-finish',
    hooks: {
      // Last: the build is complete, its caches may be trusted.
      'astro:build:done': () => {
        if (!state.key) return;
        writeFileSync(join(state.cacheDir, KEY_FILE), `${JSON.stringify(state.key, null, 2)}\n`);
        rmSync(join(state.cacheDir, MARKER), { force: true });
      },
    },
  };
  return { start, prune, finish };
}

/** Checks the caches against the marker and the key, discards them if they fail, and marks them. */
function beginBuild(state: BuildState, logger: AstroIntegrationLogger): void {
  state.key = {
    code: codeDigest(state.root),
    settings: settingsKey(buildSettings(process.env), siteConfig, Boolean(process.env.SHRINKRAP_NOW)),
  };
  const previous = readKey(join(state.cacheDir, KEY_FILE));
  const reasons = distrust(previous, state.key, existsSync(join(state.cacheDir, MARKER)));
  if (reasons.length > 0) {
    // Astro's page cache, its record of keys, the content store, and the output made from them.
    for (const f of ['incremental-build.json', 'dist', 'data-store.json', KEY_FILE]) rmSync(join(state.cacheDir, f), { recursive: true, force: true });
    // Never the project itself (OUT_DIR=. would otherwise empty it).
    if (!`${state.root}${sep}`.startsWith(`${resolve(state.outDir)}${sep}`)) emptyFolder(state.outDir);
    logger.info(`build cache: discarded (${reasons.join('; ')}); every page is rendered`);
  }
  mkdirSync(state.cacheDir, { recursive: true });
  writeFileSync(join(state.cacheDir, MARKER), `${new Date(state.startedAt).toISOString()}\n`);
}

function readKey(file: string): BuildKey | undefined {
  try {
    const key = JSON.parse(readFileSync(file, 'utf8')) as BuildKey;
    return typeof key.code === 'string' && typeof key.settings === 'object' ? key : undefined;
  } catch {
    return undefined;
  }
}

/** Digest of every file under src/ and of the root's build files: names and bytes. */
export function codeDigest(root: string): string {
  const hash = createHash('sha256');
  const files = [...walk(join(root, 'src')).map((f) => relative(root, f)), ...ROOT_FILES.filter((f) => existsSync(join(root, f)))];
  for (const f of files.sort()) hash.update(`${f.split(sep).join('/')}\0`).update(readFileSync(join(root, f))).update('\0');
  return hash.digest('base64url');
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? walk(path) : e.isFile() ? [path] : [];
  });
}

function emptyFolder(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
}

/** Removes from the output folder what this build did not produce (deleted posts, old assets). */
function pruneOutput(state: BuildState, dir: string, assets: Map<string, URL[]>, logger: AstroIntegrationLogger): void {
  const pages = new Set([...assets.values()].flat().map((u) => toPosix(relative(dir, fileURLToPath(u)))));
  const files: OutputFile[] = walk(dir).map((f) => ({ path: toPosix(relative(dir, f)), ctimeMs: statSync(f).ctimeMs }));
  const gone = stale(files, state.startedAt, pages);
  for (const path of gone) rmSync(join(dir, path), { force: true });
  removeEmptyFolders(dir);
  if (gone.length > 0) logger.info(`removed ${gone.length} file${gone.length === 1 ? '' : 's'} this build no longer produces (${gone.slice(0, 3).join(', ')}${gone.length > 3 ? ', …' : ''})`);
}

const toPosix = (p: string) => p.split(sep).join('/');

function removeEmptyFolders(dir: string): boolean {
  let empty = true;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory() && removeEmptyFolders(join(dir, e.name))) rmdirSync(join(dir, e.name));
    else empty = false;
  }
  return empty;
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
