import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { buildContent } from '../fixture-site';

/**
 * Content the site would build wrongly stops the build before anything is read, with
 * the files named (issue 10, items 6, 7 and 8). Each case builds a tiny content folder.
 */
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function buildWith(files: Record<string, string | Uint8Array>): { status: number | null; output: string } {
  const r = buildContent('content-check', files);
  roots.push(r.root);
  return r;
}

const post = (body = 'Body.\n') => `---
title: "A fine post"
published: "2008-11-29T06:47:00-05:00"
author: dinah
labels: [psychotherapy]
---

${body}`;

describe('the build refuses content it would publish wrongly', () => {
  // One build of a folder with every problem: the check reports them all at once, before the
  // content layer reads anything, so the author fixes them in one go.
  const latin1 = Buffer.concat([Buffer.from(post('A caf')), Buffer.from([0xe9]), Buffer.from(' in Baltimore.\n')]);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(post(), 'utf16le')]);
  let r: { status: number | null; output: string };
  beforeAll(() => {
    r = buildWith({
      'posts/2008/11/cafe.md': latin1,
      'posts/2008/11/wide.mdx': utf16,
      'posts/2008/11/twin.md': post(),
      'posts/2008/11/twin.mdx': post(),
      'posts/2008/11/chart.mdx': post('Intro.\n\n<DosingChart drug="haloperidol" />\n'),
    });
  });

  it('stops the build, saying how many problems it found', () => {
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/has 4 problems the site cannot build with/);
  });

  it('refuses a post saved as Latin-1, naming the file and line', () => {
    expect(r.output).toContain('posts/2008/11/cafe.md:8: the file is not UTF-8 text');
  });

  it('refuses a post saved as UTF-16', () => {
    expect(r.output).toContain('posts/2008/11/wide.mdx: the file is saved as UTF-16');
  });

  it('makes slug.md beside slug.mdx an error naming both files', () => {
    expect(r.output).toContain('posts/2008/11/twin.md and posts/2008/11/twin.mdx are the same post (2008/11/twin)');
  });

  it('names the post and line of a component used without an import', () => {
    expect(r.output).toContain('posts/2008/11/chart.mdx:10: <DosingChart> is used but never imported');
  });
});
