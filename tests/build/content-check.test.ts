import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { childEnv } from '../child-env';

/**
 * Content the site would build wrongly stops the build before anything is read, with
 * the files named (issue 10, items 6, 7 and 8). Each case builds a tiny content folder.
 */
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function buildWith(files: Record<string, string | Uint8Array>): { status: number | null; output: string } {
  const root = mkdtempSync(join(tmpdir(), 'shrinkrap-content-check-'));
  roots.push(root);
  const content = join(root, 'content');
  cpSync(join(process.cwd(), 'content/authors'), join(content, 'authors'), { recursive: true });
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), data);
  }
  const r = spawnSync('npx', ['astro', 'build'], {
    cwd: process.cwd(),
    encoding: 'utf8',
    env: childEnv({ CONTENT_DIR: content, OUT_DIR: join(root, 'dist'), ASTRO_CACHE_DIR: join(root, 'cache'), FORCE_COLOR: '0', NO_COLOR: '1' }),
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`.replace(/\x1b\[[0-9;]*m/g, '') };
}

const post = (body = 'Body.\n') => `---
title: "A fine post"
published: "2008-11-29T06:47:00-05:00"
author: dinah
labels: [psychotherapy]
---

${body}`;

describe('the build refuses content it would publish wrongly', () => {
  it('refuses a post saved as Latin-1, naming the file and line', () => {
    const latin1 = Buffer.concat([Buffer.from(post('A caf')), Buffer.from([0xe9]), Buffer.from(' in Baltimore.\n')]);
    const r = buildWith({ 'posts/2008/11/cafe.md': latin1 });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('posts/2008/11/cafe.md:8: the file is not UTF-8 text');
  });

  it('refuses a post saved as UTF-16', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(post(), 'utf16le')]);
    const r = buildWith({ 'posts/2008/11/wide.mdx': utf16 });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('posts/2008/11/wide.mdx: the file is saved as UTF-16');
  });

  it('makes slug.md beside slug.mdx an error naming both files', () => {
    const r = buildWith({ 'posts/2008/11/twin.md': post(), 'posts/2008/11/twin.mdx': post() });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('posts/2008/11/twin.md and posts/2008/11/twin.mdx are the same post (2008/11/twin)');
  });

  it('names the post and line of a component used without an import', () => {
    const r = buildWith({ 'posts/2008/11/chart.mdx': post('Intro.\n\n<DosingChart drug="haloperidol" />\n') });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('posts/2008/11/chart.mdx:10: <DosingChart> is used but never imported');
  });
});
