import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { NewPostError, labelsByUse, parsePostDate, planNewPost, type NewPostRequest } from '../../../src/lib/tools/new-post';
import { postSchema } from '../../../src/lib/schemas';
import { parsePost } from '../../../src/lib/proofread/document';

const TZ = 'America/New_York';
const authors = [
  { id: 'clinkshrink', handle: 'ClinkShrink' },
  { id: 'dinah', handle: 'Dinah' },
  { id: 'roy', handle: 'Roy' },
];

const request = (over: Partial<NewPostRequest> = {}): NewPostRequest => ({
  title: 'Should Psychiatrists See Patients for Psychotherapy?',
  author: 'dinah',
  published: new Date('2008-11-29T11:47:00Z'),
  timeZone: TZ,
  authors,
  existingIds: new Set(),
  postsDir: 'content/posts',
  ...over,
});

const frontmatterOf = (text: string) => parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as Record<string, unknown>;

describe('planning a new post', () => {
  it('puts it at content/posts/YYYY/MM/slug.mdx with a Blogger-style slug', () => {
    const plan = planNewPost(request());
    expect(plan.file).toBe('content/posts/2008/11/should-psychiatrists-see-patients-for.mdx');
    expect(plan.path).toBe('/2008/11/should-psychiatrists-see-patients-for.html');
    expect(plan.id).toBe('2008/11/should-psychiatrists-see-patients-for');
  });

  it('makes slugs lowercase, short, without "the", and ASCII', () => {
    const slug = (title: string) => planNewPost(request({ title })).id.split('/')[2];
    expect(slug('The Duck Goes to a Conference')).toBe('duck-goes-to-conference');
    expect(slug('Café Conversations: Über-Clinicians & the DSM-5')).toBe('cafe-conversations-uber-clinicians-dsm-5');
    expect(slug("What's Wrong With Fifteen-Minute Med Checks, Really, in 2008?")!.length).toBeLessThanOrEqual(40);
  });

  it('never clashes with a post in the same month (Blogger’s _1, _2)', () => {
    const existingIds = new Set(['2008/11/ground-rules', '2008/11/ground-rules_1', '2008/10/new-rules']);
    expect(planNewPost(request({ title: 'Ground Rules', existingIds })).id).toBe('2008/11/ground-rules_2');
    // The same slug in another month is a different address.
    expect(planNewPost(request({ title: 'New Rules', existingIds })).id).toBe('2008/11/new-rules');
  });

  it('writes complete frontmatter that the site accepts', () => {
    const plan = planNewPost(request({ title: 'Dinah\'s "Quoted": A Title', labels: ['psychotherapy', 'Shrink Rap News', 'yes', 'Q&A'] }));
    const data = frontmatterOf(plan.text);
    expect(data).toEqual({
      title: 'Dinah\'s "Quoted": A Title',
      published: '2008-11-29T06:47:00-05:00',
      author: 'dinah',
      labels: ['psychotherapy', 'Shrink Rap News', 'yes', 'Q&A'],
      draft: true,
      proofreadBy: [],
    });
    const parsed = postSchema(z.string()).safeParse(data);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    // The title is quoted; the description is offered, switched off.
    expect(plan.text).toMatch(/^title: "/m);
    expect(plan.text).toMatch(/^# description: /m);
    // And the body is valid MDX (the note is an MDX comment, not text).
    const doc = parsePost(plan.text);
    expect(doc.mdxError).toBeUndefined();
    expect(plan.text).toContain(`http://localhost:4321${plan.path}`);
  });

  it('files the post under the New York month, not the UTC one', () => {
    // 02:30 UTC on 1 August is still 31 July in New York (EDT, -04:00).
    const summer = planNewPost(request({ title: 'Late Night', published: new Date('2018-08-01T02:30:00Z') }));
    expect(summer.id).toBe('2018/07/late-night');
    expect(frontmatterOf(summer.text).published).toBe('2018-07-31T22:30:00-04:00');
    // In winter the offset is -05:00: 04:59 UTC on 1 January is 23:59 on 31 December.
    const winter = planNewPost(request({ title: 'New Year', published: new Date('2019-01-01T04:59:00Z') }));
    expect(winter.id).toBe('2018/12/new-year');
    expect(frontmatterOf(winter.text).published).toBe('2018-12-31T23:59:00-05:00');
  });

  it('accepts an author by id or handle in any case, and refuses others with the list', () => {
    expect(planNewPost(request({ author: 'ClinkShrink' })).authorId).toBe('clinkshrink');
    expect(planNewPost(request({ author: 'ROY' })).authorId).toBe('roy');
    expect(() => planNewPost(request({ author: 'bob' }))).toThrow(
      new NewPostError('"bob" is not one of the blog\'s authors. Use --author with one of: clinkshrink (ClinkShrink), dinah (Dinah), roy (Roy).'),
    );
    expect(() => planNewPost(request({ author: '' }))).toThrow(/Say who is writing/);
  });

  it('refuses an empty title and labels that would break their address', () => {
    expect(() => planNewPost(request({ title: '   ' }))).toThrow(NewPostError);
    expect(() => planNewPost(request({ labels: ['drugs/pharma'] }))).toThrow(/cannot be used/);
  });
});

describe('--date', () => {
  it('reads New York wall-clock times, and full ISO dates as given', () => {
    expect(parsePostDate('2026-12-01T09:30', TZ).toISOString()).toBe('2026-12-01T14:30:00.000Z');
    expect(parsePostDate('2026-07-01', TZ).toISOString()).toBe('2026-07-01T13:00:00.000Z'); // 9 AM EDT
    expect(parsePostDate('2026-03-08T03:30', TZ).toISOString()).toBe('2026-03-08T07:30:00.000Z'); // just after the spring change
    expect(parsePostDate('2026-12-01T09:30:00+01:00', TZ).toISOString()).toBe('2026-12-01T08:30:00.000Z');
  });

  it('refuses what is not a date', () => {
    expect(() => parsePostDate('next tuesday', TZ)).toThrow(/is not a date/);
    expect(() => parsePostDate('2026-02-30', TZ)).toThrow(/not a real date/);
  });
});

describe('labels to choose from', () => {
  it('lists the most used first, then alphabetically', () => {
    const list = labelsByUse(new Map([['jails', 3], ['duck', 1], ['psychotherapy', 3], ['Books', 1]]));
    expect(list.map((l) => l.label)).toEqual(['jails', 'psychotherapy', 'Books', 'duck']);
  });
});
