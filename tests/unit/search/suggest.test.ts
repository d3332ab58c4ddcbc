import { describe, expect, it } from 'vitest';
import { editDistance, nearestWord, parseVocabulary, serializeVocabulary, suggestQuery, vocabulary, wordsOf } from '../../../src/lib/search/suggest';

describe('the word list', () => {
  it('keeps words of four letters or more, most frequent first, then A to Z', () => {
    const words = vocabulary(['The psychotherapy of psychiatrists: psychotherapy, jails and JAILS.', "Jail isn't psychotherapy; it's a jail."]);
    expect(words).toEqual(['psychotherapy', 'jail', 'jails', 'psychiatrists']);
    expect(wordsOf("Don't — café 2008")).toEqual(['don', 't', 'café']);
  });

  it('keeps at most the most frequent words, and reads back what it writes', () => {
    const words = vocabulary(['alpha alpha beta beta beta gamma'], 2);
    expect(words).toEqual(['beta', 'alpha']);
    const ranks = parseVocabulary(serializeVocabulary(words));
    expect([...ranks]).toEqual([['beta', 0], ['alpha', 1]]);
    expect(parseVocabulary('\n\n')).toEqual(new Map());
  });
});

describe('edit distance', () => {
  it('counts insertions, deletions, substitutions and transpositions, and stops past the limit', () => {
    expect(editDistance('psychotheraphy', 'psychotherapy', 2)).toBe(1);
    expect(editDistance('teh', 'the', 1)).toBe(1);
    expect(editDistance('jial', 'jail', 1)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
    expect(editDistance('same', 'same', 0)).toBe(0);
  });
});

describe('"Did you mean …?"', () => {
  const ranks = parseVocabulary(serializeVocabulary(['psychotherapy', 'jail', 'jails', 'psychiatrist', 'psychotic', 'pail']));

  it('mends the unknown words of a query with the nearest known word', () => {
    expect(suggestQuery('psychotheraphy', ranks)).toBe('psychotherapy');
    expect(suggestQuery('Psychotheraphy in jial', ranks)).toBe('psychotherapy in jail');
    expect(suggestQuery('psychiatrsit', ranks)).toBe('psychiatrist');
  });

  it('prefers fewer edits, then the more frequent word', () => {
    // "jaill" is one edit from "jail" and from "jails"; "jail" is listed first (more frequent).
    expect(nearestWord('jaill', ranks)).toBe('jail');
    expect(nearestWord('pails', ranks)).toBe('jails');
  });

  it('suggests nothing for known, short or hopeless words', () => {
    expect(suggestQuery('psychotherapy', ranks)).toBeUndefined();
    expect(suggestQuery('jai', ranks)).toBeUndefined();
    expect(suggestQuery('zzqxv', ranks)).toBeUndefined();
    expect(suggestQuery('2008', ranks)).toBeUndefined();
    expect(suggestQuery('', ranks)).toBeUndefined();
    expect(suggestQuery('psychotheraphy', new Map())).toBeUndefined();
  });
});
