import { describe, expect, it } from 'vitest';
import { mdxSyntaxCheck } from '../../../../src/lib/proofread/checks/mdx-syntax';
import { run } from './input';

describe('the MDX syntax check', () => {
  it('reports a body that does not compile as MDX, with its line', () => {
    const [f] = run(mdxSyntaxCheck, 'Fine.\n\nA brace { left open.\n');
    expect(f).toMatchObject({ rule: 'mdx-syntax', severity: 'error', line: 13 });
  });

  it('reads a .md post as Markdown, where { and < are ordinary text', () => {
    expect(run(mdxSyntaxCheck, 'A brace { and a <b> tag.\n', { file: 'content/posts/2018/07/plain.md' })).toEqual([]);
  });
});
