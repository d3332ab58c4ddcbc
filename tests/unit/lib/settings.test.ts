import { describe, expect, it } from 'vitest';
import { buildSettings } from '../../../src/lib/build-settings';
import { isVisible, visibility } from '../../../src/lib/publishing';
import { bloggerSlug, uniqueSlug } from '../../../src/lib/slug';

describe('build settings', () => {
  it('defaults to the production site', () => {
    const s = buildSettings({}, { now: new Date('2026-01-01T00:00:00Z') });
    expect(s).toMatchObject({ base: '/', contentDir: './content', includeDrafts: false, cutoff: '2026-01-01T00:00:00.000Z' });
  });

  it('takes an injected clock and a base path', () => {
    const s = buildSettings({ SHRINKRAP_NOW: '2030-02-01T00:00:00-05:00', BASE_PATH: '/pr-42/' });
    expect(s.cutoff).toBe('2030-02-01T05:00:00.000Z');
    expect(s.base).toBe('/pr-42/');
  });

  it('fails loudly on a bad value, naming the variable and the fix', () => {
    expect(() => buildSettings({ BASE_PATH: 'pr-42' })).toThrow(/BASE_PATH must start and end with "\/"/);
    expect(() => buildSettings({ SHRINKRAP_NOW: 'tomorrow' })).toThrow(/SHRINKRAP_NOW must be an ISO date-time/);
  });

  it('includes drafts in dev and in draft previews', () => {
    expect(buildSettings({}, { dev: true }).includeDrafts).toBe(true);
    expect(buildSettings({ SHRINKRAP_DRAFTS: '1' }).includeDrafts).toBe(true);
  });
});

describe('publishing cutoff', () => {
  const cutoff = new Date('2026-06-01T00:00:00Z');
  it('hides drafts and scheduled posts from production', () => {
    expect(visibility({ draft: true, published: new Date('2010-01-01') }, cutoff)).toBe('draft');
    expect(visibility({ draft: false, published: new Date('2030-01-15') }, cutoff)).toBe('scheduled');
    expect(visibility({ draft: false, published: new Date('2026-06-01T00:00:00Z') }, cutoff)).toBe('public');
    expect(isVisible({ draft: true, published: new Date('2010-01-01') }, { cutoff, includeDrafts: true })).toBe(true);
    expect(isVisible({ draft: false, published: new Date('2030-01-15') }, { cutoff, includeDrafts: false })).toBe(false);
  });
});

describe('Blogger slugs', () => {
  it('lowercases, drops "the", and cuts near 40 characters on a word', () => {
    expect(bloggerSlug('Should Psychiatrists See Patients for Psychotherapy?')).toBe('should-psychiatrists-see-patients-for');
    expect(bloggerSlug('Ground Rules: What this Blog is About')).toBe('ground-rules-what-this-blog-is-about');
    expect(bloggerSlug('The Duck Returns')).toBe('duck-returns');
    expect(bloggerSlug('Café au lait, Naïvely')).toBe('cafe-au-lait-naively');
    expect(bloggerSlug("Don't Panic")).toBe('dont-panic');
  });
  it('adds a clash suffix', () => {
    const taken = new Set(['x', 'x_1']);
    expect(uniqueSlug('x', (s) => taken.has(s))).toBe('x_2');
    expect(uniqueSlug('y', (s) => taken.has(s))).toBe('y');
  });
});
