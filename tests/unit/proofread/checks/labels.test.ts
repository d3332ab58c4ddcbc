import { describe, expect, it } from 'vitest';
import { labelsCheck, similarLabel } from '../../../../src/lib/proofread/checks/labels';
import { FRONT, run } from './input';

const withLabels = (labels: string) => `${FRONT.replace('labels: [psychotherapy]', `labels: [${labels}]`)}\nBody.`;

describe('the labels check', () => {
  it('is quiet for labels in use and for aliases', () => {
    expect(run(labelsCheck, withLabels('Psychotherapy, jails'), { whole: true })).toEqual([]);
  });

  it('names the label in each finding, so other checks can tell they are about the same word', () => {
    const f = run(labelsCheck, withLabels('JAILS, psychotheraphy, podcasts'), { whole: true });
    expect(f.map((x) => [x.severity, x.subject])).toEqual([
      ['error', 'JAILS'],
      ['warning', 'psychotheraphy'],
      ['hint', 'podcasts'],
    ]);
    expect(f.every((x) => x.line === 5 && x.rule === 'labels')).toBe(true);
  });

  it('finds the label an author most likely meant', () => {
    expect(similarLabel('jail', ['jails', 'psychotherapy'])).toBe('jails');
    expect(similarLabel('genetics', ['jails'])).toBeUndefined();
  });
});
