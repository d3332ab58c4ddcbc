import { visit } from 'unist-util-visit';
import type { Issue } from '../types';
import { truncate, type Check } from './types';

/** Notes to self left in the text (TODO, TK, FIXME, XXX). */

const LEFTOVER = /\b(TODO|TK|FIXME|XXX)\b/;

export const leftoversCheck: Check = {
  rule: 'leftovers',
  run({ doc }) {
    const issues: Issue[] = [];
    visit(doc.tree, 'text', (node) => {
      const m = LEFTOVER.exec(node.value);
      if (m) {
        issues.push({
          severity: 'warning',
          kind: 'style',
          line: node.position?.start.line,
          message: `A note to yourself is still in the text: "${truncate(node.value.slice(m.index).trim(), 60)}".`,
          fix: 'Finish that part or delete the note before publishing.',
        });
      }
    });
    return issues;
  },
};
