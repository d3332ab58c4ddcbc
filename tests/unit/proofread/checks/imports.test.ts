import { describe, expect, it } from 'vitest';
import { importsCheck } from '../../../../src/lib/proofread/checks/imports';
import { run } from './input';

describe('the imports check', () => {
  it('is quiet for an import of a file that exists', () => {
    expect(run(importsCheck, "import Chart from '../../../../src/components/Chart.astro';\n\n<Chart />\n")).toEqual([]);
  });

  it('reports an import of a file that does not exist, with the path it looked for', () => {
    const [f] = run(importsCheck, "import Chart from '../../src/components/Chart.astro';\n\n<Chart />\n");
    expect(f).toMatchObject({ rule: 'imports', severity: 'error', line: 11 });
    expect(f!.message).toContain('(content/posts/src/components/Chart.astro)');
  });
});
