import { describe, expect, it } from 'vitest';
import { proofreadingCheck } from '../../../../src/lib/proofread/checks/proofreading';
import { FRONT, run } from './input';

describe('the proofreading check', () => {
  it('is quiet when a co-author proofread the post', () => {
    expect(run(proofreadingCheck, 'Body.')).toEqual([]);
  });

  it('hints when nobody but the author is credited', () => {
    const own = FRONT.replace('proofreadBy: [roy]', 'proofreadBy: [dinah]');
    const [f] = run(proofreadingCheck, `${own}\nBody.`, { whole: true });
    expect(f).toMatchObject({ rule: 'proofreading', severity: 'hint', line: 8 });
    expect(f!.fix).toContain('proofreadBy: [roy] (or clinkshrink)');
  });
});
