import { describe, expect, it } from 'vitest';
import { structuralReport } from '../../../src/lib/proofread/proofread';
import { bySeverity, fixture, ofKind } from './helpers';
import type { Finding } from '../../../src/lib/proofread/types';

/** The checks that need no dictionary, on the fixture drafts. Fast: no cspell, no wording engine. */

const report = (name: string) => {
  const { post, ctx } = fixture(name);
  return structuralReport(post, ctx);
};

const messages = (fs: readonly Finding[]) => fs.map((f) => `${f.severity} L${f.line ?? '-'} ${f.message} | ${f.fix ?? ''}`);

describe('a clean draft', () => {
  const r = report('2018/07/what-akathisia-feels-like.mdx');

  it('has nothing to fix', () => {
    expect(messages(r.findings)).toEqual([]);
  });

  it('reports the facts of the header', () => {
    expect(r.title).toBe('What Akathisia Feels Like');
    expect(r.postId).toBe('2018/07/what-akathisia-feels-like');
    expect(r.authorHandle).toBe('Dinah');
    expect(r.proofreadBy).toEqual(['Roy']);
    expect(r.draft).toBe(true);
    // Prose only: the frontmatter, link addresses and image file are not words.
    expect(r.words).toBeGreaterThan(70);
    expect(r.words).toBeLessThan(100);
    expect(r.readingMinutes).toBe(1);
  });
});

describe('a draft with every kind of problem', () => {
  const r = report('2018/07/everything-wrong.mdx');
  const f = r.findings;

  it('finds an unknown author and an unknown proofreader, and suggests the likely one', () => {
    const authors = ofKind(f, 'author').filter((x) => x.severity === 'error');
    expect(authors.map((x) => x.line)).toEqual([4, 7]);
    expect(authors[0]!.message).toContain('"bob"');
    expect(authors[0]!.fix).toContain('dinah (Dinah)');
    expect(authors[1]!.message).toContain('"ray"');
    expect(authors[1]!.fix).toContain('Did you mean roy?');
  });

  it('finds a near-duplicate label and a label that differs only in capitals', () => {
    const labels = ofKind(f, 'labels');
    const near = labels.find((x) => x.message.includes('psychotheraphy'))!;
    expect(near.severity).toBe('warning');
    expect(near.message).toContain('"psychotherapy"');
    const caps = labels.find((x) => x.message.includes('"Jails"'))!;
    expect(caps.severity).toBe('error');
    expect(caps.fix).toBe('Write "jails".');
    // "medications" exists on another post: no finding for it.
    expect(labels.some((x) => x.message.includes('medications'))).toBe(false);
  });

  it('finds broken internal links and anchors, with the likely target', () => {
    const links = ofKind(f, 'links');
    const post = links.find((x) => x.message.includes('medication-side-efects'))!;
    expect(post.severity).toBe('error');
    expect(post.fix).toBe('Did you mean /2018/06/medication-side-effects.html?');
    const anchor = links.find((x) => x.message.includes('#akathisa'))!;
    expect(anchor.severity).toBe('error');
    expect(anchor.fix).toBe('Did you mean #akathisia?');
    const label = links.find((x) => x.message.includes('/search/label/prisons'))!;
    expect(label.severity).toBe('error');
    const own = links.find((x) => x.message.includes('(#summary)'))!;
    expect(own.severity).toBe('error');
    const draft = links.find((x) => x.message.includes('unfinished-thoughts'))!;
    expect(draft.severity).toBe('warning');
    expect(links.every((x) => x.line !== undefined)).toBe(true);
  });

  it('finds images without alt text, alt text that is a file name, and missing files', () => {
    const images = ofKind(f, 'images');
    const noAlt = images.filter((x) => x.message.includes('no description'));
    expect(noAlt.map((x) => [x.severity, x.line])).toEqual([
      ['error', 15],
      ['error', 19],
    ]);
    expect(images.find((x) => x.message.includes('"IMG_1234.jpg"'))?.severity).toBe('warning');
    const missing = images.filter((x) => x.message.includes('cannot be found')).map((x) => x.line);
    expect(missing).toEqual([17, 19]);
  });

  it('finds the missing description, the capitals title and stigmatising words in it', () => {
    expect(ofKind(f, 'description').map((x) => x.severity)).toEqual(['warning']);
    const title = ofKind(f, 'title');
    expect(title).toHaveLength(1);
    expect(title[0]!.fix).toContain('"My Patients and the Mentally Ill"');
    const inTitle = ofKind(f, 'wording').filter((x) => x.message.startsWith('In the title'));
    expect(inTitle[0]!.fix).toBe('Instead: "people with mental illness".');
  });

  it('finds a folder that does not match the date, and a note left in the text', () => {
    const folder = ofKind(f, 'address').find((x) => x.message.includes('folder'))!;
    expect(folder.severity).toBe('warning');
    expect(folder.message).toContain('July 2018 folder, but the date says August 2018');
    const todo = ofKind(f, 'style').find((x) => x.message.includes('TODO'))!;
    expect(todo.severity).toBe('warning');
    expect(todo.line).toBe(23);
  });

  it('suggests the Blogger-style address for a draft whose title changed', () => {
    const hint = ofKind(f, 'address').find((x) => x.severity === 'hint')!;
    expect(hint.fix).toContain('my-patients-and-mentally-ill.mdx');
  });

  it('lists errors first, then warnings, then hints, each by line', () => {
    const order = f.map((x) => ['error', 'warning', 'hint'].indexOf(x.severity));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const errorLines = bySeverity(f, 'error').map((x) => x.line ?? 0);
    expect(errorLines).toEqual([...errorLines].sort((a, b) => a - b));
  });
});

