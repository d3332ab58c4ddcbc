import { renameSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../scripts/check-links';
import { build, diffTrees, fixtureSite, removeTree, site, type FixtureSite } from './site';

/**
 * Renaming a post between .mdx and .md, then building with the caches of the previous build
 * (as a deploy does: it restores the cache folder). Astro's content layer kept the old file
 * name (docs/upstream/content-layer-rename.md): the next build failed, or rendered the old
 * format. The output must equal a cold build of the renamed tree, both ways.
 */
describe('a post renamed between .mdx and .md', () => {
  let s: FixtureSite;
  let post: string;
  const warm = { out: './dist', cache: './cache' };
  const cold = () => {
    removeTree(site(s, 'dist-cold'));
    removeTree(site(s, 'cache-cold'));
    build(s, { out: './dist-cold', cache: './cache-cold' });
  };

  beforeAll(() => {
    s = fixtureSite('rename');
    post = listFiles(site(s, 'content/posts')).find((f) => f.endsWith('.mdx'))!.replace(/\.mdx$/, '');
    build(s, warm);
  }, 300_000);
  afterAll(() => removeTree(s.dir));

  it('.mdx → .md builds, says what it cleared, and equals a cold build', () => {
    renameSync(site(s, 'content/posts', `${post}.mdx`), site(s, 'content/posts', `${post}.md`));
    const log = build(s, warm);
    expect(log).toMatch(new RegExp(`content store: dropped 1 entry whose file was renamed or deleted \\(.*${post}\\.mdx\\)`));
    cold();
    expect(diffTrees(site(s, 'dist'), site(s, 'dist-cold'))).toEqual([]);
  }, 300_000);

  it('.md → .mdx renders as MDX again and equals a cold build', () => {
    renameSync(site(s, 'content/posts', `${post}.md`), site(s, 'content/posts', `${post}.mdx`));
    build(s, warm);
    cold();
    expect(diffTrees(site(s, 'dist'), site(s, 'dist-cold'))).toEqual([]);
  }, 300_000);
});
