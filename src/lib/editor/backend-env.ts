import { z } from 'astro/zod';
import type { EditorBackend } from './config';

/**
 * The editor's GitHub backend from the build's environment. Apart from config.ts so the
 * editor's browser script, which imports config.ts, does not bundle zod.
 */
const backendEnv = z.object({
  EDITOR_REPO: z
    .string()
    .regex(/^[\w.-]+\/[\w.-]+$/, { error: 'EDITOR_REPO must be "owner/name" of the GitHub repository, e.g. shrinkrap/shrinkrap' })
    .default('shrinkrap/shrinkrap'),
  EDITOR_BRANCH: z.string().min(1).default('main'),
  EDITOR_AUTH_URL: z.url({ error: 'EDITOR_AUTH_URL must be the https address of the sign-in endpoint' }).optional(),
  EDITOR_AUTH_ENDPOINT: z.string().min(1).optional(),
});

/** The GitHub backend from the environment (docs/WRITING.md, "Signing in with GitHub"). */
export function editorBackendFromEnv(env: Record<string, string | undefined>): EditorBackend {
  const parsed = backendEnv.safeParse(Object.fromEntries(Object.entries(env).filter(([k, v]) => k in backendEnv.shape && v)));
  if (!parsed.success) {
    throw new Error(`Invalid editor settings in the environment:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  const e = parsed.data;
  return { repo: e.EDITOR_REPO, branch: e.EDITOR_BRANCH, authBaseUrl: e.EDITOR_AUTH_URL?.replace(/\/$/, ''), authEndpoint: e.EDITOR_AUTH_ENDPOINT };
}
