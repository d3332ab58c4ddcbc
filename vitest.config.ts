import { existsSync } from 'node:fs';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/** Other projects' real export files live beside the repository, never in it (CI has them). */
const PEERS = '../shared/fixtures/peers';
const hasPeers = existsSync(PEERS);
if (!hasPeers) console.log(`Peer conformance suite skipped: ${PEERS} is not beside this clone (CI has it).`);

const peers: TestProjectInlineConfiguration[] = hasPeers
  ? [
      {
        test: {
          name: 'peers',
          include: ['tests/peers/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 600_000,
          fileParallelism: false,
          // One of them builds a site: after the build and browser tests.
          sequence: { groupOrder: 2 },
        },
      },
    ]
  : [];

/**
 * Kinds of test, one command (`npm test`):
 *  - unit: pure logic in src/lib and scripts, in-process: no build, no command spawned;
 *  - cli: the command-line tools run as real commands (tests/cli/);
 *  - build: the sample site built once (tests/global-build.ts) and checked in dist/;
 *  - browser: real Chromium against the built site (skipped with instructions when
 *    Chromium is absent, except in CI where it must be present);
 *  - peers: other projects' export files from ../shared/fixtures/peers (when it is there);
 *  - incremental: incremental builds of a tiny generated site against cold ones (a seeded
 *    sample; `npm run test:incremental` runs every mutation).
 */
export default defineConfig({
  test: {
    // The usual report, then where the time went (tests/timing-reporter.ts).
    reporters: ['default', './tests/timing-reporter.ts'],
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
          name: 'cli',
          include: ['tests/cli/**/*.test.ts'],
          environment: 'node',
          // A command starts tsx and imports its whole tool: seconds when quiet, over a minute
          // on a machine shared by many builds. One limit for them all.
          testTimeout: 180_000,
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
      {
        test: {
          // Incremental builds compared with cold builds on a tiny generated site
          // (tests/incremental/); `npm run test:incremental` runs every mutation.
          name: 'incremental',
          include: ['tests/incremental/**/*.test.ts'],
          environment: 'node',
          testTimeout: 900_000,
          hookTimeout: 600_000,
          fileParallelism: false,
          // Last and alone: its builds would slow the browser tests' timing.
          sequence: { groupOrder: 3 },
        },
      },
      ...peers,
    ],
  },
});
