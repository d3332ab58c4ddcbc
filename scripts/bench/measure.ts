import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';

const TIME = '/usr/bin/time';
const TIME_TAG = 'BENCH-CPU';
import { join } from 'node:path';

/**
 * Runs one command and measures it the way the targets are stated: whole-process wall
 * time, and peak memory as the largest sum of RSS over the whole process tree (npx, node,
 * the Pagefind binary…), sampled from /proc every 50 ms. Output lines are kept with the
 * millisecond they arrived, so build phases can be timed from the log.
 */

export interface TimedLine {
  at: number; // ms since the command started
  text: string;
}

export interface RunResult {
  command: string;
  wallMs: number;
  peakRssBytes: number;
  /** User + system CPU seconds of the process tree (from /usr/bin/time), when available. */
  cpuMs?: number;
  exitCode: number;
  lines: TimedLine[];
}

/** `options.log`: a file that receives each line as it arrives (to follow a long build). */
export function runMeasured(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; log?: string }): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    // /usr/bin/time adds CPU time, which other work on a shared machine inflates far less than wall time.
    const timed = existsSync(TIME) ? [TIME, ['-f', `${TIME_TAG} %U %S`, command, ...args]] as const : ([command, args] as const);
    const child = spawn(timed[0], timed[1], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let cpuMs: number | undefined;
    const lines: TimedLine[] = [];
    if (options.log) writeFileSync(options.log, '');
    const keep = (line: TimedLine) => {
      if (line.text.startsWith(TIME_TAG)) {
        const [user, system] = line.text.slice(TIME_TAG.length).trim().split(/\s+/).map(Number);
        cpuMs = ((user ?? 0) + (system ?? 0)) * 1000;
        return;
      }
      lines.push(line);
      if (options.log) appendFileSync(options.log, `${(line.at / 1000).toFixed(3).padStart(8)} ${line.text}\n`);
    };
    const collect = (stream: NodeJS.ReadableStream) => {
      let buffer = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const at = performance.now() - started;
        buffer += chunk;
        const parts = buffer.split('\n');
        buffer = parts.pop()!;
        for (const text of parts) keep({ at, text: stripAnsi(text) });
      });
      stream.on('end', () => buffer && keep({ at: performance.now() - started, text: stripAnsi(buffer) }));
    };
    collect(child.stdout!);
    collect(child.stderr!);
    let peak = 0;
    const sample = () => {
      if (child.pid) peak = Math.max(peak, treeRss(child.pid));
    };
    const timer = setInterval(sample, 50);
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      resolvePromise({
        command: [command, ...args].join(' '),
        wallMs: performance.now() - started,
        peakRssBytes: peak,
        cpuMs,
        exitCode: code ?? 1,
        lines,
      });
    });
  });
}

const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');

const PAGE_SIZE = 4096;

/** Sum of resident memory of `root` and all its descendants, in bytes. */
export function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (which may contain spaces and parentheses).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      const pid = Number(name);
      const list = children.get(ppid);
      if (list) list.push(pid);
      else children.set(ppid, [pid]);
      rss.set(pid, Number(fields[21]) * PAGE_SIZE); // field 24 of stat: rss in pages
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export function folderStats(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        files++;
        bytes += statSync(full).size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}

export function countFiles(dir: string, test: (name: string) => boolean): number {
  let n = 0;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(d, entry.name));
      else if (test(entry.name)) n++;
    }
  };
  walk(dir);
  return n;
}

export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/* ---------- Astro's build log, as phases ---------- */

export interface Phases {
  /** Content layer sync (loading, parsing and validating every entry). */
  contentSyncMs?: number;
  /** Vite bundling of pages, components and (for .mdx) every post module. */
  bundleMs?: number;
  /** Rendering every route: sum of Astro's per-route times (ms) and counts, by kind. */
  routes?: Record<RouteKind, { count: number; ms: number }>;
  /** Wall time of the "generating static routes" step. */
  renderMs?: number;
  /** The search integration's hook, from its first line to its summary line. */
  searchIndexMs?: number;
  /** From the end of rendering to the start of the search integration's hook (sitemap, Astro's own work). */
  beforeIndexMs?: number;
  /** Routes copied from the incremental cache instead of rendered ("(restored)"/"(cached)"). */
  skippedRoutes?: number;
}

export const ROUTE_KINDS = ['post', 'post comments feed', 'other feed', 'listing', 'comment export', 'other'] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

