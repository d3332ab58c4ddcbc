import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  }, 60_000);

  it('refuses an unknown author and writes nothing', () => {
    const before = readdirSync(join(dir, 'content/posts/2018/07')).length;
    const r = run('--author', 'freud', 'A Post');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('"freud" is not one of the blog\'s authors');
    expect(readdirSync(join(dir, 'content/posts/2018/07')).length).toBe(before);
  }, 60_000);
});
