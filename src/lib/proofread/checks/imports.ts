import { visit } from 'unist-util-visit';
import type { Issue } from '../types';
import { importsOf } from './components';
import { folderOf, normalise, type Check } from './types';

/** An import whose file does not exist: the site would not build. */
export const importsCheck: Check = {
  rule: 'imports',
  run({ doc, file, ctx }) {
    const issues: Issue[] = [];
    const dir = folderOf(file);
    visit(doc.tree, (node) => {
      if ((node.type as string) !== 'mdxjsEsm') return;
      for (const { source } of importsOf(node)) {
        if (!source.startsWith('.')) continue;
        const path = normalise(`${dir}/${source}`);
        if (ctx.fileExists(path)) continue;
        issues.push({
          severity: 'error',
          kind: 'mdx',
          line: node.position?.start.line,
          message: `The import "${source}" points to a file that does not exist (${path}); the site will not build.`,
          fix: 'Copy the import line from another post that uses the same component (count the ../ parts).',
        });
      }
    });
    return issues;
  },
};
