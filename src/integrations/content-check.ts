import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { contentWarnings, describeContentProblems } from '../lib/content-files';
import { contentBuildProblems } from '../lib/tools/content-check';

/**
 * Stops `astro build` before the content layer reads anything when the content folder
 * has files the site cannot build correctly (src/lib/tools/content-check.ts). In `astro dev`
 * the same problems are logged, so a half-typed post does not stop the server.
 */
export default function contentCheck(contentDir: string): AstroIntegration {
  return {
    name: 'shrinkrap:content-check',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        const report = describeContentProblems(contentBuildProblems(contentDir, fileURLToPath(config.publicDir)), contentDir);
        if (report) {
          if (command === 'build') throw new Error(report);
          logger.error(report);
          return;
        }
        for (const warning of contentWarnings(contentDir)) logger.warn(warning);
      },
    },
  };
}
