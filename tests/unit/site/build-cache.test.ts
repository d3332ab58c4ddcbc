import { describe, expect, it } from 'vitest';
import { distrust, settingsKey, stale } from '../../../src/lib/site/build-cache';
import type { BuildSettings } from '../../../src/lib/build-settings';

const settings: BuildSettings = {
  site: 'https://www.shrinkrap.net',
  base: '/',
  contentDir: './content',
  outDir: './dist',
  cacheDir: './node_modules/.astro',
  includeDrafts: false,
  cutoff: '2026-06-01T00:00:00.000Z',
};
const config = { title: 'Shrink Rap', timeZone: 'America/New_York' };

describe('build key: settings', () => {
  it('takes every setting and every site-config field, not the folders', () => {
    const key = settingsKey({ ...settings, editUrl: 'https://example.org/edit/main/' }, config, true);
    expect(Object.keys(key).sort()).toEqual(['base', 'cutoff', 'editUrl', 'includeDrafts', 'site', 'siteConfig.timeZone', 'siteConfig.title']);
    expect(settingsKey({ ...settings, outDir: './elsewhere' }, config, true)).toEqual(settingsKey(settings, config, true));
  });

  it('leaves the clock out when it is not pinned (it is "now" on every build)', () => {
    expect(settingsKey(settings, config, false)).not.toHaveProperty('cutoff');
    expect(settingsKey({ ...settings, cutoff: '2030-01-01T00:00:00.000Z' }, config, false)).toEqual(settingsKey(settings, config, false));
  });
});

describe('distrust', () => {
  const key = { code: 'c1', settings: settingsKey(settings, config, true) };

  it('trusts a finished build with the same key, and a first build has nothing to distrust', () => {
    expect(distrust(key, key, false)).toEqual([]);
    expect(distrust(undefined, key, false)).toEqual([]);
  });

  it('names each reason: an unfinished build, the code, the settings that changed', () => {
    const next = { code: 'c2', settings: settingsKey(settings, { ...config, timeZone: 'Asia/Tokyo' }, true) };
    expect(distrust(key, next, true)).toEqual(['the last build did not finish', 'the code changed', 'settings changed (siteConfig.timeZone)']);
    expect(distrust(undefined, key, true)).toEqual(['the last build did not finish']);
  });
});

describe('stale output files', () => {
  const start = 1_000_000;
  it('removes what this build neither wrote nor kept as a page', () => {
    const files = [
      { path: '2008/11/kept.html', ctimeMs: start - 60_000 },
      { path: '2008/11/deleted.html', ctimeMs: start - 60_000 },
      { path: '_astro/old.css', ctimeMs: start - 60_000 },
      { path: '_astro/new.css', ctimeMs: start + 5_000 },
      { path: 'robots.txt', ctimeMs: start + 6_000 },
    ];
    expect(stale(files, start, new Set(['2008/11/kept.html']))).toEqual(['2008/11/deleted.html', '_astro/old.css']);
  });
});
