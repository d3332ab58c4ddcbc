import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { buildArchive } from './archive';
import { writeContent, type ContentManifest, type PostFormat } from './content';
import { hugoPostPath, plainHugoPostPath, writeHugoSite, writePlainHugoSite } from './hugo';
import { measureDev, type DevResult } from './dev';
import { astroPhases, ROUTE_KINDS, OUTPUT_KINDS, countFiles, folderStats, median, outputByKind, runMeasured, type Phases, type RunResult } from './measure';
import { isolatedProject, REPO_ROOT } from './isolated';
import { EXIT, exitWithUsageError, parseCliOrExit, type CliSpec } from '../../src/lib/tools/cli';

/**
 * npm run bench -- [--posts 5000] [--format mixed|md|mdx] [--runs 3] [--hugo]
 *                  [--processor satteri|unified] [--work DIR] [--json FILE] [--skip-warm]
 *
 * Generates the synthetic archive, copies the site's source into a temporary project
 * (node_modules linked) so nothing in the work tree is touched and no other build can
 * collide with it, then measures, in interleaved rounds:
 *   cold    – no output, no content-layer cache
 *   warm    – the same build again, cache kept, nothing changed
 *   edit    – one post's body changed, cache kept
 * and with --hugo the same archive as two Hugo sites, each + `pagefind --site` (cold and
 * edit): the equal-output yardstick (same pages, comments, feeds) and a plain Hugo blog of
 * the same posts (what an author would pick instead). With --dev, `astro dev` on the same
 * archive: first page, and each edit of a post until its page shows it (dev.ts).
 * Prints medians, peak memory, phases, sizes and the ratios to Hugo + Pagefind.
 */

const BENCH_CLI: CliSpec = {
  command: 'npm run bench --',
  synopsis: '[options]',
  summary: 'Builds a synthetic archive in an isolated copy of the project and reports times, peak memory, phases, output by kind and, with --hugo, the ratios to a Hugo + Pagefind build of the same archive. The log is bench.log in the work folder.',
  options: {
    posts: { type: 'string', value: 'n', default: '5000', help: 'posts in the synthetic archive (about 15 comments each)' },
    format: { type: 'string', value: 'mixed|md|mdx', default: 'mixed', help: 'post file format' },
    runs: { type: 'string', value: 'n', default: '1', help: 'interleaved rounds (medians are reported)' },
    hugo: { type: 'boolean', default: false, help: 'also build the same archive with Hugo + pagefind --site' },
    processor: { type: 'string', value: 'satteri|unified', default: 'satteri', help: 'Markdown processor for the site build' },
    work: { type: 'string', value: 'dir', help: 'work folder (default: a new temporary folder)' },
    json: { type: 'string', value: 'file', help: 'also write the figures as JSON' },
    seed: { type: 'string', value: 'n', default: '20060401', help: 'seed of the synthetic archive' },
    'skip-warm': { type: 'boolean', default: false, help: 'skip the unchanged rebuild' },
    dev: { type: 'boolean', default: false, help: 'also measure the authors\' preview (astro dev): first page and three edits' },
  },
  epilogue: ['Example: npm run bench -- --posts 2000 --hugo --dev --skip-warm'],
};

const { values } = parseCliOrExit(BENCH_CLI);

const posts = Number(values.posts);
const runs = Number(values.runs);
const format = values.format as PostFormat;
const processor = values.processor as 'satteri' | 'unified';
const wrongUse = (message: string) => exitWithUsageError(BENCH_CLI, message);
if (!Number.isInteger(posts) || posts < 10) wrongUse(`--posts must be a whole number of at least 10 (got "${values.posts}")`);
if (!Number.isInteger(runs) || runs < 1) wrongUse(`--runs must be a whole number of at least 1 (got "${values.runs}")`);
if (!Number.isInteger(Number(values.seed))) wrongUse(`--seed must be a whole number (got "${values.seed}")`);
if (!['md', 'mdx', 'mixed'].includes(format)) wrongUse(`--format must be md, mdx or mixed (got "${format}")`);
if (!['satteri', 'unified'].includes(processor)) wrongUse(`--processor must be satteri or unified (got "${processor}")`);

