import { z } from 'astro/zod';

/**
 * Build-time settings read from the environment. One validated object, so a typo in
 * CI (`BASE_PATH=pr-42`) fails loudly instead of producing a broken site.
 */
const envSchema = z.object({
  SITE_URL: z
    .url({ error: 'SITE_URL must be an absolute URL such as https://www.shrinkrap.net' })
    .default('https://www.shrinkrap.net'),
  BASE_PATH: z
    .string()
    .regex(/^\/([\w.~-]+\/)*$/, { error: 'BASE_PATH must start and end with "/", e.g. /pr-42/' })
    .default('/'),
  CONTENT_DIR: z.string().min(1).default('./content'),
  OUT_DIR: z.string().min(1).default('./dist'),
  ASTRO_CACHE_DIR: z.string().min(1).default('./node_modules/.astro'),
  SHRINKRAP_DRAFTS: z.enum(['0', '1', '']).default(''),
  SHRINKRAP_NOW: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, {
      error: 'SHRINKRAP_NOW must be an ISO date-time with offset, e.g. 2026-01-01T00:00:00Z',
    })
    .optional(),
  // Empty counts as unset (a CI variable that is not defined expands to "").
  REPOSITORY_EDIT_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .url({ protocol: /^https$/, error: 'REPOSITORY_EDIT_URL must be an https address' })
      .refine((u) => u.endsWith('/') && !/[?#]/.test(u), {
        error: 'REPOSITORY_EDIT_URL is the web editor of the default branch, ending in "/", e.g. https://github.com/OWNER/REPO/edit/main/',
      })
      .optional(),
  ),
});

export interface BuildSettings {
  site: string;
  base: string;
  contentDir: string;
  outDir: string;
  cacheDir: string;
  /** Include drafts and scheduled posts (dev server and draft previews). */
  includeDrafts: boolean;
  /** Posts published after this instant are scheduled, not yet public. ISO string. */
  cutoff: string;
  /** The repository's web editor for the default branch ("Suggest an edit"); unset: no link. */
  editUrl?: string;
}

export function buildSettings(
  env: Record<string, string | undefined>,
  options: { dev?: boolean; now?: Date } = {},
): BuildSettings {
  const parsed = envSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([k, v]) => k in envSchema.shape && v !== undefined)),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid build settings in the environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    site: e.SITE_URL.replace(/\/$/, ''),
    base: e.BASE_PATH,
    contentDir: e.CONTENT_DIR,
    outDir: e.OUT_DIR,
    cacheDir: e.ASTRO_CACHE_DIR,
    includeDrafts: options.dev === true || e.SHRINKRAP_DRAFTS === '1',
    cutoff: new Date(e.SHRINKRAP_NOW ?? (options.now ?? new Date()).toISOString()).toISOString(),
    ...(e.REPOSITORY_EDIT_URL ? { editUrl: e.REPOSITORY_EDIT_URL } : {}),
  };
}
