import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { listFiles } from '../../scripts/check-links';
import { isolatedProject } from '../../scripts/bench/isolated';
import { buildFixtureSite, TEST_TZ } from '../fixture-site';
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
  const SECOND = join(root, 'dist-cold');
  let first: string[] = [];
  let second: string[] = [];

  /** The third build: the same input again in the copy, every keyed page from the incremental cache. */
  const THIRD = join(root, 'dist');
  let third: string[] = [];
  let restored = 0;

  beforeAll(() => {
    isolatedProject(root, { content: true });
    // Never --silent: Astro's route dependency hashes differ between a --silent build and a
    // normal one, so they do not share the incremental cache.
    const copyBuild = (outDir: string) => {
      // NODE_PRESERVE_SYMLINKS: node_modules is a link; without it Astro's runtime resolves
      // outside the copy and is compiled as in dev (e.g. data-image-component on images).
      const r = buildFixtureSite({ cwd: root, silent: false, tz: OTHER_TZ, contentDir: './content', outDir, cacheDir: './cache', env: { NODE_PRESERVE_SYMLINKS: '1' } });
      if (r.status !== 0) throw new Error(`build into ${outDir} failed:\n${r.stdout}\n${r.stderr}`);
      return r.stdout;
    };
    copyBuild('./dist');
    renameSync(join(root, 'dist'), SECOND);
    // Again into an empty dist/ with the cache kept (same OUT_DIR: it is part of Astro's config
    // hash): Astro restores every keyed page from cacheDir.
    restored = copyBuild('./dist').split('\n').filter((l) => l.includes('(restored)')).length;
    first = listFiles(DIST).filter((f) => !IGNORED.has(f)).sort();
    second = listFiles(SECOND).filter((f) => !IGNORED.has(f)).sort();
    third = listFiles(THIRD).filter((f) => !IGNORED.has(f)).sort();
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

  it('gives the same bytes when the pages come from the incremental cache', () => {
    expect(restored).toBeGreaterThan(100);
    expect(third).toEqual(first);
    const differ = first.filter((f) => third.includes(f) && !readFileSync(join(DIST, f)).equals(readFileSync(join(THIRD, f))));
    expect(differ).toEqual([]);
  });
});