/** Kinds of output file, from the path Astro logs (build.format 'preserve'). */
export function routeKind(path: string): RouteKind {
  if (/^\/feeds\/comments\/\d{4}\//.test(path)) return 'post comments feed';
  if (path.startsWith('/feeds/')) return 'other feed';
  if (path.startsWith('/exports/')) return 'comment export';
  if (/^\/\d{4}\/\d{2}\/[^/]+\.html$/.test(path) && !path.endsWith('/index.html')) return 'post';
  if (/^\/(\d{4}\/|page\/|search\/label\/|authors\/|index\.html$)/.test(path)) return 'listing';
  return 'other';
}

export function astroPhases(lines: readonly TimedLine[]): Phases {
  const find = (re: RegExp, from = 0) => {
    for (let i = from; i < lines.length; i++) if (re.test(lines[i]!.text)) return i;
    return -1;
  };
  const phases: Phases = {};
  const syncStart = find(/\[content\] Syncing content/);
  const syncEnd = find(/\[content\] Synced content/);
  if (syncStart >= 0 && syncEnd >= 0) phases.contentSyncMs = lines[syncEnd]!.at - lines[syncStart]!.at;
  const bundleStart = find(/Building static entrypoints/);
  const renderStart = find(/generating static routes/);
  if (bundleStart >= 0 && renderStart >= 0) phases.bundleMs = lines[renderStart]!.at - lines[bundleStart]!.at;
  if (renderStart >= 0) {
    const renderEnd = find(/✓ Completed in/, renderStart);
    if (renderEnd >= 0) phases.renderMs = lines[renderEnd]!.at - lines[renderStart]!.at;
    const routes = Object.fromEntries(ROUTE_KINDS.map((k) => [k, { count: 0, ms: 0 }])) as NonNullable<Phases['routes']>;
    phases.skippedRoutes = 0;
    for (let i = renderStart; i < (renderEnd >= 0 ? renderEnd : lines.length); i++) {
      if (/[├└]─.*\((restored|cached)\)/.test(lines[i]!.text)) phases.skippedRoutes++;
      const m = /[├└]─\s+(\S+).*\(\+(\d+(?:\.\d+)?)(ms|s)\)/.exec(lines[i]!.text);
      if (!m) continue;
      const kind = routeKind(m[1]!);
      routes[kind].count++;
      routes[kind].ms += Number(m[2]) * (m[3] === 's' ? 1000 : 1);
    }
    phases.routes = routes;
    const hookStart = find(/\[shrinkrap:pagefind\] making search records/, renderStart);
    const indexed = find(/\[shrinkrap:pagefind\] .*posts in pagefind\/|Pagefind processed/i, renderStart);
    if (indexed >= 0 && renderEnd >= 0) phases.searchIndexMs = lines[indexed]!.at - lines[hookStart >= 0 ? hookStart : renderEnd]!.at;
    if (hookStart >= 0 && renderEnd >= 0) phases.beforeIndexMs = lines[hookStart]!.at - lines[renderEnd]!.at;
  }
  return phases;
}

/* ---------- what the output is made of ---------- */

export const OUTPUT_KINDS = [
  'post pages',
  'listing pages',
  'other pages',
  'post comment feeds',
  'other feeds',
  'comment exports',
  'search index',
  'assets',
  'other files',
] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

/** Kind of a built file from its path relative to dist/ (build.format 'preserve'). */
export function outputKind(rel: string): OutputKind {
  if (/^pagefind(-comments)?\//.test(rel)) return 'search index';
  if (rel.startsWith('_astro/') || /\.(css|js|woff2?|svg|png|jpe?g|gif|webp|ico)$/.test(rel)) return 'assets';
  if (rel.startsWith('exports/')) return 'comment exports';
  if (/^feeds\/comments\/(\d{4}|p)\//.test(rel)) return 'post comment feeds';
  if (rel.startsWith('feeds/') || rel === 'rss.xml') return 'other feeds';
  if (rel.endsWith('.html')) {
    if (/^\d{4}\/\d{2}\/[^/]+\.html$/.test(rel) && !rel.endsWith('/index.html')) return 'post pages';
    if (/^(\d{4}\/|page\/|search\/label\/|authors\/|index\.html$)/.test(rel)) return 'listing pages';
    return 'other pages';
  }
  return 'other files';
}

/** Files and bytes of a built site by kind (what each kind of file costs). */
export function outputByKind(dir: string): Record<OutputKind, { files: number; bytes: number }> {
  const out = Object.fromEntries(OUTPUT_KINDS.map((k) => [k, { files: 0, bytes: 0 }])) as Record<OutputKind, { files: number; bytes: number }>;
  const walk = (d: string, rel: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(full, r);
      else if (entry.isFile()) {
        const kind = out[outputKind(r)];
        kind.files++;
        kind.bytes += statSync(full).size;
      }
    }
  };
  walk(dir, '');
  return out;
}
