import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../scripts/check-links';
import { MUTATIONS, posts, prepareFixture, sample, type Mutation } from './mutations';
import { build, buildKilledAt, diffTrees, fixtureSite, removeTree, type FixtureSite } from './site';

/**
 * Issue 18, "a cache is used only when it is proven valid": on a tiny generated site, each
 * kind of input a page depends on is changed, the site rebuilt incrementally (caches and
 * dist/ of the previous build kept) and the whole output compared byte for byte with a cold
 * build of the same tree; then the change is undone and compared again. Builds killed
 * (SIGKILL) at several points, then undone and rebuilt, must leave nothing behind.
 *
 * `npm test` runs a seeded sample (the seed is printed); `npm run test:incremental` runs all.
 *   SHRINKRAP_MUTATIONS=all | "post body,env BLOG_TIME_ZONE" (names)   which mutations
 *   SHRINKRAP_MUTATION_SEED=123, SHRINKRAP_MUTATION_COUNT=2            the sample
 */

const choice = process.env.SHRINKRAP_MUTATIONS ?? '';
const seed = Number(process.env.SHRINKRAP_MUTATION_SEED ?? Date.now() % 100_000);
const count = Number(process.env.SHRINKRAP_MUTATION_COUNT ?? 1);

interface KillPoint {
  name: string;
  /** The log line at which the build is killed, given the edited post's page. */
  when: (page: string) => RegExp;
}
const KILL_POINTS: KillPoint[] = [
  { name: 'during the content sync', when: () => /\[content\] Syncing content/ },
  { name: 'after the edited page rendered', when: (page) => new RegExp(`${page.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\+`) },
  { name: 'while the integrations write sitemap and search', when: () => /sitemap-index\.xml` created/ },
];

function chosen<T extends { name: string }>(items: readonly T[], n: number, salt: number): T[] {
  if (choice === 'all') return [...items];
  if (choice) return items.filter((i) => choice.split(',').map((c) => c.trim()).includes(i.name));
  return sample(items, n, seed + salt);
}
const mutations = chosen(MUTATIONS, count, 0);
const kills = chosen(KILL_POINTS, 1, 1);
console.log(
  `mutation test: ${choice === 'all' ? 'all' : `seed ${seed} (SHRINKRAP_MUTATION_SEED=${seed} repeats it; npm run test:incremental runs all)`}: ` +
    `${mutations.map((m) => m.name).join(', ') || 'no mutation'}; killed ${kills.map((k) => k.name).join(', ') || 'never'}`,
);

describe('incremental build equals a cold build', () => {
  let s: FixtureSite;
  const warm = { out: './dist', cache: './cache' };
  const dir = (...p: string[]) => join(s.dir, ...p);
  /** A cold build of the site as it is now, into its own output and cache. */
  const cold = (name: string, env?: Record<string, string>) => {
    removeTree(dir(`dist-${name}`));
    removeTree(dir(`cache-${name}`));
    build(s, { out: `./dist-${name}`, cache: `./cache-${name}`, env });
    return dir(`dist-${name}`);
  };
  let baseline: string;

  beforeAll(() => {
    s = fixtureSite('incremental');
    prepareFixture(s);
    build(s, warm);
    baseline = cold('baseline');
  }, 600_000);
  afterAll(() => removeTree(s.dir));

  it.each(mutations)('$name: incremental = cold, and again after the undo', (m: Mutation) => {
    const { env, undo } = m.apply(s);
    let changed: string[];
    try {
      build(s, { ...warm, env });
      changed = diffTrees(dir('dist'), cold('mutated', env));
    } finally {
      undo();
    }
    build(s, warm);
    const undone = diffTrees(dir('dist'), baseline);
    // As it goes: the whole set runs for a long time and Vitest reports a file at its end.
    console.log(`mutation "${m.name}": ${changed.length + undone.length === 0 ? 'equal to cold' : `${changed.length} + ${undone.length} files differ`}`);
    expect({ changed, undone }).toEqual({ changed: [], undone: [] });
  });

  it.each(kills)('a build killed $name, then undone and rebuilt, leaves nothing of the change', async (k: KillPoint) => {
    const post = posts(s).md.find((f) => f !== posts(s).withImage)!;
    const file = dir('content/posts', post);
    const before = readFileSync(file, 'utf8');
    const taken = 'A paragraph that is taken back.';
    writeFileSync(file, before.replace(/\n---\n\n/, `\n---\n\n${taken}\n\n`));
    try {
      await buildKilledAt(s, warm, k.when(`/${post.replace(/\.md$/, '.html')}`));
    } finally {
      writeFileSync(file, before);
    }
    build(s, warm);
    const leftovers = listFiles(dir('dist')).filter((f) => readFileSync(dir('dist', f)).includes(taken));
    expect({ leftovers, diff: diffTrees(dir('dist'), baseline) }).toEqual({ leftovers: [], diff: [] });
  });
});
