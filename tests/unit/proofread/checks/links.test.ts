import { describe, expect, it } from 'vitest';
import { linksCheck } from '../../../../src/lib/proofread/checks/links';
import { run } from './input';

describe('the links check', () => {
  it('is quiet for links to things that exist', () => {
    const body = [
      '[rules](/2008/11/ground-rules.html#the-rules) [about](/p/about.html) [label](/search/label/psychotherapy)',
      '[month](/2008/11/) [page 2](/2008/11/page/2/) [old archive](/2008_11_01_archive.html) [roy](/authors/roy/)',
      '[feed](/feeds/posts/default) [here](#comments) [elsewhere](https://example.org/x)',
    ].join('\n');
    expect(run(linksCheck, body)).toEqual([]);
  });

  it('reads every address through the site’s own parser and says what is wrong', () => {
    const body = [
      '[a](/2008/11/ground-rulez.html)',
      '[b](/2018/07/not-yet.html)',
      '[c](/p/nope.html)',
      '[d](/search/label/psychotherapie)',
      '[e](/1999/)',
      '[f](/authors/freud/)',
      '[g](/2008/11/ground-rules.html#the-rulez)',
      '[h](https://www.shrinkrap.net/2008/11/ground-rules.html)',
      '[i][nowhere]',
    ].join('\n\n');
    const f = run(linksCheck, body);
    f.sort((a, b) => a.line! - b.line!);
    expect(f.map((x) => [x.line, x.severity])).toEqual([
      [11, 'error'],
      [13, 'warning'],
      [15, 'error'],
      [17, 'error'],
      [19, 'error'],
      [21, 'error'],
      [23, 'error'],
      [25, 'hint'],
      [27, 'error'],
    ]);
    expect(f[0]!.fix).toBe('Did you mean /2008/11/ground-rules.html?');
    expect(f[3]!.fix).toBe('Did you mean /search/label/psychotherapy?');
    expect(f[6]!.fix).toBe('Did you mean #the-rules?');
    expect(f[7]!.fix).toBe('Write it as /2008/11/ground-rules.html so it also works in previews.');
  });
});
