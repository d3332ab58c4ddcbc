import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { buildSettings } from '../lib/build-settings';
import { siteConfig } from '../site.config';
import { CACHE_FOLDER, COMMENT_BUNDLE, COMMENT_KIND } from '../lib/search/comment-index';
import { planKeptBundle, recordsDigest, unusedFiles } from '../lib/search/bundle';
import { searchRecords, type SearchRecords } from '../lib/search/make-records';
import { KeptRecords, recordCodeDigest } from './record-cache';
import type { SearchDocument } from '../lib/search/records';
import { readSearchSource, type SearchSourceOptions } from '../lib/search/source';

/** Kind of the kept posts bundles. */
const POST_KIND = 'posts';

/**
 * Builds the search index at the end of `astro build` with Pagefind's Node API, from the
 * content files (src/lib/search/source.ts), not from the built pages, and fails the build
 * on any indexing error (a site with a broken index must not deploy):
 * - `pagefind/`: the posts, one record per post;
 * - `pagefind-comments/`: the comment threads (src/lib/search/comment-index.ts); the
 *   search page merges it in when asked.
 * The records are made first, as data (`searchRecords`); each bundle is kept in Astro's
 * cacheDir under the digest of its own records (src/lib/search/bundle.ts) and copied
 * from there while that digest holds.
 * In `astro dev` it serves the last build's bundles, so search works after one build.
 */
export default function pagefindIntegration(): AstroIntegration {
  let outDir: URL | undefined;
  let root: URL | undefined;
  let cacheDir: URL | undefined;
  let base = '/';
  return {
    name: 'shrinkrap:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
        root = config.root;
        cacheDir = config.cacheDir;
        base = config.base;
      },
      'astro:server:setup': ({ server }) => {
        if (!outDir) return;
        for (const bundle of ['pagefind', COMMENT_BUNDLE]) serveBundle(server.middlewares, fileURLToPath(new URL(`${bundle}/`, outDir)), `${base.replace(/\/$/, '')}/${bundle}/`);
      },
      'astro:build:done': async ({ dir, logger }) => {
        logger.info('making search records');
        const settings = buildSettings(process.env);
        await buildSearchIndex(
          {
            siteDir: fileURLToPath(dir),
            contentDir: resolve(fileURLToPath(root!), settings.contentDir),
            cacheDir: fileURLToPath(cacheDir!),
            timeZone: siteConfig.timeZone,
            cutoff: new Date(settings.cutoff),
            includeDrafts: settings.includeDrafts,
            pagefindVersion: pagefindVersion(fileURLToPath(root!)),
            recordCode: await recordCodeDigest(fileURLToPath(root!)),
          },
          logger,
        );
      },
    },
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

type Middlewares = Parameters<Extract<AstroIntegration['hooks']['astro:server:setup'], Function>>[0]['server']['middlewares'];

function serveBundle(middlewares: Middlewares, bundleDir: string, prefix: string): void {
  middlewares.use((req, res, next) => {
    const path = (req.url ?? '').split('?')[0]!;
    if (!path.startsWith(prefix)) return next();
    const file = resolve(bundleDir, decodeURIComponent(path.slice(prefix.length)));
    if (!file.startsWith(bundleDir) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('No search index: run `npm run build` once, then restart `npm run dev`.');
      return;
    }
    res.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'no-cache');
    createReadStream(file).pipe(res);
  });
}