const work = resolve((values.work as string | undefined) ?? mkdtempSync(join(tmpdir(), 'shrinkrap-bench-')));
mkdirSync(work, { recursive: true });
const log = join(work, 'bench.log');
const say = (s: string) => {
  console.log(s);
  appendFileSync(log, `${s}\n`);
};

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(EXIT.failure);
}

/* ---------- set up ---------- */

const sec = (ms: number) => (Number.isNaN(ms) ? '—' : `${(ms / 1000).toFixed(1)} s`);

say(`Work folder: ${work} (this log: ${log}; results.json when done)`);
const t0 = performance.now();
const archive = buildArchive({ posts, seed: Number(values.seed) });
const site = join(work, 'site');
prepareSiteCopy(site);
const content = join(work, 'content');
if (existsSync(content)) rmSync(content, { recursive: true, force: true });
const manifest: ContentManifest = writeContent(archive, content, format, REPO_ROOT, site);
say(
  `Archive: ${manifest.posts} posts (${manifest.mdFiles} .md, ${manifest.mdxFiles} .mdx, ${manifest.drafts} drafts), ` +
    `${manifest.comments} comments, ${manifest.labels} labels; written in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

const out = join(site, 'dist');
const cache = join(work, 'astro-cache');
const astroEnv = {
  ...process.env,
  CONTENT_DIR: content,
  OUT_DIR: out,
  ASTRO_CACHE_DIR: cache,
  SHRINKRAP_NOW: '2026-06-01T12:00:00Z',
  ASTRO_TELEMETRY_DISABLED: '1',
  NODE_ENV: 'production',
  // node_modules is a link (isolated.ts); without this Astro's runtime resolves outside the
  // copy and is compiled as in dev.
  NODE_PRESERVE_SYMLINKS: '1',
  FORCE_COLOR: '0',
  NO_COLOR: '1',
};

const hugoRoot = join(work, 'hugo');
const plainRoot = join(work, 'hugo-plain');
const hugoAvailable = values.hugo && spawnSync('hugo', ['version']).status === 0;
if (values.hugo && !hugoAvailable) fail('--hugo needs Hugo on PATH (apt-get install -y hugo)');
if (hugoAvailable) {
  rmSync(hugoRoot, { recursive: true, force: true });
  writeHugoSite(archive, hugoRoot);
  rmSync(plainRoot, { recursive: true, force: true });
  writePlainHugoSite(archive, plainRoot);
}

/** The site's source as a separate project: its own .astro/ and prerender folder (see isolated.ts). */
function prepareSiteCopy(dir: string): void {
  isolatedProject(dir);
  if (processor === 'unified') {
    // The slow path the README warns about: unified() + remark-gfm, for comparison only.
    // @astrojs/markdown-remark is not a dependency of the site; install it to measure. (It must
    // sit in the project's own node_modules: loaded from another folder, Astro's module runner
    // cannot load it.)
    const entry = join(REPO_ROOT, 'node_modules/@astrojs/markdown-remark/dist/index.js');
    const gfm = join(REPO_ROOT, 'node_modules/remark-gfm/index.js');
    if (!existsSync(entry) || !existsSync(gfm)) {
      fail('--processor unified needs @astrojs/markdown-remark: npm install --no-save @astrojs/markdown-remark');
    }
    cpSync(join(dir, 'astro.config.mjs'), join(dir, 'astro.config.site.mjs'));
    writeFileSync(
      join(dir, 'astro.config.mjs'),
      `import site from './astro.config.site.mjs';
import { unified } from ${JSON.stringify(entry)};
import remarkGfm from ${JSON.stringify(gfm)};
export default { ...site, markdown: { ...site.markdown, processor: unified({ gfm: false, remarkPlugins: [remarkGfm] }) } };
`,
    );
  }
}

/* ---------- the runs ---------- */

interface Sample {
  wallMs: number;
  peakRssBytes: number;
  cpuMs?: number;
  phases?: Phases;
}
const samples: Record<string, Sample[]> = {};
const record = (name: string, s: Sample) => (samples[name] ??= []).push(s);

const logOf = (what: string) => join(work, `${what.replace(/\s+/g, '-')}.log`);
function check(r: RunResult, what: string): RunResult {
  if (r.exitCode !== 0) {
    console.error(r.lines.slice(-40).map((l) => l.text).join('\n'));
    fail(`${what} failed (exit ${r.exitCode}); log in ${logOf(what)}`);
  }
  return r;
}

const astroBuild = async (what: string) => {
  const r = check(await runMeasured('npx', ['astro', 'build'], { cwd: site, env: astroEnv, log: logOf(what) }), what);
  const s = { wallMs: r.wallMs, peakRssBytes: r.peakRssBytes, cpuMs: r.cpuMs, phases: astroPhases(r.lines) };
  say(`  ${what.padEnd(12)} ${(s.wallMs / 1000).toFixed(1).padStart(6)} s  ${gib(s.peakRssBytes)} GiB  cpu ${sec(s.cpuMs ?? NaN)}`);
  return s;
};

const editedPostFile = () => join(content, 'posts', `${manifest.editPost}.${existsSync(join(content, 'posts', `${manifest.editPost}.md`)) ? 'md' : 'mdx'}`);
const edit = (file: string, round: number) => appendFileSync(file, `\nEdited for benchmark round ${round}: one more sentence.\n`);

const hugoBuild = async (what: string, root = hugoRoot) => {
  const hugo = check(await runMeasured('hugo', ['--quiet'], { cwd: root, env: process.env, log: logOf(`${what}-hugo`) }), `${what}-hugo`);
  const pf = check(await runMeasured('npx', ['pagefind', '--site', join(root, 'public')], { cwd: REPO_ROOT, env: process.env, log: logOf(`${what}-pagefind`) }), `${what}-pagefind`);
  const s = { wallMs: hugo.wallMs + pf.wallMs, peakRssBytes: Math.max(hugo.peakRssBytes, pf.peakRssBytes), cpuMs: (hugo.cpuMs ?? NaN) + (pf.cpuMs ?? NaN) };
  say(
    `  ${what.padEnd(12)} ${(s.wallMs / 1000).toFixed(1).padStart(6)} s  ${gib(s.peakRssBytes)} GiB  ` +
      `cpu ${sec(s.cpuMs)} (hugo ${(hugo.wallMs / 1000).toFixed(1)} s ${gib(hugo.peakRssBytes)} GiB, pagefind ${(pf.wallMs / 1000).toFixed(1)} s ${gib(pf.peakRssBytes)} GiB)`,
  );
  record(`${what}:hugo`, { wallMs: hugo.wallMs, peakRssBytes: hugo.peakRssBytes, cpuMs: hugo.cpuMs });
  record(`${what}:pagefind`, { wallMs: pf.wallMs, peakRssBytes: pf.peakRssBytes, cpuMs: pf.cpuMs });
  return s;
};

for (let round = 1; round <= runs; round++) {
  say(`Round ${round}/${runs}`);
  rmSync(out, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  rmSync(join(site, '.astro'), { recursive: true, force: true });
  record('astro cold', await astroBuild('astro cold'));
  if (!values['skip-warm']) record('astro warm', await astroBuild('astro warm'));
  edit(editedPostFile(), round);
  record('astro edit', await astroBuild('astro edit'));
  if (hugoAvailable) {
    rmSync(join(hugoRoot, 'public'), { recursive: true, force: true });
    rmSync(join(hugoRoot, 'resources'), { recursive: true, force: true });
    record('hugo cold', await hugoBuild('hugo cold'));
    edit(hugoPostPath(hugoRoot, manifest.editPost), round);
    record('hugo edit', await hugoBuild('hugo edit'));
    rmSync(join(plainRoot, 'public'), { recursive: true, force: true });
    rmSync(join(plainRoot, 'resources'), { recursive: true, force: true });
    record('plain cold', await hugoBuild('plain cold', plainRoot));
    edit(plainHugoPostPath(plainRoot, manifest.editPost), round);
    record('plain edit', await hugoBuild('plain edit', plainRoot));
  }
}

/* ---------- the authors' preview ---------- */

const devRuns: DevResult[] = [];
if (values.dev) {
  // As an author runs it: development mode, the build's content cache in place.
  const { NODE_ENV: _mode, ...devEnv } = astroEnv;
  for (let round = 1; round <= runs; round++) {
    const r = await measureDev({ cwd: site, env: devEnv, postPath: `/${manifest.editPost}.html`, postFile: editedPostFile(), edits: 3, log: logOf(`dev-${round}`) });
    devRuns.push(r);
    say(`  astro dev    first page ${sec(r.firstPageMs)}, edits visible after ${r.editMs.map(sec).join(', ')}${r.storeCleared.length ? ` (${r.storeCleared.join('; ')})` : ''}`);
  }
}
const devFirst = devRuns.length ? median(devRuns.map((r) => r.firstPageMs)) : NaN;
const devEdit = devRuns.length ? median(devRuns.flatMap((r) => r.editMs)) : NaN;

/* ---------- sizes ---------- */

const all = folderStats(out);
const pages = countFiles(out, (n) => n.endsWith('.html'));
const feeds = countFiles(join(out, 'feeds'), () => true);
const search = existsSync(join(out, 'pagefind')) ? folderStats(join(out, 'pagefind')) : { files: 0, bytes: 0 };
const typical = typicalPostBytes(join(out, `${manifest.typicalPost.id}.html`));
const css = countBytes(out, '.css');
const hugoStats = hugoAvailable ? folderStats(join(hugoRoot, 'public')) : undefined;
const byKind = outputByKind(out);

function typicalPostBytes(file: string) {
  const html = readFileSync(file, 'utf8');
  const tree = fromHtml(html);
  let js = 0;
  for (const s of selectAll('script', tree)) {
    const src = s.properties?.src;
    if (typeof src === 'string') js += readFileSync(join(out, src.replace(/^\//, '')), 'utf8').length;
    else js += Buffer.byteLength(toText(s));
  }
  return { html: Buffer.byteLength(html), js, comments: selectAll('li.comment', tree).length };
}

function countBytes(dir: string, ext: string): number {
  let bytes = 0;
  const walk = (d: string) => {
    for (const e of readdirSafe(d)) {
      const full = join(d, e.name);
      if (e.isDirectory() && e.name !== 'pagefind') walk(full);
      else if (e.isFile() && e.name.endsWith(ext)) bytes += readFileSync(full).length;
    }
  };
  walk(dir);
  return bytes;
}

function readdirSafe(d: string) {
  return existsSync(d) ? readdirSync(d, { withFileTypes: true }) : [];
}

/* ---------- report ---------- */

const med = (name: string) => (samples[name] ? median(samples[name]!.map((s) => s.wallMs)) : NaN);
const peak = (name: string) => (samples[name] ? Math.max(...samples[name]!.map((s) => s.peakRssBytes)) : NaN);
const phaseMed = (name: string, pick: (p: Phases) => number | undefined) => {
  const xs = (samples[name] ?? []).map((s) => (s.phases ? pick(s.phases) : undefined)).filter((x): x is number => x !== undefined);
  return xs.length ? median(xs) : NaN;
};
function mib(bytes: number) {
  return (bytes / 1024 ** 2).toFixed(1);
}
function gib(bytes: number) {
  return (bytes / 1024 ** 3).toFixed(2);
}
const ratio = (a: number, b: number) => (Number.isNaN(a) || Number.isNaN(b) ? '—' : `${(a / b).toFixed(2)}×`);

say('');
say(`Results (median of ${runs} run${runs > 1 ? 's' : ''}; ${posts} posts, ${manifest.comments} comments, format ${format}, processor ${processor})`);
const cpu = (name: string) => (samples[name] ? median(samples[name]!.map((s) => s.cpuMs ?? NaN)) : NaN);
say('| build | wall | × Hugo + Pagefind (wall) | CPU time | × (CPU) | peak memory |');
say('|---|---:|---:|---:|---:|---:|');
const hugoCold = med('hugo cold');
const hugoEdit = med('hugo edit');
for (const name of ['astro cold', 'astro warm', 'astro edit', 'hugo cold', 'hugo edit']) {
  if (!samples[name]) continue;
  const yard = name.endsWith('cold') || name.endsWith('warm') ? hugoCold : hugoEdit;
  const yardCpu = cpu(name.endsWith('cold') || name.endsWith('warm') ? 'hugo cold' : 'hugo edit');
  const hugoRow = name.startsWith('hugo');
  say(`| ${name} | ${sec(med(name))} | ${hugoRow ? '1' : ratio(med(name), yard)} | ${sec(cpu(name))} | ${hugoRow ? '1' : ratio(cpu(name), yardCpu)} | ${gib(peak(name))} GiB |`);
}
const plainCold = med('plain cold');
if (hugoAvailable) {
  for (const name of ['astro cold', 'astro edit', 'plain cold', 'plain edit']) {
    say(`| ${name}${name.startsWith('plain') ? ' (plain Hugo blog + Pagefind)' : ' × plain Hugo + Pagefind cold'} | ${sec(med(name))} | ${name.startsWith('plain') ? '' : ratio(med(name), plainCold)} | ${sec(cpu(name))} | ${name.startsWith('plain') ? '' : ratio(cpu(name), cpu('plain cold'))} | ${gib(peak(name))} GiB |`);
  }
  say(`| (hugo alone / pagefind alone, cold) | ${sec(med('hugo cold:hugo'))} / ${sec(med('hugo cold:pagefind'))} | | ${sec(cpu('hugo cold:hugo'))} / ${sec(cpu('hugo cold:pagefind'))} | | ${gib(peak('hugo cold:hugo'))} / ${gib(peak('hugo cold:pagefind'))} GiB |`);
}
say('');
say('Phases of the cold Astro build (median):');
say(`  content sync      ${sec(phaseMed('astro cold', (p) => p.contentSyncMs))}   (warm: ${sec(phaseMed('astro warm', (p) => p.contentSyncMs))}, edit: ${sec(phaseMed('astro edit', (p) => p.contentSyncMs))})`);
say(`  bundle (vite)     ${sec(phaseMed('astro cold', (p) => p.bundleMs))}`);
say(`  render routes     ${sec(phaseMed('astro cold', (p) => p.renderMs))}, by kind (count, sum of Astro's per-route times):`);
for (const kind of ROUTE_KINDS) {
  const count = phaseMed('astro cold', (p) => p.routes?.[kind].count);
  const ms = phaseMed('astro cold', (p) => p.routes?.[kind].ms);
  if (count > 0) say(`    ${kind.padEnd(24)} ${String(count).padStart(6)}  ${sec(ms).padStart(8)}  ${(ms / count).toFixed(1)} ms each`);
}
say(`  before the index  ${sec(phaseMed('astro cold', (p) => p.beforeIndexMs))}   (edit: ${sec(phaseMed('astro edit', (p) => p.beforeIndexMs))})`);
say(`  search index      ${sec(phaseMed('astro cold', (p) => p.searchIndexMs))}   (edit: ${sec(phaseMed('astro edit', (p) => p.searchIndexMs))})`);
say(`Phases of the one-post rebuild (median): content sync ${sec(phaseMed('astro edit', (p) => p.contentSyncMs))}, bundle ${sec(phaseMed('astro edit', (p) => p.bundleMs))}, routes ${sec(phaseMed('astro edit', (p) => p.renderMs))}, before the index ${sec(phaseMed('astro edit', (p) => p.beforeIndexMs))}, index ${sec(phaseMed('astro edit', (p) => p.searchIndexMs))}`);
say(`One-post rebuild: ${phaseMed('astro edit', (p) => p.skippedRoutes)} routes restored from the incremental cache, ${phaseMed('astro edit', (p) => (p.routes ? Object.values(p.routes).reduce((n, r) => n + r.count, 0) : NaN))} rendered`);
say('');
say('Output by kind:');
say('| kind | files | MiB | share of bytes |');
say('|---|---:|---:|---:|');
for (const kind of OUTPUT_KINDS) {
  const k = byKind[kind];
  if (k.files > 0) say(`| ${kind} | ${k.files} | ${mib(k.bytes)} | ${((100 * k.bytes) / all.bytes).toFixed(1)} % |`);
}
say('');
say(`Output: ${pages} HTML pages, ${feeds} feed files, ${all.files} files, ${(all.bytes / 1024 ** 2).toFixed(1)} MiB; search index ${search.files} files, ${(search.bytes / 1024 ** 2).toFixed(1)} MiB; CSS ${(css / 1024).toFixed(1)} KiB`);
say(`Typical post (${manifest.typicalPost.id}, ${typical.comments} comments): ${(typical.html / 1024).toFixed(1)} KiB HTML, ${typical.js} bytes JavaScript`);
if (hugoStats) say(`Hugo output: ${hugoStats.files} files, ${(hugoStats.bytes / 1024 ** 2).toFixed(1)} MiB`);
issueTable();
previewTable();

/** The targets of issue 18 (2,000 posts), as one table from this run. */
function previewTable(): void {
  say('');
  say(`Issue 18 targets (${posts} posts, ${manifest.comments} comments; ratios from this run):`);
  say('| measure | this run | must | aim |');
  say('|---|---:|---:|---:|');
  say(`| one-post rebuild × plain Hugo + Pagefind full build | ${ratio(med('astro edit'), plainCold)} | ≤ 2.0× | ≤ 1.0× |`);
  say(`| cold build × plain Hugo + Pagefind | ${ratio(med('astro cold'), plainCold)} | ≤ 4.0× | ≤ 2.5× |`);
  say(`| \`npm run dev\`: an edit visible (median of ${devRuns.length * 3}) | ${sec(devEdit)} | ≤ 2 s | ≤ 0.5 s |`);
  say(`| \`npm run dev\`: first page | ${sec(devFirst)} | ≤ 8 s | ≤ 3 s |`);
  say(`| output | ${mib(all.bytes)} MiB | ≤ 300 MiB | ≤ 200 MiB |`);
}

/** The targets of issue 9, as one table from this run. */
function issueTable(): void {
  const peakAll = Math.max(...['astro cold', 'astro warm', 'astro edit'].map(peak).filter((x) => !Number.isNaN(x)));
  say('');
  say(`Targets (${posts} posts, ${manifest.comments} comments; ratios from this run):`);
  say('| measure | this run | must | aim |');
  say('|---|---:|---:|---:|');
  say(`| cold build, index included, × Hugo + Pagefind | ${ratio(med('astro cold'), hugoCold)} | ≤ 2.0× | ≤ 1.5× |`);
  say(`| rebuild after editing one post, × Hugo + Pagefind's rebuild | ${ratio(med('astro edit'), hugoEdit)} | ≤ 0.75× | ≤ 0.5× |`);
  say(`| peak memory of the build's process tree | ${gib(peakAll)} GiB | ≤ 2 GiB | ≤ 1.5 GiB |`);
  say(`| output bytes, × Hugo's | ${hugoStats ? ratio(all.bytes, hugoStats.bytes) : '—'} (${mib(all.bytes)} MiB) | ≤ 1.5× | ≤ 1.0× |`);
  say(`| files deployed (${posts} posts) | ${all.files} | ≤ 15,000 at 2,000 posts | ≤ 10,000 |`);
}

const result = {
  date: new Date().toISOString(),
  posts,
  comments: manifest.comments,
  format,
  processor,
  runs,
  medians: Object.fromEntries(Object.keys(samples).map((k) => [k, { wallMs: med(k), cpuMs: cpu(k), peakRssBytes: peak(k) }])),
  phases: Object.fromEntries(Object.entries(samples).filter(([, v]) => v[0]?.phases).map(([k, v]) => [k, v.map((s) => s.phases)])),
  output: { pages, feeds, files: all.files, bytes: all.bytes, searchFiles: search.files, searchBytes: search.bytes, cssBytes: css, byKind },
  typicalPost: { id: manifest.typicalPost.id, ...typical },
  hugoOutput: hugoStats,
  plainHugoOutput: hugoAvailable ? folderStats(join(plainRoot, 'public')) : undefined,
  dev: devRuns,
};
writeFileSync(values.json ? resolve(values.json as string) : join(work, 'results.json'), `${JSON.stringify(result, null, 2)}\n`);
say(`Logs and results.json in ${work}`);
