import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contextFor, loadWorkspace } from '../../../src/lib/proofread/workspace';
import { postIdFromFile } from '../../../src/lib/proofread/checks';
import type { PostSource } from '../../../src/lib/proofread/proofread';
import type { Finding, ProofContext } from '../../../src/lib/proofread/types';

/** The fixture blog (tests/fixtures/proofread/content), read the way the CLI reads content/. */
export const ROOT = join(import.meta.dirname, '../../..');
export const FIXTURE_CONTENT = 'tests/fixtures/proofread/content';
export const NOW = new Date('2026-11-27T12:00:00Z');
export const TZ = 'America/New_York';

export const workspace = () => loadWorkspace(ROOT, FIXTURE_CONTENT);

export function fixture(relativeToPosts: string): { post: PostSource; ctx: ProofContext } {
  const ws = workspace();
  const file = `${ws.postsDir}/${relativeToPosts}`;
  const postId = postIdFromFile(file, ws.postsDir);
  return {
    post: { file, postId, text: readFileSync(join(ROOT, file), 'utf8') },
    ctx: contextFor(ws, postId, NOW, TZ),
  };
}

export const ofKind = (findings: readonly Finding[], kind: Finding['kind']) => findings.filter((f) => f.kind === kind);
export const bySeverity = (findings: readonly Finding[], severity: Finding['severity']) => findings.filter((f) => f.severity === severity);
