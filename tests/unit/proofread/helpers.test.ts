import { describe, expect, it } from 'vitest';
import { findPersonFirstIssues } from '../../../src/lib/proofread/person-first';
import { editDistance } from '../../../src/lib/proofread/distance';
import { maskMdxCode, parsePost } from '../../../src/lib/proofread/document';
import { anchorsOfTree } from '../../../src/lib/proofread/tree';
import { readingMinutes } from '../../../src/lib/reading-time';
import { bodyWords } from '../../../src/lib/model';
import { similarLabel } from '../../../src/lib/proofread/checks';
import { findSlurs } from '../../../src/lib/proofread/slurs';
import { plainWording } from '../../../src/lib/proofread/wording';

describe('person-first wording', () => {
  const say = (text: string) => findPersonFirstIssues(text).map((i) => [i.found, i.say]);

  it('offers the person-first alternative for each stigmatising phrase', () => {
    expect(say('Her brother committed suicide. He commits suicide in the novel.')).toEqual([
      ['committed suicide', '"died by suicide"'],
      ['commits suicide', '"dies by suicide"'],
    ]);
    expect(say('Schizophrenics are often poor.')).toEqual([['Schizophrenics', '"people with schizophrenia"']]);
    expect(say('schizophrenic patients and a schizophrenic')).toEqual([
      ['schizophrenic patients', '"patients with schizophrenia"'],
      ['a schizophrenic', '"a person with schizophrenia"'],
    ]);
    expect(say('We fail the mentally ill. Mentally ill inmates wait.')).toEqual([
      ['the mentally ill', '"people with mental illness"'],
      ['Mentally ill inmates', '"inmates with mental illness"'],
    ]);
    expect(say('She suffers from depression; they suffered from it.')).toEqual([
      ['suffers from', '"has"'],
      ['suffered from', '"had"'],
    ]);
    expect(say('an addict, the alcoholic, substance abusers')).toEqual([
      ['an addict', '"a person with an addiction"'],
      ['the alcoholic', '"the person with alcohol use disorder"'],
      ['substance abusers', '"people with a substance use disorder"'],
    ]);
    for (const word of ['crazy', 'psycho', 'lunatic', 'insane', 'loony bin', 'schizo']) {
      expect(findPersonFirstIssues(`That was ${word}.`).map((i) => i.found)).toEqual([word]);
    }
    expect(say('My desk? I am so OCD about it.')).toEqual([['so OCD', '"meticulous", "particular" or "a perfectionist"']]);
    expect(findPersonFirstIssues('He went nuts.').map((i) => i.found)).toEqual(['nuts']);
  });

  it('leaves clinical and legal language alone', () => {
    const clinical = [
      'Mental health services for bipolar disorder and bipolar II.',
      'Schizophrenic symptoms, a schizophrenic episode, psychotic features, delirious patients.',
      'The insanity defense; not guilty by reason of insanity; the criminally insane.',
      'Alcoholics Anonymous meets on Tuesdays; an alcoholic drink; alcoholic liver disease.',
      'Patients with OCD and ADHD; a manic episode; panic attacks; depressed mood.',
      'The nuts and bolts of a commitment hearing; involuntary commitment.',
      'Psychopathology, psychosis, addiction, addicted, the homeless shelter.',
    ];
    for (const text of clinical) expect(findPersonFirstIssues(text), text).toEqual([]);
  });

  it('reports each place once, the longest phrase first', () => {
    const issues = findPersonFirstIssues('the mentally ill patients');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ index: 4, found: 'mentally ill patients' });
  });
});

describe('textlint messages in plain words', () => {
  it('makes passive voice and wordiness hints, repeated words a warning', () => {
    expect(plainWording('write-good', '"was seen" may be passive voice')).toMatchObject({ severity: 'hint', message: '"was seen" is passive.' });
    expect(plainWording('write-good', '"It is" is wordy or unneeded')).toMatchObject({ severity: 'hint', message: '"It is" is wordy.' });
    expect(plainWording('write-good', '"the" is repeated')).toMatchObject({ severity: 'warning', message: '"the" is written twice in a row.' });
  });

  it('turns the slur list\'s messages into a plain warning', () => {
    const f = plainWording('slurs', '"spaz" can be hurtful to the people it describes.\nConsider "person with cerebral palsy", "twitch" or "flinch".');
    expect(f).toMatchObject({ severity: 'warning', kind: 'wording', message: '"spaz" can be hurtful to the people it describes.' });
    expect(f?.fix).toBe('Consider "person with cerebral palsy", "twitch" or "flinch".');
  });
});

describe('the slur list', () => {
  it('finds slurs with what to say instead, and leaves ordinary words alone', () => {
    expect(findSlurs('The midget and the spastic colon; an Oriental rug; he gypped me.').map((s) => s.found)).toEqual(['midget', 'spastic', 'gypped']);
    expect(findSlurs('A transgendered patient.')[0]!.say).toBe('"transgender"');
    expect(findSlurs('Gypsum, a dwarfed tree, transgender people, a stuttering start, an oriental carpet.')).toEqual([]);
  });
});

describe('edit distance', () => {
  it('counts insertions, deletions, substitutions and swaps as one edit each', () => {
    expect(editDistance('psychotheraphy', 'psychotherapy')).toBe(1);
    expect(editDistance('pyschiatry', 'psychiatry')).toBe(1);
    expect(editDistance('jail', 'jails')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('near-duplicate labels', () => {
  const existing = ['psychotherapy', 'jails', 'forensic psychiatry', 'duck', 'ECT'];
  it('finds slips of the keyboard and plurals', () => {
    expect(similarLabel('psychotheraphy', existing)).toBe('psychotherapy');
    expect(similarLabel('jail', existing)).toBe('jails');
    expect(similarLabel('forensic-psychiatry', existing)).toBeUndefined(); // same key: reported as a collision instead
    expect(similarLabel('forensic psychiatri', existing)).toBe('forensic psychiatry');
  });
  it('leaves short and different labels alone', () => {
    expect(similarLabel('dusk', existing)).toBeUndefined(); // 4 letters: one letter is a different word
    expect(similarLabel('EKG', existing)).toBeUndefined();
    expect(similarLabel('podcast', existing)).toBeUndefined();
  });
});

describe('reading the post', () => {
  const text = `---
title: "Anchors"
---
import Thing from './thing.astro';

## Side effects

Text with {1 + 1} an expression. {/* a note to self */}

## Side effects

<h3 id="custom-place">Custom</h3>

\`\`\`
code words are not counted
\`\`\`
`;
  const doc = parsePost(text);

  it('makes heading anchors exactly as the Markdown processor does (github-slugger, repeats numbered)', () => {
    expect([...anchorsOfTree(doc.tree)].sort()).toEqual(['custom-place', 'side-effects', 'side-effects-1']);
  });

  it('counts prose words only', () => {
    // "Side effects" twice, "Text with an expression." and "Custom".
    expect(bodyWords(doc.body)).toBe(9);
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(1150)).toBe(5);
  });

  it('blanks MDX code for Markdown tools without moving any line', () => {
    const masked = maskMdxCode(doc);
    expect(masked.split('\n')).toHaveLength(text.split('\n').length);
    expect(masked).not.toContain('import Thing');
    expect(masked).not.toContain('note to self');
    expect(masked).toContain('Text with');
    expect(masked.indexOf('## Side effects')).toBe(text.indexOf('## Side effects'));
  });

  it('gives frontmatter keys their file lines', () => {
    expect(doc.keyLines.get('title')).toBe(2);
  });
});
