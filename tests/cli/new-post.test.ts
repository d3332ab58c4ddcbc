import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';

/** `npm run new` as a real command (the planning is tested in tests/unit/tools/new-post.test.ts). */

describe('npm run new', () => {
  const dir = mkdtempSync(join(tmpdir(), 'new-post-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(import.meta.dirname, '../fixtures/proofread/content'), join(dir, 'content'), { recursive: true });
  const root = join(import.meta.dirname, '../..');
  const run = (...args: string[]) =>
    // tsx from the project (not npx, which would look in the temporary folder), on the project's Node.
    spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/new-post.ts'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}` } });

  it('creates the draft, says how to preview it, offers labels, and never overwrites', () => {
    const first = run('--author', 'roy', 'Side Effects, Again', '--date', '2018-07-04T10:00', '--labels', 'jails,medication');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('Created content/posts/2018/07/side-effects-again.mdx');
    expect(first.stdout).toContain('npm run dev, then open http://localhost:4321/2018/07/side-effects-again.html');
    expect(first.stdout).toContain('the label "medication" is new; did you mean the existing "medications"?');
    expect(first.stdout).toMatch(/Labels in use, most used first[^\n]*\n {2}medications \(4\), jails \(3\), psychotherapy \(3\), /);
    const text = readFileSync(join(dir, 'content/posts/2018/07/side-effects-again.mdx'), 'utf8');
    expect(text).toContain('author: roy');

    const second = run('--author', 'roy', 'Side Effects, Again', '--date', '2018-07-05');
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('Created content/posts/2018/07/side-effects-again_1.mdx');
    expect(readFileSync(join(dir, 'content/posts/2018/07/side-effects-again.mdx'), 'utf8')).toBe(text);
  });

  it('never names a file after a Windows device: "CON" becomes con_1.mdx', () => {
    const r = run('--author', 'roy', 'CON', '--date', '2018-08-01');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Created content/posts/2018/08/con_1.mdx');
    expect(existsSync(join(dir, 'content/posts/2018/08/con.mdx'))).toBe(false);
  }, 60_000);

  it('refuses in one line, writing nothing, while another command holds the content folder', () => {
    // This test process is alive on this host: its lock is not stale.
    const lock = join(dir, 'content/.write.lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), command: 'npm run import', since: '2026-12-07T09:00:00.000Z', token: 't' }));
    try {
      const r = run('--author', 'roy', 'While Importing', '--date', '2018-09-01', '--wait', '0');
      expect(r.status).toBe(1);
      expect(r.stderr.trim()).toMatch(/^\S*content is being written by `npm run import` \(process \d+ on .*\): nothing was written; run this again when it has finished \(if nothing is running, delete .*\.write\.lock\)\.$/);
      expect(existsSync(join(dir, 'content/posts/2018/09'))).toBe(false);
    } finally {
      rmSync(lock);
    }
  }, 60_000);

  it('refuses an unknown author and writes nothing', () => {
    const before = readdirSync(join(dir, 'content/posts/2018/07')).length;
    const r = run('--author', 'freud', 'A Post');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('"freud" is not one of the blog\'s authors');
    expect(readdirSync(join(dir, 'content/posts/2018/07')).length).toBe(before);
  });
});
