import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRedirects, shadowedRuleMessage, shadowedRules, withoutRules } from '../lib/site/redirects-check';

/**
 * At the end of `astro build`: every `_redirects` rule whose source is a file the site
 * built is dropped, with a warning naming it (src/lib/site/redirects-check.ts). Dropped
 * rather than failing the build: the rule comes from an old address in imported data,
 * the page that wins is the one readers of that address expect (the home page for
 * `/index.html`), and nothing that worked before is lost.
 */
export default function redirectsCheck(): AstroIntegration {
  let base = '/';
  return {
    name: 'shrinkrap:redirects-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const file = join(out, '_redirects');
        if (!existsSync(file)) return;
        const text = readFileSync(file, 'utf8');
        const built = (rel: string) => {
          const path = join(out, rel);
          return existsSync(path) && statSync(path).isFile();
        };
        const shadowed = shadowedRules(parseRedirects(text), built, base);
        if (!shadowed.length) return;
        for (const s of shadowed) logger.warn(shadowedRuleMessage(s));
        writeFileSync(file, withoutRules(text, shadowed.map((s) => s.rule)));
      },
    },
  };
}
