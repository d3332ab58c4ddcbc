import type { BuildSettings } from '../build-settings';
import { digestOf } from './cache-key';

/**
 * What decides whether Astro's incremental caches may be used at all (docs/PERFORMANCE.md,
 * "Cache validity"). Page keys cover each page's data; this covers what every page is made
 * of: the code, and every setting that shapes output. Both are taken whole (every file of
 * the code, every field of the settings), so a new file or setting is covered without
 * editing a list.
 */

/** The recorded state of the caches after a build that finished. */
export interface BuildKey {
  /** Digest of every file the site is built from other than content (src/, config, lockfile). */
  code: string;
  /** Digest of each output-shaping setting, by name (so a change can be named). */
  settings: Record<string, string>;
}

/**
 * The settings that shape output, each digested by name: every field of the build settings
 * except the folders (where things are, not what they hold) and the clock when it is not
 * pinned (then it is "now", and what it decides, which posts are published, is in the
 * pages' data), plus the whole site configuration (time zone, title, …).
 */
export function settingsKey(settings: BuildSettings, siteConfig: unknown, clockPinned: boolean): Record<string, string> {
  const { contentDir: _c, outDir: _o, cacheDir: _k, cutoff, ...shaping } = settings;
  const fields: Record<string, unknown> = { ...shaping, ...(clockPinned ? { cutoff } : {}) };
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) out[name] = digestOf(value ?? null);
  for (const [name, value] of Object.entries((siteConfig ?? {}) as Record<string, unknown>)) out[`siteConfig.${name}`] = digestOf(value ?? null);
  return out;
}

/**
 * Why the caches of the last build cannot be trusted, in words for the log; empty when they
 * can. `previous` is undefined when no build has finished with these caches.
 */
export function distrust(previous: BuildKey | undefined, next: BuildKey, unfinished: boolean): string[] {
  const reasons: string[] = [];
  if (unfinished) reasons.push('the last build did not finish');
  if (!previous) return reasons;
  if (previous.code !== next.code) reasons.push('the code changed');
  const names = [...new Set([...Object.keys(previous.settings), ...Object.keys(next.settings)])].sort();
  const changed = names.filter((n) => previous.settings[n] !== next.settings[n]);
  if (changed.length > 0) reasons.push(`settings changed (${changed.join(', ')})`);
  return reasons;
}

/** A file found in the output folder after the pages were generated. */
export interface OutputFile {
  /** Path relative to the output folder, with "/" separators. */
  path: string;
  /**
   * Its inode change time. Not the modification time: Astro copies public files, cached
   * images and fonts with their old modification times, but any write or copy sets this.
   */
  ctimeMs: number;
}

/**
 * Files this build did not produce: not touched since it started, and not one of the pages
 * it generated or kept in place (Astro's `assets`, skipped pages included).
 */
export function stale(files: readonly OutputFile[], startedAt: number, pages: ReadonlySet<string>): string[] {
  // File-system times are coarser than the clock; a build never starts within this of the last.
  const since = startedAt - 100;
  return files.filter((f) => f.ctimeMs < since && !pages.has(f.path)).map((f) => f.path).sort();
}
