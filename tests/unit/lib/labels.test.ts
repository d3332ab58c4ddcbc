import { describe, expect, it } from 'vitest';
import { buildLabelIndex, LabelCollisionError, labelKey, postLabels, topLabels } from '../../../src/lib/labels';

const post = (file: string, ...labels: string[]) => ({ file, labels });

describe('labels', () => {
  it('treats case, accents and punctuation as the same address', () => {
    expect(labelKey('Forensic Psychiatry')).toBe(labelKey('forensic-psychiatry'));
    expect(labelKey('Café')).toBe(labelKey('cafe'));
    expect(labelKey('jails')).not.toBe(labelKey('jail'));
  });

  it('counts posts per label, alphabetically', () => {
    const index = buildLabelIndex([post('a.mdx', 'jails', 'Podcast'), post('b.mdx', 'jails'), post('c.mdx', 'medications')]);
    expect(index.labels.map((l) => [l.label, l.count])).toEqual([
      ['jails', 2],
      ['medications', 1],
      ['Podcast', 1],
    ]);
  });

  it('fails with a report naming both spellings and their files', () => {
    let error: unknown;
    try {
      buildLabelIndex([post('content/posts/2006/07/a.mdx', 'Psychotherapy'), post('content/posts/2008/11/b.mdx', 'psychotherapy')]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LabelCollisionError);
    const message = (error as Error).message;
    expect(message).toContain('"Psychotherapy" (in content/posts/2006/07/a.mdx)');
    expect(message).toContain('"psychotherapy" (in content/posts/2008/11/b.mdx)');
    expect(message).toContain('labels.yaml');
  });

  it('merges an alias into its label instead of failing', () => {
    const index = buildLabelIndex(
      [post('a', 'Psychotherapy'), post('b', 'psychotherapy'), post('c', 'psychotherapy', 'Psychotherapy')],
      new Map([['psychotherapy', { aliases: ['Psychotherapy'] }]]),
    );
    expect(index.labels).toEqual([{ label: 'psychotherapy', count: 3, aliases: ['Psychotherapy'], description: undefined }]);
    expect(postLabels(['Psychotherapy', 'jails'], index.canonical)).toEqual(['jails', 'psychotherapy']);
  });

  it('refuses an alias claimed by two labels', () => {
    expect(() =>
      buildLabelIndex([], new Map([['a', { aliases: ['x'] }], ['b', { aliases: ['x'] }]])),
    ).toThrow(/alias of both "a" and "b"/);
  });

  it('picks the most used labels for the sidebar and shows them alphabetically', () => {
    const index = buildLabelIndex([post('1', 'z', 'y'), post('2', 'z', 'y'), post('3', 'z', 'x'), post('4', 'w')]);
    expect(topLabels(index, 2).map((l) => l.label)).toEqual(['y', 'z']);
  });
});
