import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { buildContent } from '../fixture-site';

/**
 * Bad content must stop the build with a message that names the file, the field and
 * what is expected. Each case builds a tiny content folder of its own; the rules
 * themselves (every schema field, a file that is not at YYYY/MM/slug) are tested on the
 * model without a build (tests/unit/model/).
 */
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function buildWith(files: Record<string, string | Uint8Array>): { status: number | null; output: string } {
  const r = buildContent('invalid', files);
  roots.push(r.root);
  return r;
}

const good = (extra = '') => `---
title: "A fine post"
published: "2008-11-29T06:47:00-05:00"
author: dinah
labels: [psychotherapy]
${extra}---

Body.
`;

describe('invalid content fails the build with a clear message', () => {
  it('names the file, the field and the expected form of a bad date and an unknown author', () => {
    const r = buildWith({
      'posts/2008/11/bad-date.mdx': good().replace('"2008-11-29T06:47:00-05:00"', '"Nov 29 2008"'),
    });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('2008/11/bad-date');
    expect(r.output).toMatch(/published/);
    expect(r.output).toContain('e.g. "2008-11-29T06:47:00-05:00"');
  });

  it('refuses an unknown author', () => {
    const r = buildWith({ 'posts/2008/11/who.mdx': good().replace('author: dinah', 'author: freud') });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('2008/11/who');
    expect(r.output).toMatch(/author/);
    expect(r.output).toContain('freud');
  });

  it('refuses labels that would share one address, naming both files', () => {
    const r = buildWith({
      'posts/2008/11/one.mdx': good(),
      'posts/2008/12/two.mdx': good().replace('[psychotherapy]', '[Psychotherapy]'),
    });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('Some labels would share one address');
    expect(r.output).toMatch(/"Psychotherapy" \(in .*posts\/2008\/12\/two\.mdx\)/);
    expect(r.output).toContain('aliases');
  });
});
