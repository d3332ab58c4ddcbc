import { describe, expect, it } from 'vitest';
import { frontmatterWordingCheck } from '../../../../src/lib/proofread/checks/frontmatter-wording';
import { FRONT, run } from './input';

describe('the front-matter wording check', () => {
  it('reads the title and description with the person-first rule', () => {
    const text = FRONT.replace('"What Akathisia Feels Like"', '"Schizophrenics and Their Families"');
    const [f] = run(frontmatterWordingCheck, `${text}\nBody.`, { whole: true });
    expect(f).toMatchObject({ rule: 'frontmatter-wording', severity: 'warning', line: 2 });
    expect(f!.message).toContain('In the title');
  });

  it('is quiet for person-first wording', () => {
    expect(run(frontmatterWordingCheck, 'Body.')).toEqual([]);
  });
});
