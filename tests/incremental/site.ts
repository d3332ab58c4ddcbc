import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildArchive } from '../../scripts/bench/archive';
import { writeContent } from '../../scripts/bench/content';
import { isolatedProject, REPO_ROOT } from '../../scripts/bench/isolated';
import { listFiles } from '../../scripts/check-links';
import { childEnv } from '../child-env';

/**
 * A tiny generated blog in its own copy of the project (scripts/bench/isolated.ts), so a
 * test can change anything a page is made of, content or code, without touching the work
 * tree, and build it incrementally and cold.
 */
export interface FixtureSite {
  /** The project copy (src/, public/, astro.config.mjs…, content/). */
  dir: string;
}

/** Settings every fixture build gets unless a test overrides one. */
export const FIXTURE_ENV: Record<string, string> = {
  SHRINKRAP_NOW: '2026-06-01T00:00:00Z',
  SHRINKRAP_DRAFTS: '',
  BASE_PATH: '/',
  SITE_URL: 'https://www.shrinkrap.net',
  BLOG_TIME_ZONE: 'America/New_York',
  REPOSITORY_EDIT_URL: '',
  TZ: 'UTC',
};

export function fixtureSite(name: string, posts = 10): FixtureSite {
  const dir = mkdtempSync(join(tmpdir(), `shrinkrap-${name}-`));
  isolatedProject(dir);
  writeContent(buildArchive({ posts, seed: 20060401 }), join(dir, 'content'), 'mixed', REPO_ROOT, dir);
  // Both formats, whatever the generator chose: the first Markdown post becomes MDX.
  const posts_ = listFiles(join(dir, 'content/posts'));
  if (!posts_.some((f) => f.endsWith('.mdx'))) {
    const md = posts_.find((f) => f.endsWith('.md'))!;
    renameSync(join(dir, 'content/posts', md), join(dir, 'content/posts', `${md}x`));
  }
  return { dir };
}

export interface BuildOptions {
  /** Output folder, relative to the site (part of Astro's config hash: keep it fixed per cache). */
  out: string;
  cache: string;
  env?: Record<string, string>;
}

function buildEnv(site: FixtureSite, o: BuildOptions): NodeJS.ProcessEnv {
  return {
    ...childEnv(),
    ...FIXTURE_ENV,
    NODE_PRESERVE_SYMLINKS: '1',
    NODE_ENV: 'production',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    CONTENT_DIR: './content',
    OUT_DIR: o.out,
    ASTRO_CACHE_DIR: o.cache,
    ...o.env,
  };
}

/** `astro build` in the copy; throws with the log when it fails. Returns the log. */
export function build(site: FixtureSite, o: BuildOptions): string {
  const r = spawnSync('npx', ['astro', 'build'], { cwd: site.dir, encoding: 'utf8', env: buildEnv(site, o) });
  if (r.status !== 0) throw new Error(`build of ${site.dir} into ${o.out} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/**
 * Starts `astro build` and SIGKILLs it (the whole process group) as soon as its log
 * matches `when`. Resolves with the log; rejects if the build ended before that.
 */
export function buildKilledAt(site: FixtureSite, o: BuildOptions, when: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['astro', 'build'], { cwd: site.dir, env: buildEnv(site, o), detached: true });
    let log = '';
    let killed = false;
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (!killed && when.test(log)) {
        killed = true;
        process.kill(-child.pid!, 'SIGKILL');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', () => (killed ? resolve(log) : reject(new Error(`the build ended before ${when}:\n${log}`))));
  });
}

/**
 * How two output folders differ, one line per file: missing on one side, or the first line
 * that differs. Empty when they are byte-for-byte equal.
 */
export function diffTrees(actual: string, expected: string): string[] {
  const a = new Set(existsSync(actual) ? listFiles(actual) : []);
  const e = new Set(existsSync(expected) ? listFiles(expected) : []);
  const out: string[] = [];
  for (const f of [...new Set([...a, ...e])].sort()) {
    if (!e.has(f)) out.push(`${f}: only in the incremental build`);
    else if (!a.has(f)) out.push(`${f}: missing from the incremental build`);
    else {
      const [x, y] = [readFileSync(join(actual, f)), readFileSync(join(expected, f))];
      if (!x.equals(y)) out.push(`${f}: ${firstDifference(x.toString('utf8'), y.toString('utf8'))}`);
    }
  }
  return out;
}

function firstDifference(a: string, b: string): string {
  const [x, y] = [a.split('\n'), b.split('\n')];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] !== y[i]) {
      const at = [...(x[i] ?? '')].findIndex((c, j) => c !== (y[i] ?? '')[j]);
      const from = Math.max(0, at - 60);
      return `line ${i + 1}: incremental "${(x[i] ?? '').slice(from, from + 160)}" ≠ cold "${(y[i] ?? '').slice(from, from + 160)}"`;
    }
  }
  return 'differs';
}

export { REPO_ROOT };
export const site = (s: FixtureSite, ...p: string[]) => join(s.dir, ...p);
export const removeTree = (dir: string) => spawnSync('rm', ['-rf', dir]);
