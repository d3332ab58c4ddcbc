import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { childEnv } from './child-env';

/**
 * The one way a test builds a site: `astro build` in a child process with a fixed clock, a
 * time zone far from the blog's and no drafts, unless the test says otherwise. Every test
 * that builds (the sample site once per run, small broken content folders, imports, draft
 * previews, base paths, reproducibility) goes through `buildFixtureSite`.
 */

export const TEST_NOW = '2026-06-01T12:00:00Z';
export const TEST_TZ = 'Pacific/Auckland';
/** "Suggest an edit" is on in the test build (a draft preview build checks it off). */
export const TEST_EDIT_URL = 'https://github.com/example/shrinkrap/edit/main/';

export interface FixtureBuild {
  /** The content folder (default: the project's content/). */
  contentDir?: string;
  /** Where the site is written. */
  outDir: string;
  /** Astro's cache folder; give a build with other content its own. */
  cacheDir?: string;
  /** The project folder to build in (default: this one). */
  cwd?: string;
  base?: string;
  drafts?: boolean;
  now?: string;
  tz?: string;
  editUrl?: string;
  /** `--silent` (default); a test that reads Astro's log says false. */
  silent?: boolean;
  /** Show the build's output as it runs instead of capturing it. */
  inherit?: boolean;
  /** More environment (e.g. NODE_PRESERVE_SYMLINKS for a copied project). */
  env?: Record<string, string>;
}

export interface FixtureResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr without colours, for assertions on messages. */
  output: string;
  seconds: number;
}

export function buildFixtureSite(options: FixtureBuild): FixtureResult {
  const started = performance.now();
  const env = childEnv({
    TZ: options.tz ?? TEST_TZ,
    SHRINKRAP_NOW: options.now ?? TEST_NOW,
    SHRINKRAP_DRAFTS: options.drafts ? '1' : '',
    BASE_PATH: options.base ?? '/',
    OUT_DIR: options.outDir,
    REPOSITORY_EDIT_URL: options.editUrl ?? TEST_EDIT_URL,
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...(options.contentDir ? { CONTENT_DIR: options.contentDir } : {}),
    ...(options.cacheDir ? { ASTRO_CACHE_DIR: options.cacheDir } : {}),
    ...options.env,
  });
  const r = spawnSync('npx', ['astro', 'build', ...(options.silent === false ? [] : ['--silent'])], {
    cwd: options.cwd ?? process.cwd(),
    encoding: 'utf8',
    env,
    stdio: options.inherit ? ['ignore', 'inherit', 'inherit'] : 'pipe',
  });
  const stdout = r.stdout ?? '';
  const stderr = r.stderr ?? '';
  // eslint-disable-next-line no-control-regex
  const output = `${stdout}\n${stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
  return { status: r.status, stdout, stderr, output, seconds: (performance.now() - started) / 1000 };
}

/** A scratch content folder with the repository's authors and the given files; built into its own dist and cache. */
export function scratchContent(name: string, files: Record<string, string | Uint8Array> = {}): { root: string; content: string; out: string; cache: string } {
  const root = mkdtempSync(join(tmpdir(), `shrinkrap-${name}-`));
  const content = join(root, 'content');
  cpSync(join(process.cwd(), 'content/authors'), join(content, 'authors'), { recursive: true });
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), data);
  }
  return { root, content, out: join(root, 'dist'), cache: join(root, 'cache') };
}

/** Build a small content folder of `files` (with the repository's authors); its own dist and cache. */
export function buildContent(name: string, files: Record<string, string | Uint8Array>): FixtureResult & { root: string } {
  const site = scratchContent(name, files);
  return { ...buildFixtureSite({ contentDir: site.content, outDir: site.out, cacheDir: site.cache, silent: false }), root: site.root };
}
