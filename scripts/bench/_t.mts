import { buildSearchIndex } from '../../src/integrations/pagefind';
import { recordCodeDigest } from '../../src/lib/search/record-cache';
const a = performance.now();
await buildSearchIndex({ contentDir: '/tmp/speed-bench/content', timeZone: 'America/New_York', cutoff: new Date('2026-06-01T12:00:00Z'), includeDrafts: false,
  siteDir: '/tmp/speed-scratch/site', cacheDir: '/tmp/speed-scratch/cache', pagefindVersion: '1.6.0', recordCode: await recordCodeDigest(process.cwd()) }, { info: console.log });
console.log('total', ((performance.now() - a)/1000).toFixed(1));