/** Pagefind's version, part of each bundle's digest. */
function pagefindVersion(projectRoot: string): string {
  const file = join(projectRoot, 'node_modules', 'pagefind', 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : 'unknown';
}

export interface SearchIndexOptions extends SearchSourceOptions, BundleOptions {
  /** Digest of the code that makes records (record-cache.ts, recordCodeDigest): kept records are used only under the same. */
  recordCode: string;
}

export interface BundleOptions {
  /** The built site: the bundles are written to its `pagefind/` and `pagefind-comments/`. */
  siteDir: string;
  /** Astro's cacheDir, where bundles are kept between builds under their records' digest. */
  cacheDir: string;
  pagefindVersion: string;
}

type Logger = Pick<AstroIntegrationLogger, 'info'>;

/** Read the content, make its records (reusing kept ones) and index them into the built site. Throws on any error. */
export async function buildSearchIndex(options: SearchIndexOptions, logger: Logger): Promise<void> {
  const started = performance.now();
  const memo = await KeptRecords.open(join(options.cacheDir, CACHE_FOLDER), options.recordCode);
  const records = searchRecords(readSearchSource(options), memo);
  await memo.save();
  const made = `records ${seconds(performance.now() - started)} (${memo.misses} made, ${memo.hits} kept)`;
  await indexSearchRecords(records, options, logger, made);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Index `records` into the site's two bundles, reusing kept ones whose records are unchanged. */
export async function indexSearchRecords(records: SearchRecords, options: BundleOptions, logger: Logger, made = 'records given'): Promise<void> {
  const started = performance.now();
  try {
    const posts = await writeKeptBundle(POST_KIND, records.posts, join(options.siteDir, 'pagefind'), options);
    const comments = records.commentThreads.reduce((n, r) => n + r.comments, 0);
    const threads = await writeKeptBundle(COMMENT_KIND, records.commentThreads, join(options.siteDir, COMMENT_BUNDLE), options);
    logger.info(
      `${posts} ${records.posts.length} posts in pagefind/ (${await kib(join(options.siteDir, 'pagefind'))}); ` +
        `${records.commentThreads.length} comment threads (${comments} comments) ${threads === 'indexed' ? 'indexed' : 'reused from the cache'} ` +
        `in ${COMMENT_BUNDLE}/ (${await kib(join(options.siteDir, COMMENT_BUNDLE))}); ${made}, index ${seconds(performance.now() - started)}`,
    );
  } finally {
    await pagefind.close();
  }
}

const fail = (what: string, errors: readonly string[]): never => {
  throw new Error(`Pagefind failed while ${what}:\n  ${errors.join('\n  ')}`);
};

/** Options for Pagefind's createIndex (part of each bundle's digest). */
const INDEX_OPTIONS = {};

/** Index `documents` into a new bundle at `outputPath`. */
async function writeBundle(what: string, documents: Iterable<SearchDocument>, outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
  if (!index) return fail('starting', errors);
  let batch: Promise<pagefind.NewFileResponse>[] = [];
  const flush = async () => {
    const added = await Promise.all(batch);
    batch = [];
    const failed = added.flatMap((a) => a.errors);
    if (failed.length > 0) fail(`indexing ${what}`, failed);
  };
  for (const doc of documents) {
    batch.push(index.addHTMLFile({ url: doc.url, content: doc.html }));
    if (batch.length >= 32) await flush();
  }
  await flush();
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) fail(`writing the ${what} index`, written.errors);
  await index.deleteIndex();
  const entry = await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8');
  await Promise.all(unusedFiles(entry).map((f) => rm(join(outputPath, f), { force: true })));
}

/**
 * Write the bundle of `records` to `target`: copied from the cache folder when a bundle
 * of the same records' digest is kept there, else indexed and kept. No records, no
 * bundle (the search page then offers no comments to include).
 */
async function writeKeptBundle(kind: string, records: readonly SearchDocument[], target: string, options: BundleOptions): Promise<'indexed' | 'reused' | 'empty'> {
  await rm(target, { recursive: true, force: true });
  if (records.length === 0) return 'empty';
  const cacheRoot = join(options.cacheDir, CACHE_FOLDER);
  await mkdir(cacheRoot, { recursive: true });
  const digest = recordsDigest(records, { pagefindVersion: options.pagefindVersion, indexOptions: INDEX_OPTIONS });
  const plan = planKeptBundle(kind, digest, await readdir(cacheRoot));
  const kept = join(cacheRoot, plan.keep);
  if (!plan.reuse) {
    // Written beside, then renamed: a build stopped halfway never leaves a bundle to reuse.
    const partial = `${kept}.partial-${process.pid}`;
    await rm(partial, { recursive: true, force: true });
    await writeBundle(kind, records, partial);
    await rename(partial, kept);
  }
  await Promise.all(plan.stale.map((name) => rm(join(cacheRoot, name), { recursive: true, force: true })));
  await cp(kept, target, { recursive: true });
  return plan.reuse ? 'reused' : 'indexed';
}

async function kib(dir: string): Promise<string> {
  if (!existsSync(dir)) return '0 KiB';
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const sizes = await Promise.all(entries.filter((e) => e.isFile()).map(async (e) => (await stat(join(e.parentPath, e.name))).size));
  return `${(sizes.reduce((a, b) => a + b, 0) / 1024).toFixed(0)} KiB`;
}
