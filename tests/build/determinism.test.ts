import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { listFiles } from '../../scripts/check-links';
import { TEST_NOW, TEST_TZ } from '../global-build';
import { DIST } from '../helpers';

/**
 * Two builds of the same input must give the same dist/, byte for byte, Pagefind's
 * index included (its file names are content hashes, so they must match too). The
 * second build starts from an empty content-layer cache, so output that depends on
 * the cache, the clock, the machine's time zone or file-system order shows up here.
 *
 * The second build's OUT_DIR is inside the project on purpose: for an OUT_DIR outside
 * it, Astro puts its prerender bundle in the project's shared .astro/ folder, where a
 * concurrent build would delete it.
 */

const SECOND = join(process.cwd(), 'dist-determinism');
/** A machine time zone other than the first build's. */
const OTHER_TZ = (TEST_TZ as string) === 'UTC' ? 'Asia/Tokyo' : 'UTC';
/** Files that are allowed to differ: the test harness's own stamp. */
const IGNORED = new Set(['.test-build']);

describe('reproducible builds', () => {
  let first: string[] = [];
  let second: string[] = [];

  beforeAll(() => {
    rmSync(SECOND, { recursive: true, force: true });
    const cache = mkdtempSync(join(tmpdir(), 'shrinkrap-determinism-cache-'));
    const r = spawnSync('npx', ['astro', 'build', '--silent'], {
      cwd: process.cwd(),
      encoding: 'utf8',
      // Same input as tests/global-build.ts (built in TEST_TZ), but another machine time
      // zone: output must not depend on it either.
      env: { ...process.env, TZ: OTHER_TZ, SHRINKRAP_NOW: TEST_NOW, SHRINKRAP_DRAFTS: '', BASE_PATH: '/', OUT_DIR: SECOND, ASTRO_CACHE_DIR: cache },
    });
    rmSync(cache, { recursive: true, force: true });
    if (r.status !== 0) throw new Error(`second build failed:\n${r.stdout}\n${r.stderr}`);
    first = listFiles(DIST).filter((f) => !IGNORED.has(f)).sort();
    second = listFiles(SECOND).filter((f) => !IGNORED.has(f)).sort();
  }, 600_000);

  afterAll(() => rmSync(SECOND, { recursive: true, force: true }));

  it('writes the same files, search index included', () => {
    expect(first.length).toBeGreaterThan(100);
    expect(first.some((f) => f.startsWith('pagefind/'))).toBe(true);
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
