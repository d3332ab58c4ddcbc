import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { assertIndexable, commentThreadRecord, isPostFile, matchesPostGlob, POST_GLOB, unusedFiles } from '../lib/search/index-records';

/**
 * Builds the search index at the end of `astro build` with Pagefind's Node API, and fails
 * the build on any indexing error (a site with a broken index must not deploy). In
 * `astro dev` it serves the last build's index, so search works after one build.
 */
export default function pagefindIntegration(): AstroIntegration {
  let outDir: URL | undefined;
  let base = '/';
  return {
    name: 'shrinkrap:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
        base = config.base;
      },
      'astro:server:setup': ({ server }) => {
        if (!outDir) return;
        const bundleDir = fileURLToPath(new URL('pagefind/', outDir));
        const prefix = `${base.replace(/\/$/, '')}/pagefind/`;
        server.middlewares.use((req, res, next) => {
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
      },
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearchIndex(fileURLToPath(dir), logger);
      },
    },
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Index the built site in `siteDir` into `siteDir/pagefind/`. Throws on any error. */
export async function buildSearchIndex(siteDir: string, logger: Pick<AstroIntegrationLogger, 'info'>): Promise<void> {
  const started = performance.now();
  const fail = (what: string, errors: readonly string[]) => {
    throw new Error(`Pagefind failed while ${what}:\n  ${errors.join('\n  ')}`);
  };
  const files = await listFiles(siteDir);
  const postFiles = files.filter(isPostFile);
  const globbed = files.filter(matchesPostGlob).length;
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) return fail('starting', errors);

    const posts = await index.addDirectory({ path: siteDir, glob: POST_GLOB });
    if (posts.errors.length > 0) fail('indexing posts', posts.errors);
    // page_count is the files Pagefind read (post pages and month indexes, which it skips
    // for lacking a body); each post page is checked for its body below.
    if (posts.page_count !== globbed) fail('indexing posts', [`read ${posts.page_count} of ${globbed} files matching ${POST_GLOB}`]);

    let threads = 0;
    let comments = 0;
    for (const batch of chunks(postFiles, 32)) {
      const records = await Promise.all(
        batch.map(async (file) => {
          const html = await readFile(join(siteDir, file), 'utf8');
          assertIndexable(file, html);
          return commentThreadRecord(file, html);
        }),
      );
      const added = await Promise.all(
        records.filter((r) => r !== undefined).map((r) => index.addHTMLFile({ url: r.url, content: r.html })),
      );
      const errors = added.flatMap((a) => a.errors);
      if (errors.length > 0) fail('indexing comments', errors);
      for (const r of records) if (r) (threads++, (comments += r.comments));
    }

    const outputPath = join(siteDir, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) fail('writing the index', written.errors);
    await Promise.all(unusedFiles(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')).map((f) => rm(join(outputPath, f), { force: true })));

    const bytes = await folderSize(outputPath);
    logger.info(
      `indexed ${postFiles.length} posts and ${threads} comment threads (${comments} comments) ` +
        `in ${((performance.now() - started) / 1000).toFixed(1)} s; pagefind/ is ${(bytes / 1024).toFixed(0)} KiB`,
    );
  } finally {
    await pagefind.close();
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

async function folderSize(dir: string): Promise<number> {
  const files = await listFiles(dir);
  const sizes = await Promise.all(files.map(async (f) => (await stat(join(dir, f))).size));
  return sizes.reduce((a, b) => a + b, 0);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
