import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { proofreadPost, type Engines } from '../../../src/lib/proofread/proofread';
import { checkSpelling } from '../../../src/lib/proofread/spelling';
import { checkWording } from '../../../src/lib/proofread/wording';
import { fixture, ofKind, ROOT } from './helpers';
import type { Finding, PostReport } from '../../../src/lib/proofread/types';

/**
 * Spelling (cspell) and wording (write-good and the blog's lists) with the project's real configuration.
 * They take about a second a post, so each fixture is proofread once and shared.
 */

const engines: Engines = {
  spelling: (text, post) => checkSpelling(text, join(ROOT, post.file), { configFile: join(ROOT, 'cspell.config.yaml') }),
  wording: (text, post) => checkWording(text, join(ROOT, post.file)),
};

async function proofreadFixture(name: string): Promise<PostReport> {
  const { post, ctx } = fixture(name);
  return proofreadPost(post, ctx, engines);
}

/** A made-up post in the fixture blog, for text the fixtures do not have. */
async function proofreadText(body: string): Promise<Finding[]> {
  const { post, ctx } = fixture('2018/07/what-akathisia-feels-like.mdx');
  const text = post.text.replace(/\n---\n[\s\S]*$/, `\n---\n\n${body}\n`);
  return (await proofreadPost({ ...post, text }, ctx, engines)).findings;
}

let clean: PostReport;
let wrong: PostReport;
let vocabulary: Finding[];
let mdxCode: Finding[];
let quotation: Finding[];

beforeAll(async () => {
  clean = await proofreadFixture('2018/07/what-akathisia-feels-like.mdx');
  wrong = await proofreadFixture('2018/07/everything-wrong.mdx');
  vocabulary = await proofreadText(
    'ClinkShrink and Dinah discussed Tarasoff, NGRI and akathisia on Shrink Rap (shrinkrap.net): ' +
      'vortioxetine, lurasidone, Seroquel, Latuda, clozapine, anhedonia, telepsychiatry, benzos and the QTc.',
  );
  mdxCode = await proofreadText(
    "import Callout from '../../../../../../src/components/PostArticle.astro';\n\n" +
      '{/* It is a mispeled wrd in a note to self */}\n\nPatients ask about side effects.',
  );
  quotation = await proofreadText(
    'The paper said:\n\n> The inmate committed suicide in his cell.\n\nWe wrote to the editor, who also printed the word midget.',
  );
}, 120_000);

describe('spelling', () => {
  it('flags misspellings with suggestions, once per word', () => {
    const spelling = ofKind(wrong.findings, 'spelling');
    expect(spelling.map((f) => [f.severity, f.line, f.message])).toEqual([['warning', 10, '"nieghbor" is not in the dictionary.']]);
    expect(spelling[0]!.fix).toContain('Did you mean "neighbor"');
  });

  it('accepts the blog’s vocabulary: people, drugs, brands, law, psychiatry', () => {
    expect(ofKind(vocabulary, 'spelling')).toEqual([]);
  });

  it('does not check MDX code, only prose', () => {
    expect(ofKind(mdxCode, 'spelling')).toEqual([]);
    expect(ofKind(mdxCode, 'style')).toEqual([]);
  });
});

describe('wording', () => {
  it('warns about stigmatising terms with the person-first alternative, once per place', () => {
    const wording = ofKind(wrong.findings, 'wording').filter((f) => !f.message.startsWith('In the title'));
    expect(wording.map((f) => [f.severity, f.line, f.message.split(' can ')[0], f.fix])).toEqual([
      ['warning', 10, '"committed suicide"', 'Instead: "died by suicide".'],
      ['warning', 10, '"schizophrenics"', 'Instead: "people with schizophrenia".'],
      ['warning', 11, '"crazy"', 'Instead: say what you mean: "chaotic", "absurd", "unbelievable", "wild" or "frightening".'],
      ['warning', 11, '"suffers from"', 'Instead: "has".'],
    ]);
  });

  it('gives passive voice as a hint', () => {
    const passive = wrong.findings.filter((f) => f.message === '"was treated" is passive.');
    expect(passive.map((f) => [f.severity, f.line])).toEqual([['hint', 11]]);
  });

  it('leaves quotations alone, and uses the slur list outside them', () => {
    const wording = ofKind(quotation, 'wording');
    expect(wording.map((f) => [f.line, f.message])).toEqual([[15, '"midget" can be hurtful to the people it describes.']]);
    expect(wording[0]!.fix).toContain('"person with dwarfism"');
  });
});

describe('the whole sheet', () => {
  it('passes the clean draft with nothing at all to say', () => {
    expect(clean.findings).toEqual([]);
  });

  it('says a misspelt label once, as a label problem', () => {
    const about = wrong.findings.filter((f) => f.message.includes('psychotheraphy'));
    expect(about.map((f) => f.kind)).toEqual(['labels']);
  });
});
