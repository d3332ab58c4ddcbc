import { describe, expect, it } from 'vitest';
import { findHouseStyleIssues } from '../../../src/lib/proofread/house-style';
import { checkWording } from '../../../src/lib/proofread/wording';

describe('the house style', () => {
  it('names the slip and what to write, keeping groups and a capital at the start of a sentence', () => {
    const found = findHouseStyleIssues('Clink shrink wrote it. Send e-mails to Shrinkrap, not shock treatments.');
    expect(found.map((f) => [f.found, f.write])).toEqual([
      ['Clink shrink', 'ClinkShrink'],
      ['e-mails', 'emails'],
      ['Shrinkrap', 'Shrink Rap'],
      ['shock treatments', 'electroconvulsive therapy (ECT)'],
    ]);
    expect(findHouseStyleIssues('We wrote about it. E-mail us.')[0]).toMatchObject({ found: 'E-mail', write: 'Email' });
  });

  it('leaves the house spelling, host names and longer words alone', () => {
    expect(findHouseStyleIssues('ClinkShrink and Shrink Rap (shrinkrap.net) and My Three Shrinks; a re-e-mail.')).toEqual([]);
  });
});

describe('the wording check on a post', () => {
  const post = (body: string) => `---\ntitle: "T"\n---\n\n${body}\n`;

  it('gives each finding its file line and column, and skips quotations, code and headings for style hints', async () => {
    const text = post('He suffers from it.\n\n> The schizophrenic was treated.\n\n`crazy`\n\n## It was decided\n\nShrinkrap was\nwritten by Roy.');
    const found = await checkWording(text, '/x/post.md');
    expect(found.map((f) => [f.line, f.column, f.message.split(' can ')[0]])).toEqual([
      [5, 3, '"suffers from"'],
      [13, 0, 'House style: "Shrink Rap", not "Shrinkrap".'],
      [13, 10, '"was\nwritten" is passive.'],
    ]);
    expect(found[0]).toMatchObject({ severity: 'warning', kind: 'wording', fix: 'Instead: "has".' });
  });

  it('reads MDX without its code: an expression is not prose', async () => {
    const text = post("import X from './x.astro';\n\n{/* the crazy note */}\n\nPatients ask.");
    expect(await checkWording(text, '/x/post.mdx')).toEqual([]);
  });
});
