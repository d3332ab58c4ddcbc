import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { foldInvisible, foldKey, trimInvisible } from '../../../src/lib/fold';
import { buildLabelIndex, labelAddress, labelKey, postLabels } from '../../../src/lib/labels';
import { buildSeries, seriesKey } from '../../../src/lib/site/series';
import { postSchema } from '../../../src/lib/schemas';
import { bloggerSlug } from '../../../src/lib/slug';
import { labelFeedPath, labelPath } from '../../../src/lib/urls';

/** Invisible characters, NFC/NFD and space runs never make two labels, series or slugs that look the same (issue 23). */

const ZWJ = '\u200d';
const ZWNJ = '\u200c';
const ZWSP = '\u200b';
const BOM = '\ufeff';
const NFD_CAFE = 'cafe\u0301';

describe('the folding rule', () => {
  it('drops zero-width characters (ZWJ, ZWNJ, ZWSP, BOM, soft hyphen), composes accents and folds space runs', () => {
    expect(foldInvisible(`ca${ZWJ}fe`)).toBe('cafe');
    expect(foldInvisible(`${BOM}ca${ZWNJ}f${ZWSP}e\u00ad${ZWSP}`)).toBe('cafe');
    expect(foldInvisible(NFD_CAFE)).toBe('café');
    expect(foldInvisible(' day \t in\u00a0 the   jail ')).toBe('day in the jail');
  });
  it('trims only the ends for what is shown: the author spelling inside stays', () => {
    expect(trimInvisible(`${ZWSP} ca${ZWNJ}fe ${ZWSP}${BOM}`)).toBe(`ca${ZWNJ}fe`);
  });
  it('labels and series share one rule', () => {
    expect(labelKey).toBe(foldKey);
    expect(seriesKey).toBe(foldKey);
    for (const s of [`ca${ZWJ}fe`, 'Café', NFD_CAFE, 'CAFE ', `cafe${ZWSP}`]) expect(foldKey(s)).toBe('cafe');
  });
});

describe('labels', () => {
  it('"cafe" and "ca\\u200dfe" are one label with one page, shown as the visible spelling', () => {
    const index = buildLabelIndex([
      { file: 'a.md', labels: [`ca${ZWJ}fe`] },
      { file: 'b.md', labels: ['cafe'] },
      { file: 'c.md', labels: [`ca${ZWJ}fe`] },
    ]);
    expect(index.labels.map((l) => [l.label, l.count])).toEqual([['cafe', 3]]);
    expect(postLabels([`ca${ZWJ}fe`], index.canonical)).toEqual(['cafe']);
  });
  it('NFD and NFC spellings are one label', () => {
    const index = buildLabelIndex([{ file: 'a.md', labels: [NFD_CAFE] }, { file: 'b.md', labels: ['café'] }]);
    expect(index.labels.map((l) => l.label)).toEqual(['café']);
  });
  it('a label whose every spelling has an invisible character keeps the most used one for display, and its address has none', () => {
    const index = buildLabelIndex([
      { file: 'a.md', labels: [`ca${ZWNJ}fe`] },
      { file: 'b.md', labels: [`ca${ZWNJ}fe`] },
      { file: 'c.md', labels: [`c${ZWSP}afe`] },
    ]);
    expect(index.labels.map((l) => l.label)).toEqual([`ca${ZWNJ}fe`]);
    expect(labelPath(index.labels[0]!.label)).toBe('/search/label/cafe');
    expect(labelFeedPath(index.labels[0]!.label)).toBe('/feeds/labels/cafe.xml');
    expect(labelAddress(`ca${ZWNJ}fe`)).toBe('cafe');
  });
  it('visible differences still collide by name ("Cafe" vs "ca\\u200dfe")', () => {
    expect(() => buildLabelIndex([{ file: 'a.md', labels: ['Cafe'] }, { file: 'b.md', labels: [`ca${ZWJ}fe`] }])).toThrow(/would share one address/);
  });
  it('the schema drops a trailing zero-width space and refuses a label of invisible characters only', () => {
    const schema = postSchema(z.string());
    const base = { title: 'T', published: '2008-11-29', author: 'dinah' };
    expect(schema.parse({ ...base, labels: [`cafe${ZWSP}`, ` ${BOM}jails`] }).labels).toEqual(['cafe', 'jails']);
    const bad = schema.safeParse({ ...base, labels: [`${ZWSP}${ZWJ}`] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('labels cannot be empty');
  });
});

describe('titles and series', () => {
  it('a title with invisible characters makes the slug of the visible title', () => {
    expect(bloggerSlug(`Ca${ZWJ}fe Days${ZWSP}`)).toBe('cafe-days');
    expect(bloggerSlug(`${BOM}Café Days`)).toBe(bloggerSlug('Cafe\u0301 Days'));
  });
  it('the schema trims invisible characters around a title and a series name', () => {
    const data = postSchema(z.string()).parse({ title: `${ZWSP}Jail ${ZWJ}`, published: '2008-11-29', author: 'dinah', series: `A Day${ZWSP}` });
    expect(data.title).toBe('Jail');
    expect(data.series).toBe('A Day');
  });
  it('series names that differ only invisibly are one series', () => {
    const places = buildSeries([
      { id: 'a', title: 'A', published: new Date('2010-01-01'), series: 'Jail Clinic' },
      { id: 'b', title: 'B', published: new Date('2010-02-01'), series: `Jail${ZWNJ} Clinic${ZWSP}` },
    ]);
    expect(places.get('b')).toMatchObject({ name: 'Jail Clinic', part: 2 });
  });
});
