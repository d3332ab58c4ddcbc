/**
 * What `npm ci`, `npm start` and `npm run build` may print as a warning. A warning either
 * names something the user can fix, or it is listed here with the reason it stays (and the
 * README says so); anything else makes `npm run check:install` fail, so a new warning is
 * looked at rather than scrolled past.
 */

export interface KnownWarning {
  /** Short name, as in the README. */
  id: string;
  /** Matches the warning's first line. */
  test: RegExp;
  /** Why it is printed and why it stays. */
  why: string;
}

export const KNOWN_WARNINGS: readonly KnownWarning[] = [
  {
    id: 'EBADENGINE',
    test: /^npm warn EBADENGINE\b/,
    why:
      'npm checks each package against the Node that runs npm itself. On a machine whose own Node is 20, Astro, Vitest and their ' +
      'tools (Node 22.12+) are named, although nothing runs on Node 20: every npm run / npx command uses the Node 24 of the ' +
      '`node` package. It goes away with Node 24 installed (README, Quick start). engine-strict would make the install fail.',
  },
];

/** One warning: its first line and, for npm's multi-line warnings, the lines that follow it. */
export interface Warning {
  line: number;
  text: string;
}

/**
 * npm's warning codes start a new warning; other `npm warn` lines continue the one before
 * (EBADENGINE repeats its code on each line of its block, indented or closing with "}").
 */
const NPM_WARNING_START = /^npm warn (?:[A-Z][A-Z0-9_]{2,} (?!\s|\})|deprecated\b|config\b|install-scripts\b|invalid\b|old lockfile\b|tarball\b|cleanup\b)/;
/** Astro's logger (`[WARN]`), Vite/Rolldown (`(!)`, `warning:`), Node's own (`Warning:`). */
const TOOL_WARNING = /\[WARN\]|^\s*\(!\)|^\s*warning:|\bWarning: /i;

/** Strips terminal colours, so a coloured `[WARN]` is found as a plain one. */
export function plainText(log: string): string {
  // eslint-disable-next-line no-control-regex
  return log.replace(/\u001b\[[0-9;]*m/g, '');
}

/** Every warning in a log of `npm ci`, `astro build`, `astro dev` or `astro preview`. */
export function warningsIn(log: string): Warning[] {
  const found: Warning[] = [];
  let inNpmWarning = false;
  plainText(log)
    .split('\n')
    .forEach((text, index) => {
      if (text.startsWith('npm warn')) {
        const starts = NPM_WARNING_START.test(text) || !inNpmWarning;
        inNpmWarning = true;
        if (starts) found.push({ line: index + 1, text: text.trim() });
        return;
      }
      inNpmWarning = false;
      if (TOOL_WARNING.test(text)) found.push({ line: index + 1, text: text.trim() });
    });
  return found;
}

/** The warnings no entry of `known` explains. */
export function unexplainedWarnings(log: string, known: readonly KnownWarning[] = KNOWN_WARNINGS): Warning[] {
  return warningsIn(log).filter((w) => !known.some((k) => k.test.test(w.text)));
}

/** The known warnings a log printed, with how many times each. */
export function explainedWarnings(log: string, known: readonly KnownWarning[] = KNOWN_WARNINGS): { warning: KnownWarning; count: number }[] {
  const all = warningsIn(log);
  return known.map((warning) => ({ warning, count: all.filter((w) => warning.test.test(w.text)).length })).filter((k) => k.count > 0);
}
