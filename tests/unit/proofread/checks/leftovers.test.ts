import { describe, expect, it } from 'vitest';
import { leftoversCheck } from '../../../../src/lib/proofread/checks/leftovers';
import { run } from './input';

describe('the leftovers check', () => {
  it('finds a TODO in the text, with its line', () => {
    expect(run(leftoversCheck, 'First paragraph.\n\nTODO: add the study.\n')).toMatchObject([{ rule: 'leftovers', severity: 'warning', line: 13 }]);
  });

  it('does not read words that merely contain the letters', () => {
    expect(run(leftoversCheck, 'Toddlers and XXXL shirts.\n')).toEqual([]);
  });
});
