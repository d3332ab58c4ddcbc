import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A copy of the site's project (source, config, optionally content) in another folder,
 * with node_modules linked, to build without touching the work tree.
 *
 * Why: Astro writes per-build files into `<project>/.astro/` (content-modules.mjs,
 * content-assets.mjs) whatever OUT_DIR and ASTRO_CACHE_DIR say, and for an OUT_DIR outside
 * the project it also puts its prerender bundle there (`.astro/.prerender`). Two builds of
 * one project at the same time — a test suite's parallel files, or a benchmark next to
 * a developer's build — then overwrite each other's files: pages lose their images, or
 * the build dies with "Cannot find module …/.astro/.prerender/chunks/…". A copy has its
 * own `.astro/`. Content is copied too when its MDX imports components by relative path
 * (they must resolve inside the copy).
 *
 * Build the copy with NODE_PRESERVE_SYMLINKS=1 and NODE_ENV=production: otherwise Astro's
 * runtime resolves to the linked node_modules outside the copy and is compiled as in dev
 * (images get data-image-component, dev-only checks run), and a NODE_ENV inherited from
 * Vitest ("test") has the same effect.
 */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const PROJECT_FILES = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

export function isolatedProject(dir: string, options: { content?: boolean; from?: string } = {}): string {
  const from = options.from ?? REPO_ROOT;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of [...PROJECT_FILES, ...(options.content ? ['content'] : [])]) {
    if (existsSync(join(from, f))) cpSync(join(from, f), join(dir, f), { recursive: true });
  }
  symlinkSync(join(from, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}
