import { describe, expect, it } from 'vitest';
import { descriptionCheck } from '../../../../src/lib/proofread/checks/description';
import { FRONT, run } from './input';

describe('the description check', () => {
  it('is quiet for one or two full sentences', () => {
    expect(run(descriptionCheck, 'Body.')).toEqual([]);
  });

  it('warns when there is none and hints when it is short', () => {
    const none = FRONT.replace(/^description: .*\n/m, '');
    expect(run(descriptionCheck, `${none}\nBody.`, { whole: true })).toMatchObject([{ rule: 'description', severity: 'warning' }]);
    const short = FRONT.replace(/^description: .*$/m, 'description: "Short."');
    expect(run(descriptionCheck, `${short}\nBody.`, { whole: true })).toMatchObject([{ severity: 'hint', line: 7, message: 'The description is short (6 characters).' }]);
  });
});
