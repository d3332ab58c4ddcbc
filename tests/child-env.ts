/**
 * The environment for an `astro build` spawned from a test. Vitest puts Vite's own
 * variables (NODE_ENV=test, BASE_URL, MODE…) into process.env; a child build that
 * inherits them turns drafts on and ignores BASE_PATH.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const vite = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST']);
  const inherited = Object.entries(process.env).filter(([k]) => !vite.has(k) && !k.startsWith('VITEST'));
  // Without NODE_ENV, `astro build` runs as production and `astro dev` as development.
  return { ...Object.fromEntries(inherited), ...extra };
}
