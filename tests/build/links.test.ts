import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFixtureSite, scratchContent } from '../fixture-site';

/**
 * `astro build` refuses a content folder with symbolic links out of the repository,
 * naming each, before the content layer reads anything (issue 23): nothing reaches dist/.
 */
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

const POST = '---\ntitle: "Linked"\npublished: "2008-11-29T06:47:00-05:00"\nauthor: dinah\n---\n\nFrom elsewhere.\n';

describe('symbolic links in content/', () => {
  it('a post, a folder and a picture linked from outside stop the build, each named', () => {
    const { root, content, out, cache } = scratchContent('links-build');
    const outside = mkdtempSync(join(tmpdir(), 'shrinkrap-links-outside-'));
    roots.push(root, outside);
    mkdirSync(join(content, 'posts/2008/11/images'), { recursive: true });
    mkdirSync(join(outside, 'folder'));
    writeFileSync(join(outside, 'post.md'), POST);
    writeFileSync(join(outside, 'folder/other.md'), POST);
    writeFileSync(join(outside, 'duck.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    symlinkSync(join(outside, 'post.md'), join(content, 'posts/2008/11/linked.md'));
    symlinkSync(join(outside, 'folder'), join(content, 'posts/2008/10'));
    symlinkSync(join(outside, 'duck.svg'), join(content, 'posts/2008/11/images/duck.svg'));
    const r = buildFixtureSite({ contentDir: content, outDir: out, cacheDir: cache, silent: false });
    const output = r.output;
    expect(r.status).not.toBe(0);
    for (const link of ['content/posts/2008/11/linked.md', 'content/posts/2008/10', 'content/posts/2008/11/images/duck.svg']) {
      expect(output).toContain(`${link} is a symbolic link to `);
    }
    expect(output).toContain('outside the repository');
    expect(existsSync(out)).toBe(false);
  });
});
