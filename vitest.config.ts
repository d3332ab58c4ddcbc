import { defineConfig } from 'vitest/config';

/**
 * Three kinds of test, one command (`npm test`):
 *  - unit: pure logic in src/lib and scripts, no build;
 *  - build: the sample site built once (tests/global-build.ts) and checked in dist/;
 *  - browser: real Chromium against the built site (skipped with instructions when
 *    Chromium is absent, except in CI where it must be present).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/global-build.ts'],
          testTimeout: 180_000,
          hookTimeout: 600_000,
          // Builds share the project's .astro/ folder: never run two at once.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/global-build.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // Some browser tests build too (base path, dev server): start them after the build tests.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
