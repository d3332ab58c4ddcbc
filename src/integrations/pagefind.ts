import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { buildSettings } from '../lib/build-settings';
import { siteConfig } from '../site.config';
import { CACHE_FOLDER, COMMENT_BUNDLE, commentIndexDigest, filesDigest, planCommentIndex, RECORD_CODE } from '../lib/search/comment-index';
import { unusedFiles } from '../lib/search/bundle';
import { commentThreadRecord, type SearchDocument } from '../lib/search/records';
import { readSearchSource, type SearchSource } from '../lib/search/source';

/**
 * Builds the search index at the end of `astro build` with Pagefind's Node API, from the
 * content files (src/lib/search/source.ts), not from the built pages, and fails the build
 * on any indexing error (a site with a broken index must not deploy):
 * - `pagefind/`: the posts, indexed on every build (cheap: one record per post);
 * - `pagefind-comments/`: the comment threads, kept in Astro's cacheDir under a digest of
 *   what they are made of and copied from there while that digest holds
 *   (src/lib/search/comment-index.ts). The search page merges it in when asked.
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
            codeDigest: recordCodeDigest(fileURLToPath(root!)),
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

/** Pagefind's version, part of the comment bundle's digest. */
function pagefindVersion(projectRoot: string): string {
  const file = join(projectRoot, 'node_modules', 'pagefind', 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : 'unknown';
}

function recordCodeDigest(projectRoot: string): string {
  const read = (path: string) => (existsSync(join(projectRoot, path)) ? readFileSync(join(projectRoot, path), 'utf8') : undefined);
  return filesDigest(RECORD_CODE.map((path) => ({ path, text: read(path) })));
}

export interface SearchIndexOptions {
  /** The built site: the bundles are written to its `pagefind/` and `pagefind-comments/`. */
  siteDir: string;
  contentDir: string;
  /** Astro's cacheDir, where the comment bundle is kept between builds. */
  cacheDir: string;
  timeZone: string;
  cutoff: Date;
  includeDrafts: boolean;
  pagefindVersion: string;
  /** Digest of the code that makes comment records (comment-index.ts, RECORD_CODE). */
  codeDigest: string;
}

type Logger = Pick<AstroIntegrationLogger, 'info'>;

/** Index the content into the built site's two bundles. Throws on any error. */
export async function buildSearchIndex(options: SearchIndexOptions, logger: Logger): Promise<void> {
  const started = performance.now();
  const source = readSearchSource(options);
  try {
    const posts = await writePostBundle(source, join(options.siteDir, 'pagefind'));
    const comments = await writeCommentBundle(source, options);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    logger.info(
      `indexed ${posts} posts in pagefind/ (${await kib(join(options.siteDir, 'pagefind'))}); ` +
        `${comments.threads} comment threads (${comments.comments} comments) ${comments.reused ? 'reused from the cache' : 'indexed'} ` +
        `in ${COMMENT_BUNDLE}/ (${await kib(join(options.siteDir, COMMENT_BUNDLE))}); ${seconds} s`,
    );
  } finally {
    await pagefind.close();
  }
}

const fail = (what: string, errors: readonly string[]): never => {
  throw new Error(`Pagefind failed while ${what}:\n  ${errors.join('\n  ')}`);
};

/** Index `documents` into a new bundle at `outputPath`. */
async function writeBundle(what: string, documents: Iterable<SearchDocument>, outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
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

async function writePostBundle(source: SearchSource, outputPath: string): Promise<number> {
  await rm(outputPath, { recursive: true, force: true });
  await writeBundle('posts', source.postRecords, outputPath);
  return source.postRecords.length;
}

interface CommentBundleResult {
  threads: number;
  comments: number;
  reused: boolean;
}

async function writeCommentBundle(source: SearchSource, options: SearchIndexOptions): Promise<CommentBundleResult> {
  const target = join(options.siteDir, COMMENT_BUNDLE);
  await rm(target, { recursive: true, force: true });
  const files = source.commentFiles.filter((f) => f.count > 0);
  const comments = files.reduce((n, f) => n + f.count, 0);
  // No comments, no bundle: the search page then offers no comments to include.
  if (files.length === 0) return { threads: 0, comments: 0, reused: false };

  const cacheRoot = join(options.cacheDir, CACHE_FOLDER);
  await mkdir(cacheRoot, { recursive: true });
  const digest = commentIndexDigest({ commentFiles: source.commentFiles, handles: source.handles, pagefindVersion: options.pagefindVersion, codeDigest: options.codeDigest });
  const plan = planCommentIndex(digest, await readdir(cacheRoot));
  const kept = join(cacheRoot, plan.keep);
  if (!plan.reuse) {
    // Written beside, then renamed: a build stopped halfway never leaves a bundle to reuse.
    const partial = `${kept}.partial-${process.pid}`;
    await rm(partial, { recursive: true, force: true });
    function* documents() {
      for (const file of files) yield commentThreadRecord(file.post, file.read().comments, source.handles)!;
    }
    await writeBundle('comments', documents(), partial);
    await rename(partial, kept);
  }
  await Promise.all(plan.stale.map((name) => rm(join(cacheRoot, name), { recursive: true, force: true })));
  await cp(kept, target, { recursive: true });
  return { threads: files.length, comments, reused: plan.reuse };
}

async function kib(dir: string): Promise<string> {
  if (!existsSync(dir)) return '0 KiB';
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const sizes = await Promise.all(entries.filter((e) => e.isFile()).map(async (e) => (await stat(join(e.parentPath, e.name))).size));
  return `${(sizes.reduce((a, b) => a + b, 0) / 1024).toFixed(0)} KiB`;
}
