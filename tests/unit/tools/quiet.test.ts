import { describe, expect, it } from 'vitest';
import { explainedWarnings, unexplainedWarnings, warningsIn } from '../../../src/lib/tools/quiet';

/** The logs are shaped like real ones: npm 11's multi-line warnings, Astro's [WARN], colours. */
const EBADENGINE = [
  'npm warn EBADENGINE Unsupported engine {',
  "npm warn EBADENGINE   package: 'vitest@5.1.2',",
  "npm warn EBADENGINE   required: { node: '^22.12.0 || ^24.0.0 || >=26.0.0' },",
  "npm warn EBADENGINE   current: { node: 'v20.20.2', npm: '11.19.1' }",
  'npm warn EBADENGINE }',
].join('\n');
const ERESOLVE = [
  'npm warn ERESOLVE overriding peer dependency',
  'npm warn While resolving: react-aria-menubutton@7.0.3',
  'npm warn Found: react@19.3.1',
  'npm warn node_modules/react',
].join('\n');

describe('warnings in install and build logs', () => {
  it('counts an npm warning once, however many lines it takes', () => {
    expect(warningsIn(`${EBADENGINE}\n${EBADENGINE}\n${ERESOLVE}\n\nadded 734 packages in 1m`).map((w) => w.line)).toEqual([1, 6, 11]);
  });

  it('lets the explained ones through and names the others with their line', () => {
    const log = `${EBADENGINE}\n${ERESOLVE}`;
    expect(unexplainedWarnings(log)).toEqual([{ line: 6, text: 'npm warn ERESOLVE overriding peer dependency' }]);
    expect(explainedWarnings(log).map((k) => [k.warning.id, k.count])).toEqual([['EBADENGINE', 1]]);
  });

  it("finds Astro's and Vite's warnings, coloured or not, and not the word in a page's name", () => {
    const build = [
      '07:33:31 \u001b[33m[WARN]\u001b[39m [config] Shiki syntax highlighting uses inline styles',
      '07:33:55   ├─ /feeds/labels/duty to warn.xml (+6ms)',
      '(!) Some chunks are larger than 500 kB after minification.',
      '07:34:40 [build] 135 page(s) built in 21.6s',
    ].join('\n');
    expect(unexplainedWarnings(build).map((w) => w.line)).toEqual([1, 3]);
    expect(unexplainedWarnings('07:34:40 [build] Complete!')).toEqual([]);
  });
});
