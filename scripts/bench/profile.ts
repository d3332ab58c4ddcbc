import { readFileSync } from 'node:fs';

/**
 * Summarises a V8 .cpuprofile: self time by function and inclusive time by source file,
 * so "where does the build go" has numbers. Take a profile of a build with
 *
 *   node_modules/.bin/node --cpu-prof --cpu-prof-dir=/tmp/prof node_modules/astro/bin/astro.mjs build
 *
 * (with the same CONTENT_DIR/OUT_DIR/ASTRO_CACHE_DIR as the bench), then
 *
 *   npx tsx scripts/bench/profile.ts /tmp/prof/CPU.*.cpuprofile [--top 30] [--match src/]
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: profile.ts FILE.cpuprofile [--top N] [--match TEXT]');
  process.exit(2);
}
const top = Number(args[args.indexOf('--top') + 1] ?? 30) || 30;
const match = args.includes('--match') ? args[args.indexOf('--match') + 1]! : undefined;

const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const selfMs = new Map<number, number>();
profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
const total = [...selfMs.values()].reduce((a, b) => a + b, 0);

const short = (url: string) => url.replace(/^file:\/\//, '').replace(/.*node_modules\//, '~/').replace(/.*\/(src|dist|\.prerender)\//, '$1/');
const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}  ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

// Self time by function.
const self = new Map<string, number>();
for (const [id, ms] of selfMs) {
  const k = label(byId.get(id)!);
  self.set(k, (self.get(k) ?? 0) + ms);
}
// Inclusive time by function and by file (each sample counted once per distinct key on its stack).
const inclusiveFn = new Map<string, number>();
const inclusiveFile = new Map<string, number>();
for (const [id, ms] of selfMs) {
  const seenFn = new Set<string>();
  const seenFile = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const n = byId.get(cur)!;
    const fn = label(n);
    const f = short(n.callFrame.url) || '(native)';
    if (!seenFn.has(fn)) (seenFn.add(fn), inclusiveFn.set(fn, (inclusiveFn.get(fn) ?? 0) + ms));
    if (!seenFile.has(f)) (seenFile.add(f), inclusiveFile.set(f, (inclusiveFile.get(f) ?? 0) + ms));
  }
}

const print = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  [...m]
    .filter(([k]) => !match || k.includes(match))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([k, ms]) => console.log(`${(ms / 1000).toFixed(2).padStart(8)} s ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`));
};
console.log(`Profile: ${(total / 1000).toFixed(1)} s sampled`);
print('Self time by function', self);
print('Inclusive time by function', inclusiveFn);
print('Inclusive time by file', inclusiveFile);
