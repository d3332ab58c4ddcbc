import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildArchive } from './archive';
import { writeContent, type PostFormat } from './content';
import { REPO_ROOT } from './isolated';

/**
 * Writes a deterministic synthetic Shrink Rap archive to a content folder.
 *
 *   npx tsx scripts/bench/generate.ts --posts 5000 --out /tmp/bench/content [--format md|mdx|mixed] [--seed 1]
 *
 * Build it with CONTENT_DIR=/tmp/bench/content OUT_DIR=… ASTRO_CACHE_DIR=… npx astro build.
 */

export interface GenerateArgs {
  posts: number;
  out: string;
  format: PostFormat;
  seed: number;
}

export function parseGenerateArgs(argv: string[]): GenerateArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      posts: { type: 'string', default: '5000' },
      out: { type: 'string' },
      format: { type: 'string', default: 'mixed' },
      seed: { type: 'string', default: '20060401' },
    },
  });
  const posts = Number(values.posts);
  if (!Number.isInteger(posts) || posts < 10) throw new Error(`--posts must be a whole number of at least 10, got "${values.posts}"`);
  if (!values.out) throw new Error('--out is required: the content folder to write, e.g. --out /tmp/bench/content');
  if (!['md', 'mdx', 'mixed'].includes(values.format!)) throw new Error(`--format must be md, mdx or mixed, got "${values.format}"`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got "${values.seed}"`);
  return { posts, out: resolve(values.out), format: values.format as PostFormat, seed };
}

export function generate(args: GenerateArgs) {
  const archive = buildArchive({ posts: args.posts, seed: args.seed });
  return { archive, manifest: writeContent(archive, args.out, args.format, REPO_ROOT) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let args: GenerateArgs;
  try {
    args = parseGenerateArgs(process.argv.slice(2));
  } catch (e) {
    // Wrong use (unknown option, bad value): exit 2, as every tool in scripts/.
    console.error(`generate: ${(e as Error).message}\nUsage: npx tsx scripts/bench/generate.ts --out DIR [--posts 5000] [--format mixed|md|mdx] [--seed 20060401]`);
    process.exit(2);
  }
  try {
    const started = performance.now();
    const { manifest } = generate(args);
    console.log(
      `Wrote ${manifest.posts} posts (${manifest.mdFiles} .md, ${manifest.mdxFiles} .mdx, ${manifest.drafts} drafts), ` +
        `${manifest.comments} comments, ${manifest.labels} labels to ${args.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } catch (e) {
    console.error(`generate: ${(e as Error).message}`);
    process.exit(1);
  }
}
