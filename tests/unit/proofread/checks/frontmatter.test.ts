import { describe, expect, it } from 'vitest';
import { frontmatterCheck } from '../../../../src/lib/proofread/checks/frontmatter';
import { FRONT, run } from './input';

describe('the front-matter check', () => {
  it('is quiet for valid front matter', () => {
    expect(run(frontmatterCheck, 'Body.')).toEqual([]);
  });

  it('reports a missing block, unreadable YAML and a schema error with the field line', () => {
    expect(run(frontmatterCheck, 'Just text.\n', { whole: true })).toMatchObject([{ rule: 'frontmatter', line: 1 }]);
    expect(run(frontmatterCheck, FRONT.replace('labels: [psychotherapy]', 'labels: [psychotherapy'), { whole: true })[0]).toMatchObject({ severity: 'error' });
    const [f] = run(frontmatterCheck, `${FRONT.replace('author: dinah', 'author: dinah\ntags: [x]')}\nBody.`, { whole: true });
    expect(f).toMatchObject({ line: 5, message: 'The top block has a field the blog does not use: "tags".' });
  });
});
