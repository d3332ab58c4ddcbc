import { describe, expect, it } from 'vitest';
import { addressCheck } from '../../../../src/lib/proofread/checks/address';
import { run } from './input';

describe('the address check', () => {
  it('is quiet for a draft in its month with a Blogger-style slug from its title', () => {
    expect(run(addressCheck, 'Body.')).toEqual([]);
  });

  it('finds a file outside YYYY/MM and a date in another month', () => {
    expect(run(addressCheck, 'Body.', { file: 'content/posts/2018/akathisia.mdx' })[0]).toMatchObject({ rule: 'address', severity: 'error' });
    const [f] = run(addressCheck, 'Body.', { file: 'content/posts/2018/08/what-akathisia-feels-like.mdx' });
    expect(f).toMatchObject({ severity: 'warning', line: 3, message: 'The file is in the August 2018 folder, but the date says July 2018.' });
  });

  it('suggests a Blogger slug for a draft', () => {
    const [f] = run(addressCheck, 'Body.', { file: 'content/posts/2018/07/akathisia_notes.mdx' });
    expect(f!.fix).toBe('Rename the file to what-akathisia-feels-like.mdx while it is still a draft.');
  });
});
