import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { postSchema } from '../../../src/lib/schemas';
import { zonedNoon } from '../../../src/lib/dates';
import { siteConfig, siteConfigSchema } from '../../../src/site.config';

const schema = postSchema(z.string());
const post = (published: unknown) => ({ title: 'T', published, author: 'dinah' });

describe('a post whose time of day is unknown', () => {
  it('accepts a date alone, standing at noon in the blog zone, and says the time is unknown', () => {
    const parsed = schema.parse(post('2008-11-29'));
    expect(parsed.timeOfDayKnown).toBe(false);
    expect(parsed.published.toISOString()).toBe('2008-11-29T17:00:00.000Z');
    expect(schema.parse(post('2008-07-04')).published.toISOString()).toBe('2008-07-04T16:00:00.000Z'); // daylight time
  });

  it('keeps a full date-time as it was, time known', () => {
    const parsed = schema.parse(post('2008-11-29T06:47:00-05:00'));
    expect(parsed.timeOfDayKnown).toBe(true);
    expect(parsed.published.toISOString()).toBe('2008-11-29T11:47:00.000Z');
  });

  it('still refuses a time without an offset, naming both accepted forms', () => {
    const r = schema.safeParse(post('2008-11-29T06:47'));
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toMatch(/time-zone offset.*or, when the time of day is unknown, the date alone/);
  });

  it('noon is noon on that calendar day in any zone', () => {
    expect(zonedNoon('2008-11-29', 'Pacific/Auckland').toISOString()).toBe('2008-11-28T23:00:00.000Z');
  });
});

describe('the sidebar configuration', () => {
  it('is validated: a book names its post by id', () => {
    const bad = structuredClone(siteConfig);
    bad.sidebar.books[0]!.post = '/2011/04/shrink-rap-news-book-has-cover.html';
    const r = siteConfigSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path.join('.')).toBe('sidebar.books.0.post');
    expect(r.error!.issues[0]!.message).toMatch(/path under content\/posts/);
  });

  it('the shipped configuration is valid', () => {
    expect(siteConfigSchema.safeParse(siteConfig).success).toBe(true);
  });
});
