import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * The authors' preview, measured as an author meets it: `astro dev` is started on the
 * archive, the home page is fetched until it is served (first page), then one post's file
 * is edited several times and its page fetched until the new sentence is in it (an edit
 * visible). Times are from the start of the command and from the write of the file.
 * No --port: the server options are part of the config digest Astro keeps with its
 * content store, and a port other than the build's would make it clear the store. When
 * 4321 is busy, Vite takes the next free port; the address is read from the output.
 */

export interface DevOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Root-relative address of the edited post's page, "/2010/06/slug.html". */
  postPath: string;
  /** The post's file, edited by appending a paragraph. */
  postFile: string;
  edits: number;
  /** The dev server's output, line by line. */
  log: string;
  /** Give up after this long for one wait. */
  timeoutMs?: number;
  /** The command after `npx` (default: astro dev), e.g. to run it under a profiler. */
  command?: string[];
}

export interface DevResult {
  firstPageMs: number;
  /** From writing the file to the page showing the edit, one per edit. */
  editMs: number[];
  /** Lines the dev server printed that say it threw its content store away. */
  storeCleared: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function fetchText(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

/** Poll until `ready(body)` holds for `url`, or time out; returns the ms it took from `from`. */
async function waitFor(url: () => string | undefined, ready: (body: string) => boolean, from: number, timeoutMs: number, what: string): Promise<number> {
  while (performance.now() - from < timeoutMs) {
    const address = url();
    const body = address ? await fetchText(address) : undefined;
    if (body !== undefined && ready(body)) return performance.now() - from;
    await sleep(50);
  }
  throw new Error(`dev server: ${what} not visible after ${timeoutMs / 1000} s`);
}

export async function measureDev(options: DevOptions): Promise<DevResult> {
  const timeoutMs = options.timeoutMs ?? 180_000;
  const original = readFileSync(options.postFile, 'utf8');
  writeFileSync(options.log, '');
  const started = performance.now();
  const child = spawn('npx', options.command ?? ['astro', 'dev'], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let origin: string | undefined;
  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      const text = line.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
      if (!text.trim()) continue;
      lines.push(text);
      appendFileSync(options.log, `${((performance.now() - started) / 1000).toFixed(3).padStart(8)} ${text}\n`);
      origin ??= /Local\s+(http:\/\/localhost:\d+)/.exec(text)?.[1];
    }
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  try {
    const firstPageMs = await waitFor(() => origin && `${origin}/`, (b) => b.includes('</html>'), started, timeoutMs, 'the home page');
    const editMs: number[] = [];
    for (let i = 1; i <= options.edits; i++) {
      const marker = `Preview edit ${i} ${Date.now().toString(36)}.`;
      writeFileSync(options.postFile, `${original.trimEnd()}\n\n${marker}\n`);
      const written = performance.now();
      editMs.push(await waitFor(() => `${origin}${options.postPath}`, (b) => b.includes(marker), written, timeoutMs, `edit ${i}`));
      await sleep(1000);
    }
    return { firstPageMs, editMs, storeCleared: lines.filter((l) => /config changed|Clearing content store/i.test(l)) };
  } finally {
    writeFileSync(options.postFile, original);
    try {
      process.kill(-child.pid!, 'SIGINT');
    } catch {
      // already gone
    }
    await sleep(500);
  }
}
