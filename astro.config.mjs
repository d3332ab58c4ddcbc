// @ts-check
import { defineConfig, fontProviders } from 'astro/config';
import { resolve } from 'node:path';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind.ts';
import contentCheck from './src/integrations/content-check.ts';
import editor from './src/integrations/editor.ts';
import redirectsCheck from './src/integrations/redirects-check.ts';
import buildCache from './src/integrations/build-cache.ts';
import { buildSettings } from './src/lib/build-settings.ts';
import { builtUrl, sitemapExclusions } from './src/lib/site/sitemap.ts';
import { VIDEO_PLAYER_ORIGINS } from './src/lib/site/video.ts';

// Everything that varies between builds (content folder, base path, drafts, clock)
// comes from the environment and is validated in one place.
const settings = buildSettings(process.env);
const excludeFromSitemap = sitemapExclusions(settings.contentDir, settings.base);
// Cache validity and output pruning (src/integrations/build-cache.ts): first and last.
const cache = buildCache();


export default defineConfig({
  site: settings.site,
  base: settings.base,
  outDir: settings.outDir,
  cacheDir: settings.cacheDir,
  // `/2008/11/slug.html` for posts, `/2008/11/` for archives: Blogger's URL shapes.
  build: { format: 'preserve' },
  // Pages whose `cacheKey` (src/data/cache-keys.ts) and templates are unchanged since the
  // last build are copied from cacheDir instead of rendered (docs/PERFORMANCE.md).
  // build.concurrency must stay 1 for this.
  experimental: { incrementalBuild: true },
  // dist/ is kept between builds: a page Astro skips stays where it is instead of being copied
  // back from cacheDir; build-cache removes what a build no longer produces.
  vite: { build: { emptyOutDir: false } },
  trailingSlash: 'ignore',
  // No syntax highlighting: the posts have no code blocks (an imported <pre> stays a plain
  // <pre><code>), and Shiki's inline colours would break the Content-Security-Policy below
  // (Astro warns about exactly that on every start).
  markdown: { syntaxHighlight: false },
  // The default Markdown processor (Sätteri) has GFM built in and is ~13x faster than
  // unified()+remark-gfm (see README, "Markdown processor").
  integrations: [
    // Drops what Astro's caches hold but can no longer prove valid, before the content sync.
    cache.start,
    // Refuses content the site cannot build correctly, naming the files, before anything is read.
    contentCheck(settings.contentDir),
    mdx(), sitemap({
      filter: (page) => !excludeFromSitemap(new URL(page).pathname),
      serialize: (item) => ({ ...item, url: builtUrl(item.url, resolve(settings.outDir), settings.base) }),
    }),
    // Indexes the built site for /search/ (and serves the last index in `astro dev`).
    pagefind(), editor(),
    // Once everything is written: removes what the build no longer produces from dist/ (a
    // renamed post's old page), so the check below sees only this build's output.
    cache.prune,
    // Drops any _redirects rule whose source is a page the site built: its own page wins.
    redirectsCheck(),
    // Last: records the build's key and unmarks it "in progress".
    cache.finish],
  // Content-Security-Policy as a <meta> on every page: Astro adds the hashes of the
  // page's inline scripts and styles, so no 'unsafe-inline'. Pagefind compiles its
  // WebAssembly ('wasm-unsafe-eval') and fetches its index from this origin. Directives
  // a <meta> cannot carry (frame-ancestors) are sent as headers: public/_headers.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        // Click-to-load video players (src/lib/site/video.ts): only after the reader presses play.
        `frame-src 'self' ${VIDEO_PLAYER_ORIGINS.join(' ')}`,
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  fonts: [
    {
      provider: fontProviders.local(),
      name: 'Atkinson Hyperlegible',
      cssVariable: '--font-body',
      fallbacks: ['system-ui', 'sans-serif'],
      options: {
        variants: [
          { src: ['./node_modules/@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-normal.woff2'], weight: 400, style: 'normal' },
          { src: ['./node_modules/@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-700-normal.woff2'], weight: 700, style: 'normal' },
          { src: ['./node_modules/@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-italic.woff2'], weight: 400, style: 'italic' },
        ],
      },
    },
  ],
});
