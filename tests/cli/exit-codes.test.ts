import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { usage, type CliSpec } from '../../src/lib/tools/cli';

/**
 * Every command keeps the same promise (README, "Exit codes"): 0 when it did its work, 1 when
 * the work failed or found problems, 2 when it was used wrongly (an unknown option, a bad
 * value, a named file or folder that is not there). Each case runs the real script.
 */

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'node_modules/.bin');
const scratch = mkdtempSync(join(tmpdir(), 'shrinkrap-exit-codes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  all: string;
}

/** Runs `npm run <script>` as npm would (Node 24 first on PATH), without npm's own start-up. */
function run(script: string, ...args: string[]): Promise<Run> {
  return new Promise((done, failed) => {
    const child = spawn(join(BIN, 'tsx'), [join(ROOT, 'scripts', script), ...args], {
      cwd: ROOT,
      env: { ...process.env, PATH: `${BIN}:${process.env.PATH}`, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', failed);
    child.on('close', (status) => done({ status, stdout, stderr, all: `${stdout}\n${stderr}` }));
  });
}

/** A wrong-use exit: status 2, the reason on the first line of stderr, then the usage, no stack trace. */
function expectUsageError(r: Run, reason: RegExp) {
  expect(r.status, r.all).toBe(2);
  expect(r.stderr.split('\n')[0]).toMatch(reason);
  expect(r.stderr).toContain('Usage: npm run ');
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe.concurrent('exit 2: the command was used wrongly', { timeout: 120_000 }, () => {
  it('export:comments --format rss (a format it does not write)', async () => {
    expectUsageError(await run('export-comments.ts', '--format', 'rss'), /--format must be jsonfeed, wxr or atom \(got "rss"\)/);
  });

  it('export:comments --post naming no post', async () => {
    expectUsageError(await run('export-comments.ts', '--post', '1999/01/no-such-post'), /no public post or page "1999\/01\/no-such-post"/);
  });

  it('bench --posts abc (not a number), before any work folder is made', async () => {
    const r = await run('bench/run.ts', '--posts', 'abc');
    expectUsageError(r, /--posts must be a whole number of at least 10 \(got "abc"\)/);
    expect(r.stdout).not.toContain('Work folder');
  });

  it('lighthouse --dist missing (no built site there)', async () => {
    expectUsageError(await run('lighthouse.ts', '--dist', join(scratch, 'missing')), /--dist .*missing: no built site there/);
  });

  it('import missing.xml: says the file is not there, promises no report and writes none', async () => {
    const r = await run('import.ts', join(scratch, 'missing.xml'), '--dry-run');
    expectUsageError(r, /no such file or folder: .*missing\.xml/);
    expect(r.all).not.toMatch(/report will be saved|Full report/);
    expect(existsSync(join(ROOT, 'import/reports/missing.xml.dry-run.report.json'))).toBe(false);
  });

  it('proofread of a file that is not there', async () => {
    const r = await run('proofread.ts', 'content/posts/1999/01/no-such-post.mdx', '--no-spelling', '--no-wording');
    expect(r.status, r.all).toBe(2);
    expect(r.stderr).toContain('Cannot find "content/posts/1999/01/no-such-post.mdx"');
  });

  it('new without an author', async () => {
    const r = await run('new-post.ts', 'A title');
    expect(r.status, r.all).toBe(2);
    expect(r.stderr).toContain('Usage: npm run new --');
  });

  it('check:links and validate:html on a folder that is not there', async () => {
    expect((await run('check-links.ts', join(scratch, 'nodir'))).status).toBe(2);
    expectUsageError(await run('validate-html.ts', join(scratch, 'nodir')), /the folder ".*nodir" does not exist/);
  });
});

describe.concurrent('exit 1: the work failed or found problems', { timeout: 120_000 }, () => {
  it('import of a file that is not an export: stops, writes nothing, no report', async () => {
    const project = join(scratch, 'import-project');
    mkdirSync(join(project, 'content'), { recursive: true });
    const file = join(project, 'notes.xml');
    writeFileSync(file, 'this is not an export\n');
    const r = await run('import.ts', file, '--content', join(project, 'content'), '--author-map', join(ROOT, 'import/author-map.yaml'));
    expect(r.status, r.all).toBe(1);
    expect(r.stderr).toContain('Import stopped, nothing was written.');
    expect(r.all).not.toMatch(/report will be saved|Full report/);
    expect(existsSync(join(project, 'import/reports'))).toBe(false);
  });

  it('validate:html on a page with errors names the page and the error', async () => {
    const site = join(scratch, 'bad-site');
    mkdirSync(join(site, 'sub'), { recursive: true });
    writeFileSync(join(site, 'sub/page.html'), '<!doctype html><html lang="en"><head><title>x</title></head><body><p><div>x</p></body></html>');
    const r = await run('validate-html.ts', site);
    expect(r.status, r.all).toBe(1);
    if (r.stderr.includes('needs Java')) return; // no Java: a failure that says what to install
    expect(r.stdout).toMatch(/^sub\/page\.html:1 .*“p”/m);
    expect(r.stdout).toMatch(/Nu HTML Checker: 1 HTML file in .*bad-site, \d+ errors? in 1 file$/m);
  });
});

describe.concurrent('exit 0: the work is done, and says what it did', { timeout: 120_000 }, () => {
  it('validate:html on a valid page says what it checked', async () => {
    const site = join(scratch, 'good-site');
    mkdirSync(site, { recursive: true });
    writeFileSync(join(site, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title></head><body><p>x</p></body></html>');
    writeFileSync(join(site, 'styles.css'), 'p { color: red }');
    const r = await run('validate-html.ts', site);
    if (r.stderr.includes('needs Java')) return expect(r.status).toBe(1);
    expect(r.status, r.all).toBe(0);
    expect(r.stdout.trim()).toMatch(/^Nu HTML Checker: 1 HTML file in .*good-site, no errors$/);
  });

  it('proofread skips files that are not posts, says which, and checks the posts among them', async () => {
    const only = await run('proofread.ts', 'README.md', 'content/pages/about.mdx', '--no-spelling', '--no-wording');
    expect(only.status, only.all).toBe(0);
    expect(only.stderr).toContain('Skipped, not posts: README.md, content/pages/about.mdx');
    expect(only.stderr).toContain('nothing to check');
    expect(only.stdout).toBe('');

    const mixed = await run('proofread.ts', 'README.md', 'content/posts/2008/11/should-psychiatrists-see-patients-for.mdx', '--no-spelling', '--no-wording');
    expect(mixed.stderr).toContain('Skipped, not posts: README.md');
    expect(mixed.stdout).toContain('content/posts/2008/11/should-psychiatrists-see-patients-for.mdx');
    expect(mixed.stdout).not.toContain('README');
    expect([0, 1]).toContain(mixed.status); // 1 only if the sample post had errors: the sheet says which
  });

  it('lint:workflows passes on the repository\'s workflows', async () => {
    const r = await run('lint-workflows.ts');
    expect(r.status, r.all).toBe(0);
    expect(r.stdout).toMatch(/ci\.yml: ok/);
  });

  it('--help shows each default: bench', async () => {
    const r = await run('bench/run.ts', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/--posts <n> +posts in the synthetic archive .*\(default: 5000\)/);
    expect(r.stdout).toMatch(/--runs <n> +.*\(default: 1\)/);
    expect(r.stdout).toMatch(/--seed <n> +.*\(default: 20060401\)/);
  });
});

describe('usage(): defaults are shown once, switches that are off are not', async () => {
  const spec: CliSpec = {
    command: 'npm run demo --',
    synopsis: '[options]',
    summary: 'A demo.',
    options: {
      size: { type: 'string', value: 'n', default: '10', help: 'how many' },
      mode: { type: 'string', value: 'a|b', default: 'a', help: 'which (default a)' },
      hosts: { type: 'string', multiple: true, default: [], help: 'more hosts' },
      quiet: { type: 'boolean', default: false, help: 'say less' },
      out: { type: 'string', help: 'where' },
    },
  };
  const text = usage(spec);
  it('adds "(default: …)" where the help does not say it already', async () => {
    expect(text).toMatch(/--size <n> +how many \(default: 10\)$/m);
    expect(text).toMatch(/--mode <a\|b> +which \(default a\)$/m);
    expect(text).toMatch(/--hosts <value> +more hosts$/m);
    expect(text).toMatch(/--quiet +say less$/m);
    expect(text).toMatch(/--out <value> +where$/m);
  });
});
