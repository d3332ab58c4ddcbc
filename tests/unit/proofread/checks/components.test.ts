import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROVIDED_COMPONENTS, componentsCheck } from '../../../../src/lib/proofread/checks/components';
import { run } from './input';

describe('the components check', () => {
  it('is quiet for imported, exported and provided components, and for HTML tags', () => {
    const body = "import Chart from '../../../../src/components/Chart.astro';\nexport const Note = () => null;\n\n<Chart /> <Note /> <VideoEmbed id=\"x\" /> <div>text</div>\n";
    expect(run(componentsCheck, body)).toEqual([]);
  });

  it('reports a component used without an import against the post, with its line', () => {
    const f = run(componentsCheck, 'Some text.\n\n<Chart data={[1, 2]} />\n\nMore <Fancy.Box /> text.\n');
    expect(f.map((x) => [x.rule, x.severity, x.line, x.subject, x.file])).toEqual([
      ['components', 'error', 13, 'Chart', 'content/posts/2018/07/what-akathisia-feels-like.mdx'],
      ['components', 'error', 15, 'Fancy', 'content/posts/2018/07/what-akathisia-feels-like.mdx'],
    ]);
    expect(f[0]!.message).toBe('<Chart> is used but never imported, so the site will not build.');
  });

  it('knows the components the site gives every post (src/components/mdx-components.ts)', () => {
    const source = readFileSync(join(import.meta.dirname, '../../../../src/components/mdx-components.ts'), 'utf8');
    const keys = /export const mdxComponents = \{([^}]*)\}/.exec(source)![1]!.split(',').map((k) => k.split(':')[0]!.trim()).filter(Boolean);
    expect([...PROVIDED_COMPONENTS].sort()).toEqual(keys.sort());
  });
});
