import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProofread, type CliIo } from '../../../src/lib/proofread/cli';
import { changedPosts } from '../../../src/lib/proofread/workspace';
import { FIXTURE_CONTENT, NOW, ROOT, TZ } from './helpers';

/** The command itself: arguments, exit codes, output formats, and which posts it picks. */

const posts = `${FIXTURE_CONTENT}/posts/2018`;
const CLEAN = `${posts}/07/what-akathisia-feels-like.mdx`;
const WRONG = `${posts}/07/everything-wrong.mdx`;

async function run(argv: string[], overrides: Partial<CliIo> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runProofread(argv, {
    root: ROOT,
    contentDir: FIXTURE_CONTENT,
    timeZone: TZ,
    now: NOW,
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    engines: {}, // the dictionary checks have their own tests (engines.test.ts)
    ...overrides,
  });
  return { code, stdout, stderr };
}

const temp: string[] = [];
afterAll(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('npm run proofread', () => {
  it('exits 0 for a post with no errors and 1 for a post with errors', async () => {
    const clean = await run([CLEAN]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('Result: Nothing to fix.');
    const wrong = await run([CLEAN, WRONG]);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('━━━ What Akathisia Feels Like ━━━');
    expect(wrong.stdout).toContain('━━━ MY PATIENTS AND THE MENTALLY ILL ━━━');
    expect(wrong.stdout).toMatch(/2 posts checked; \d+ errors to fix before merging\./);
  });

  it('does not fail for warnings and hints', async () => {
    // The draft in June has warnings (no description) and hints, but no errors.
    const r = await run([`${posts}/06/unfinished-thoughts.mdx`]);
    expect(r.stdout).toContain('Warnings — should fix');
    expect(r.stdout).not.toContain('Errors — must fix');
    expect(r.code).toBe(0);
  });

  it('writes the same sheet as Markdown for a pull request, to a file if asked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'proof-cli-'));
    temp.push(dir);
    const out = join(dir, 'sheet.md');
    const r = await run([WRONG, '--format', 'markdown', '--output', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const md = readFileSync(out, 'utf8');
    expect(md.startsWith('<!-- shrinkrap-proof-sheet -->\n')).toBe(true);
    expect(md).toContain('#### Errors — must fix');
  });

  it('exits 2 with help for wrong use', async () => {
    expect((await run(['--format', 'pdf'])).code).toBe(2);
    const missing = await run(['content/posts/2099/01/nope.mdx']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot find "content/posts/2099/01/nope.mdx"');
    const unknown = await run(['--colour']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Usage: npm run proofread');
  });
});

describe('which posts it checks by default', () => {
  function repo(): string {
    const dir = mkdtempSync(join(tmpdir(), 'proof-git-'));
    temp.push(dir);
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=', '-c', 'commit.gpgsign=false', ...args], {
        cwd: dir,
        env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
      });
    const write = (path: string, text = 'x\n') => {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    git('init', '-q', '-b', 'main');
    write('content/posts/2018/06/old.mdx');
    write('content/posts/2018/06/edited.mdx');
    write('content/posts/2018/06/deleted.mdx');
    write('src/x.ts');
    git('add', '-A');
    git('commit', '-q', '-m', 'start');
    git('checkout', '-q', '-b', 'my-draft');
    write('content/posts/2018/07/committed-on-branch.mdx');
    write('src/x.ts', 'changed\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'draft');
    write('content/posts/2018/06/edited.mdx', 'edited\n'); // not committed yet
    rmSync(join(dir, 'content/posts/2018/06/deleted.mdx'));
    write('content/posts/2018/07/not-added-yet.mdx');
    write('content/posts/2018/07/notes.txt');
    return dir;
  }

  it('takes posts committed on the branch, edited since, and new files; not deleted or other files', () => {
    const dir = repo();
    const r = changedPosts(dir, 'content/posts', 'main');
    expect(r.files).toEqual([
      'content/posts/2018/06/edited.mdx',
      'content/posts/2018/07/committed-on-branch.mdx',
      'content/posts/2018/07/not-added-yet.mdx',
    ]);
    expect(r.note).toBe('Posts changed compared with main.');
  });

  it('falls back to uncommitted changes when there is no such branch', () => {
    const dir = repo();
    const r = changedPosts(dir, 'content/posts', 'trunk');
    expect(r.files).toEqual(['content/posts/2018/06/edited.mdx', 'content/posts/2018/07/not-added-yet.mdx']);
    expect(r.note).toContain('no "trunk" branch');
  });

  it('says what to do outside a git repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'proof-nogit-'));
    temp.push(dir);
    cpSync(join(ROOT, FIXTURE_CONTENT), join(dir, 'content'), { recursive: true });
    const r = await run([], { root: dir, contentDir: 'content' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('not a git repository');
    expect(r.stdout).toContain('No posts to proofread');
  });
});
