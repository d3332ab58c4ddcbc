import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXIT, exitWithUsageError, parseCliOrExit, type CliSpec } from '../src/lib/tools/cli';
import { preview } from 'astro';

/**
 * `npm run lighthouse [-- --dist dist] [--write]`: Lighthouse 13.5 (through npx, not a
 * dependency: it is heavy) in headless Chromium against the built site served by
 * `astro preview`, on the home, a post, a label and the search page. Prints the scores;
 * --write also puts them in docs/PERFORMANCE.md between the lighthouse markers.
 * Targets: 100 for accessibility, best practices and SEO; at least 95 for performance.
 * Not part of CI (about 15 s a page). Build first: `npm run build`.
 */

export const LIGHTHOUSE_CLI: CliSpec = {
  command: 'npm run lighthouse --',
  synopsis: '[options]',
  summary: 'Lighthouse scores of the built site (home, a post, a label, search) in headless Chromium. Build first: npm run build.',
  options: {
    dist: { type: 'string', value: 'folder', default: 'dist', help: 'the built site (default dist)' },
    write: { type: 'boolean', default: false, help: 'also write the scores into docs/PERFORMANCE.md' },
  },
};

const { values } = parseCliOrExit(LIGHTHOUSE_CLI);
const dist = resolve(String(values.dist));
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const TARGET: Record<(typeof CATEGORIES)[number], number> = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };

const PAGES: Record<string, string> = {
  home: '/',
  post: '/2008/11/should-psychiatrists-see-patients-for.html',
  label: '/search/label/psychotherapy',
  // The page itself: result URLs (?q=…) are disallowed in robots.txt on purpose, which
  // Lighthouse's SEO audit would count against them.
  search: '/search/',
};

if (!existsSync(join(dist, 'index.html'))) {
  exitWithUsageError(LIGHTHOUSE_CLI, `--dist ${String(values.dist)}: no built site there (no index.html); run \`npm run build\` first`);
}
if (!existsSync(CHROME)) {
  console.error(`lighthouse: Chromium not found at ${CHROME}; apt-get install -y chromium, or set CHROME_PATH.`);
  process.exit(EXIT.failure);
}

const port = await new Promise<number>((ok, fail) => {
  const s = createServer();
  s.once('error', fail);
  s.listen(0, '127.0.0.1', () => {
    const a = s.address();
    s.close(() => (typeof a === 'object' && a ? ok(a.port) : fail(new Error('no port'))));
  });
});
const server = await preview({ root: process.cwd(), outDir: dist, logLevel: 'warn', server: { host: '127.0.0.1', port } });
const work = mkdtempSync(join(tmpdir(), 'shrinkrap-lighthouse-'));
const rows: { name: string; path: string; scores: Record<string, number>; failing: string[] }[] = [];
try {
  for (const [name, path] of Object.entries(PAGES)) {
    const out = join(work, `${name}.json`);
    // Asynchronous on purpose: the preview server answers from this process's event loop.
    const status = await new Promise<number | null>((done, failed) => {
      const child = spawn(
        'npx',
        ['--yes', 'lighthouse@13.5.0', `http://127.0.0.1:${port}${path}`, '--quiet', `--chrome-flags=${CHROME_FLAGS}`,
          `--only-categories=${CATEGORIES.join(',')}`, '--output=json', `--output-path=${out}`],
        { env: { ...process.env, CHROME_PATH: CHROME }, stdio: ['ignore', 'inherit', 'inherit'] },
      );
      child.on('error', failed);
      child.on('close', done);
    });
    if (status !== 0) throw new Error(`lighthouse failed on ${path}`);
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      categories: Record<string, { score: number; auditRefs: { id: string; weight: number }[] }>;
      audits: Record<string, { score: number | null; title: string }>;
    };
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(report.categories[c]!.score * 100)]));
    const failing = CATEGORIES.flatMap((c) =>
      report.categories[c]!.auditRefs
        .filter((a) => a.weight > 0 && report.audits[a.id]?.score !== null && (report.audits[a.id]?.score ?? 1) < 1)
        .map((a) => `${c}: ${report.audits[a.id]!.title}`),
    );
    rows.push({ name, path, scores, failing });
    console.log(`${name.padEnd(8)} ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(', ')}`);
  }
} finally {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}

const table = [
  `Lighthouse 13.5.0, headless Chromium, ${new Date().toISOString().slice(0, 10)} (\`npm run lighthouse\`):`,
  '',
  `| page | path | ${CATEGORIES.join(' | ')} |`,
  `|---|---|${CATEGORIES.map(() => '---:').join('|')}|`,
  ...rows.map((r) => `| ${r.name} | \`${r.path}\` | ${CATEGORIES.map((c) => `${r.scores[c]}${r.scores[c]! < TARGET[c] ? ' ✗' : ''}`).join(' | ')} |`),
  '',
  ...(rows.some((r) => r.failing.length) ? ['Audits below full marks:', '', ...rows.flatMap((r) => r.failing.map((f) => `- ${r.name}: ${f}`)), ''] : []),
].join('\n');
console.log(`\n${table}`);

if (values.write) {
  const doc = 'docs/PERFORMANCE.md';
  const text = readFileSync(doc, 'utf8');
  const start = '<!-- lighthouse:start -->';
  const end = '<!-- lighthouse:end -->';
  if (!text.includes(start) || !text.includes(end)) throw new Error(`${doc} has no ${start} … ${end} section`);
  writeFileSync(doc, text.replace(new RegExp(`${start}[\\s\\S]*${end}`), `${start}\n${table}\n${end}`));
  console.log(`Scores written to ${doc}`);
}

const missed = rows.flatMap((r) => CATEGORIES.filter((c) => r.scores[c]! < TARGET[c]).map((c) => `${r.name} ${c} ${r.scores[c]} < ${TARGET[c]}`));
if (missed.length) {
  console.error(`Below target: ${missed.join('; ')}`);
  process.exit(EXIT.failure);
}
