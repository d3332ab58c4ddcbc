import { describe, expect, it } from 'vitest';
import { authorsCheck } from '../../../../src/lib/proofread/checks/authors';
import { FRONT, run } from './input';

describe('the authors check', () => {
  it('is quiet for known authors', () => {
    expect(run(authorsCheck, 'Body.')).toEqual([]);
  });

  it('suggests the likely author and proofreader', () => {
    const text = FRONT.replace('author: dinah', 'author: Dinha').replace('proofreadBy: [roy]', 'proofreadBy: [ray, ray]');
    const f = run(authorsCheck, `${text}\nBody.`, { whole: true });
    expect(f.map((x) => [x.severity, x.line])).toEqual([
      ['error', 4],
      ['error', 8],
      ['error', 8],
      ['hint', 8],
    ]);
    expect(f[0]!.fix).toContain('Did you mean dinah?');
    expect(f[1]!.fix).toContain('Did you mean roy?');
  });
});
