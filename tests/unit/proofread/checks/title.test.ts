import { describe, expect, it } from 'vitest';
import { titleCheck } from '../../../../src/lib/proofread/checks/title';
import { FRONT, run } from './input';

const withTitle = (title: string) => FRONT.replace('"What Akathisia Feels Like"', JSON.stringify(title));

describe('the title check', () => {
  it('is quiet for a good title', () => {
    expect(run(titleCheck, 'Body.')).toEqual([]);
  });

  it('finds a placeholder, shouting and extra spaces, on the title line', () => {
    expect(run(titleCheck, `${withTitle('Untitled')}\nBody.`, { whole: true })).toMatchObject([{ rule: 'title', severity: 'warning', line: 2 }]);
    const shouting = run(titleCheck, `${withTitle('WHY WE SHOUT')}\nBody.`, { whole: true });
    expect(shouting[0]!.fix).toBe('Use Title Case, e.g. "Why We Shout".');
    expect(run(titleCheck, `${withTitle('Two  spaces')}\nBody.`, { whole: true })[0]).toMatchObject({ severity: 'hint', message: 'The title has extra spaces.' });
  });
});