describe('problems that stop other checks', () => {
  it('explains invalid frontmatter in plain words, with the fix', () => {
    const r = report('2018/07/no-title.mdx');
    const errors = bySeverity(r.findings, 'error');
    expect(messages(errors)).toEqual([
      'error L- "title" is missing. | Add a line like title: "Should Psychiatrists See Patients for Psychotherapy?".',
      'error L5 The top block has a field the blog does not use: "tags". | Rename "tags" to "labels". The fields are: title, published, updated, author, labels, draft, description, legacy, proofreadBy, series.',
      'error L6 Draft must be true or false. | Example: draft: true (or false when it is ready to publish).',
    ]);
    // A date without a time is valid (a post restored from its date alone) but worth a word.
    expect(messages(bySeverity(r.findings, 'warning')).filter((m) => m.includes('"published"'))).toEqual([
      'warning L2 "published" has a date but no time of day (it is "2018-07-20"), so the post will say "Posted by …" without "at …". | Keep it only for a post whose time is unknown; otherwise write published: "2018-07-20T09:00:00-04:00" (9 AM New York time), or another time.',
    ]);
    expect(r.title).toBeUndefined();
  });

  it('reports a YAML mistake with its line and nothing that only follows from it', () => {
    const r = report('2018/07/broken-yaml.mdx');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ severity: 'error', kind: 'frontmatter', line: 2 });
    expect(r.findings[0]!.message).toContain('cannot be read');
  });

  it('reports text that MDX cannot read, with its line', () => {
    const r = report('2018/07/mdx-syntax.mdx');
    const mdx = ofKind(r.findings, 'mdx');
    expect(mdx).toHaveLength(1);
    expect(mdx[0]).toMatchObject({ severity: 'error', line: 11 });
    expect(mdx[0]!.fix).toContain('\\{');
  });

  it('refuses a file that is not at a post address and proposes one', () => {
    const r = report('2018/7/Bad_Slug.mdx');
    const address = ofKind(r.findings, 'address');
    expect(address).toHaveLength(1);
    expect(address[0]!.severity).toBe('error');
    expect(address[0]!.fix).toMatch(/posts\/2018\/07\/duty-to-warn-in-maryland\.mdx\.$/);
  });
});

describe('posts already published', () => {
  it('accept a folder month that differs from the date (a Blogger quirk) with only a hint', () => {
    const { post, ctx } = fixture('2018/06/jail-intake.mdx');
    const moved = { ...post, text: post.text.replace('2018-06-15T20:00:00-04:00', '2018-05-31T20:00:00-04:00') };
    const r = structuralReport(moved, ctx);
    const folder = ofKind(r.findings, 'address');
    expect(folder.map((x) => x.severity)).toEqual(['hint']);
  });

  it('never suggest renaming a published slug as a must', () => {
    const { post, ctx } = fixture('2018/06/jail-intake.mdx');
    const r = structuralReport({ ...post, file: post.file.replace('jail-intake', 'jail-intake-on-a-very-busy-saturday-night-in-july'), postId: '2018/06/jail-intake-on-a-very-busy-saturday-night-in-july' }, ctx);
    expect(ofKind(r.findings, 'address').map((x) => x.severity)).toEqual(['hint']);
  });
});

describe('internal links', () => {
  const linksIn = (body: string) => {
    const { post, ctx } = fixture('2018/07/what-akathisia-feels-like.mdx');
    const text = post.text.replace(/\n---\n[\s\S]*$/, `\n---\n\n${body}\n`);
    return ofKind(structuralReport({ ...post, text }, ctx).findings, 'links');
  };

  it('accepts every kind of address the site has', () => {
    const ok = [
      '[home](/)',
      '[labels](/labels/)',
      '[June](/2018/06/)',
      '[old June](/2018_06_01_archive.html)',
      '[2018](/2018/)',
      '[Roy](/authors/roy/)',
      '[label](/search/label/correctional%20psychiatry)',
      '[feed](/feeds/posts/default)',
      '[comment](/2018/06/medication-side-effects.html?showComment=1#c1143037752240118350)',
      '[mail](mailto:someone)',
      '[other site](https://www.nami.org/)',
    ];
    expect(linksIn(ok.join('\n\n'))).toEqual([]);
  });

  it('rejects addresses the site does not have', () => {
    const bad = linksIn('[a](/2017/01/)\n\n[b](/authors/freud/)\n\n[c](/nowhere.html)\n\n[d](/p/contact.html)\n\n[e][missing]');
    expect(bad.map((f) => [f.severity, f.line])).toEqual([
      ['error', 11],
      ['error', 13],
      ['error', 15],
      ['error', 17],
      ['error', 19],
    ]);
    expect(bad[4]!.message).toContain('[missing] has no address');
  });

  it('suggests a relative address for links to the blog’s own full address', () => {
    const old = linksIn('[old](http://psychiatrist-blog.blogspot.com/2018/06/jail-intake.html)');
    expect(old.map((f) => [f.severity, f.fix])).toEqual([['hint', 'Write it as /2018/06/jail-intake.html so it also works in previews.']]);
    const broken = linksIn('[old](https://www.shrinkrap.net/2018/06/jail-intak.html)');
    expect(broken.map((f) => f.severity)).toEqual(['error']);
  });
});
