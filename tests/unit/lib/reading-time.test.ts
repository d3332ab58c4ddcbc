import { describe, expect, it } from 'vitest';
import { readingMinutes, readingTimeLabel, WORDS_PER_MINUTE } from '../../../src/lib/reading-time';
import { bodyWords } from '../../../src/lib/model';
import { structuralReport } from '../../../src/lib/proofread/proofread';
import { fixture } from '../proofread/helpers';

describe('reading time', () => {
  it('counts prose only: not code, imports, expressions or raw HTML', () => {
    const body = [
      "import Thing from '../x.astro';",
      '',
      '# A heading here',
      '',
      "Two words, and it's five.",
      '',
      '```js',
      'const notCounted = 1;',
      '```',
      '',
      '{/* an MDX comment */}',
      '',
      '- one',
      '- two',
    ].join('\n');
    expect(bodyWords(body)).toBe(3 + 5 + 2);
  });

  it('still counts a body that is not valid MDX, as Markdown', () => {
    expect(bodyWords('A < b and { c')).toBe(4);
  });

  it('says "N min read", rounding, at least one minute, nothing for an empty body', () => {
    expect(readingTimeLabel(readingMinutes(bodyWords('')))).toBeUndefined();
    expect(readingTimeLabel(readingMinutes(1))).toBe('1 min read');
    expect(readingTimeLabel(readingMinutes(4 * WORDS_PER_MINUTE))).toBe('4 min read');
    expect(readingTimeLabel(readingMinutes(Math.round(4.6 * WORDS_PER_MINUTE)))).toBe('5 min read');
  });

  it('is the word count the proof sheet reports', () => {
    for (const file of ['2018/07/what-akathisia-feels-like.mdx', '2018/07/everything-wrong.mdx', '2018/07/mdx-syntax.mdx']) {
      const { post, ctx } = fixture(file);
      const report = structuralReport(post, ctx);
      const body = post.text.replace(/^---\n[\s\S]*?\n---\n/, '');
      expect(report.words, file).toBe(bodyWords(body));
      expect(report.words, file).toBeGreaterThan(5);
      expect(report.readingMinutes, file).toBe(readingMinutes(report.words));
    }
  });
});
