import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnv } from '../child-env';
import { XMLParser } from 'fast-xml-parser';
import { listFiles } from '../../scripts/check-links';
import { isolatedProject } from '../../scripts/bench/isolated';
import { TEST_EDIT_URL, TEST_NOW, TEST_TZ } from '../global-build';
import { DIST } from '../helpers';

/**
 * Two builds of the same input must give the same dist/, byte for byte, Pagefind's
 * index included (its file names are content hashes, so they must match too). The
 * second build runs in a copy of the project in another folder, from an empty
 * content-layer cache and in another machine time zone, so output that depends on the
 * checkout's location, the cache, the clock, the time zone or file-system order shows up.
 *
 * A copy, not just another OUT_DIR: Astro writes per-build files into the project's
 * .astro/ folder, and other test files build other content at the same time
 * (scripts/bench/isolated.ts explains).
 */

/** A machine time zone other than the first build's. */
const OTHER_TZ = (TEST_TZ as string) === 'UTC' ? 'Asia/Tokyo' : 'UTC';
/** Files that are allowed to differ: the test harness's own stamp. */
const IGNORED = new Set(['.test-build']);

describe('reproducible builds', () => {
  const root = mkdtempSync(join(tmpdir(), 'shrinkrap-determinism-'));
  const SECOND = join(root, 'dist');
  let first: string[] = [];
  let second: string[] = [];

  beforeAll(() => {
    isolatedProject(root, { content: true });
    const r = spawnSync('npx', ['astro', 'build', '--silent'], {
      cwd: root,
      encoding: 'utf8',
      // childEnv(): without Vitest's NODE_ENV=test, which would compile as in dev.
      // NODE_PRESERVE_SYMLINKS: node_modules is a link; without it Astro's runtime resolves
      // outside the copy and is compiled as in dev (e.g. data-image-component on images).
      env: { ...childEnv(), NODE_PRESERVE_SYMLINKS: '1', TZ: OTHER_TZ, SHRINKRAP_NOW: TEST_NOW, SHRINKRAP_DRAFTS: '', BASE_PATH: '/', CONTENT_DIR: './content', OUT_DIR: './dist', ASTRO_CACHE_DIR: './cache', REPOSITORY_EDIT_URL: TEST_EDIT_URL },
    });
    if (r.status !== 0) throw new Error(`second build failed:\n${r.stdout}\n${r.stderr}`);
    first = listFiles(DIST).filter((f) => !IGNORED.has(f)).sort();
    second = listFiles(SECOND).filter((f) => !IGNORED.has(f)).sort();
  }, 600_000);

  // After a failure the copy stays in the temp folder, to diff against dist/.
  afterAll(() => {
    if (first.length && first.every((f) => existsSync(join(SECOND, f)) && readFileSync(join(DIST, f)).equals(readFileSync(join(SECOND, f))))) rmSync(root, { recursive: true, force: true });
  });

  it('writes the same files, search index included', () => {
    expect(first.length).toBeGreaterThan(100);
    expect(first.some((f) => f.startsWith('pagefind/'))).toBe(true);
    expect(first.some((f) => f.startsWith('pagefind-comments/'))).toBe(true);
    expect(second).toEqual(first);
  });

  it('gives feeds the same entry ids and dates', () => {
    const xml = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'entry' });
    const ids = (dir: string, f: string) =>
      ((xml.parse(readFileSync(join(dir, f), 'utf8')) as { feed: { entry?: { id: string; updated: string }[] } }).feed.entry ?? []).map((e) => `${e.id} ${e.updated}`);
    const feeds = first.filter((f) => f.startsWith('feeds/'));
    expect(feeds.length).toBeGreaterThan(5);
    for (const f of feeds) expect(ids(SECOND, f), f).toEqual(ids(DIST, f));
  });

  it('writes every file with the same bytes', () => {
    const differ = first.filter((f) => second.includes(f) && !readFileSync(join(DIST, f)).equals(readFileSync(join(SECOND, f))));
    expect(differ).toEqual([]);
  });
});
