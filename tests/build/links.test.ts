import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnv } from '../child-env';

/**
 * `astro build` refuses a content folder with symbolic links out of the repository,
 * naming each, before the content layer reads anything (issue 23): nothing reaches dist/.
 */
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

const POST = '---\ntitle: "Linked"\npublished: "2008-11-29T06:47:00-05:00"\nauthor: dinah\n---\n\nFrom elsewhere.\n';

describe('symbolic links in content/', () => {
  it('a post, a folder and a picture linked from outside stop the build, each named', () => {
    const root = mkdtempSync(join(tmpdir(), 'shrinkrap-links-build-'));
    const outside = mkdtempSync(join(tmpdir(), 'shrinkrap-links-outside-'));
    roots.push(root, outside);
    const content = join(root, 'content');
    cpSync(join(process.cwd(), 'content/authors'), join(content, 'authors'), { recursive: true });
    mkdirSync(join(content, 'posts/2008/11/images'), { recursive: true });
    mkdirSync(join(outside, 'folder'));
    writeFileSync(join(outside, 'post.md'), POST);
    writeFileSync(join(outside, 'folder/other.md'), POST);
    writeFileSync(join(outside, 'duck.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    symlinkSync(join(outside, 'post.md'), join(content, 'posts/2008/11/linked.md'));
    symlinkSync(join(outside, 'folder'), join(content, 'posts/2008/10'));
    symlinkSync(join(outside, 'duck.svg'), join(content, 'posts/2008/11/images/duck.svg'));
    const r = spawnSync('npx', ['astro', 'build'], {
      cwd: process.cwd(),
      encoding: 'utf8',
      env: childEnv({ CONTENT_DIR: content, OUT_DIR: join(root, 'dist'), ASTRO_CACHE_DIR: join(root, 'cache'), FORCE_COLOR: '0', NO_COLOR: '1' }),
    });
    const output = `${r.stdout}\n${r.stderr}`;
    expect(r.status).not.toBe(0);
    for (const link of ['content/posts/2008/11/linked.md', 'content/posts/2008/10', 'content/posts/2008/11/images/duck.svg']) {
      expect(output).toContain(`${link} is a symbolic link to `);
    }
    expect(output).toContain('outside the repository');
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });
});
