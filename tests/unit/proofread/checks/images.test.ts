import { describe, expect, it } from 'vitest';
import { imagesCheck } from '../../../../src/lib/proofread/checks/images';
import { run } from './input';

describe('the images check', () => {
  it('is quiet for described images that exist', () => {
    expect(run(imagesCheck, '![A yellow duck](/images/duck.jpg)\n\n![A yellow duck](./duck.jpg)\n')).toEqual([]);
  });

  it('finds a missing description and a missing file, with their lines', () => {
    const f = run(imagesCheck, 'Text.\n\n![](./nope.png)\n\n<img src="/images/duck.jpg" alt="IMG_1234" />\n');
    expect(f.map((x) => [x.severity, x.line, x.rule])).toEqual([
      ['error', 13, 'images'],
      ['error', 13, 'images'],
      ['warning', 15, 'images'],
    ]);
    expect(f[1]!.message).toContain('content/posts/2018/07/nope.png');
  });
});
