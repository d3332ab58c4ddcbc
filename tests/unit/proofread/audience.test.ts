import { describe, expect, it } from 'vitest';
import { runProofread } from '../../../src/lib/proofread/cli';
import { FIXTURE_CONTENT, NOW, ROOT, TZ } from './helpers';

/** The proof sheet for a draft from the browser editor: the editor's fields, never the file's top block or a terminal command. */
const WRONG = `${FIXTURE_CONTENT}/posts/2018/07/everything-wrong.mdx`;

async function sheet(audience: string) {
  let stdout = '';
  const code = await runProofread([WRONG, '--for', audience], {
    root: ROOT,
    contentDir: FIXTURE_CONTENT,
    timeZone: TZ,
    now: NOW,
    stdout: (s) => (stdout += s),
    stderr: () => undefined,
    engines: {},
  });
  return { code, stdout };
}

describe('the proof sheet for an author in the editor', () => {
  it('speaks of the editor fields, not of YAML lines or npm commands', async () => {
    const [terminal, editor] = [await sheet('terminal'), await sheet('editor')];
    // Same findings, same verdict.
    expect(editor.code).toBe(terminal.code);
    expect(editor.stdout.split('\n').filter((l) => l.includes('•')).length).toBe(terminal.stdout.split('\n').filter((l) => l.includes('•')).length);
    // The terminal sheet has file-and-command advice the editor sheet must not.
    expect(terminal.stdout).toMatch(/npm run|top block|proofreadBy: \[|Write author:/);
    expect(editor.stdout).not.toMatch(/npm run|top block|proofreadBy: \[|labels: \[|Write author:|rename the file/i);
    expect(editor.stdout).toMatch(/"(Labels|Author|Proofread by|Description)"/);
  });

  it('refuses an audience it does not know', async () => {
    expect((await sheet('robots')).code).toBe(2);
  });
});
