import { describe, expect, it } from 'vitest';
import { STRUCTURAL_CHECKS, capFindings, runCheckSync } from '../../../../src/lib/proofread/checks';
import type { Finding } from '../../../../src/lib/proofread/types';
import { input } from './input';

describe('the registry of checks', () => {
  it('has one check per rule, each named', () => {
    const rules = STRUCTURAL_CHECKS.map((c) => c.rule);
    expect(new Set(rules).size).toBe(rules.length);
    expect(rules).toContain('components');
  });

  it('skips checks that need the front matter when it cannot be read', () => {
    const post = input('No front matter.\n');
    const ran = STRUCTURAL_CHECKS.filter((c) => runCheckSync(c, post).length > 0).map((c) => c.rule);
    expect(ran).toEqual(['frontmatter']);
  });

  it('keeps the first findings of a check in file order and counts the rest', () => {
    const many: Finding[] = Array.from({ length: 120 }, (_, i) => ({ rule: 'links', file: 'a.mdx', severity: 'error', kind: 'links', line: 120 - i, message: `m${i}` }));
    const capped = capFindings(many, 50);
    expect(capped).toHaveLength(51);
    expect(capped[0]!.line).toBe(1);
    expect(capped[49]!.line).toBe(50);
    expect(capped[50]).toMatchObject({ rule: 'links', severity: 'error', message: '… and 70 more (links).' });
    expect(capFindings(many.slice(0, 50), 50)).toHaveLength(50);
  });
});
