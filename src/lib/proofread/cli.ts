import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { checkSpelling } from './spelling';
import { checkWording } from './wording';
import { hasErrors, proofreadPost, type Engines } from './proofread';
import { renderMarkdown, renderText } from './report';
import { changedPosts, contextFor, loadWorkspace } from './workspace';
import { postIdFromFile } from './checks';
import type { PostReport } from './types';

/**
 * `npm run proofread -- [files…] [--format text|markdown] [--base main] [--all] [--output file]`
 * Exit code: 0 when there are no errors (warnings and hints do not fail), 1 when a post has
 * errors, 2 when the command itself was used wrongly.
 */

export interface CliIo {
  root: string;
  contentDir: string;
  timeZone: string;
  now: Date;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Replace the dictionary checks (tests); default: cspell and textlint with the project's configs. */
  engines?: Engines;
}

export const USAGE = `Usage: npm run proofread -- [files…] [options]

Checks posts and prints a proof sheet: errors (must fix), warnings (should fix), hints.
Without files it checks the posts you changed compared with the main branch.

Options:
  --format text|markdown   markdown is for a pull-request comment (default: text)
  --base BRANCH            compare with this branch instead of main
  --all                    check every post
  --output FILE            write the sheet to FILE instead of the screen
  --no-spelling            skip the spelling check
  --no-wording             skip the wording check
  --help                   show this help`;

export async function runProofread(argv: string[], io: CliIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        base: { type: 'string', default: 'main' },
        all: { type: 'boolean', default: false },
        output: { type: 'string' },
        'no-spelling': { type: 'boolean', default: false },
        'no-wording': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    io.stderr(`${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (values.format !== 'text' && values.format !== 'markdown') {
    io.stderr(`--format must be text or markdown (got "${values.format}").\n`);
    return 2;
  }

  const ws = loadWorkspace(io.root, io.contentDir);
  const rel = (f: string) => relative(io.root, isAbsolute(f) ? f : resolve(io.root, f)).split(sep).join('/');
  let files: string[];
  if (positionals.length) {
    files = positionals.map(rel);
    const missing = files.filter((f) => !existsSync(join(io.root, f)));
    if (missing.length) {
      io.stderr(`Cannot find ${missing.map((f) => `"${f}"`).join(', ')}. Give the path of the .mdx file, e.g. ${ws.postsDir}/2018/07/my-post.mdx\n`);
      return 2;
    }
  } else if (values.all) {
    files = [...ws.posts.values()].map((p) => p.file);
  } else {
    const changed = changedPosts(io.root, ws.postsDir, values.base);
    io.stderr(`${changed.note}\n`);
    files = changed.files;
  }

  const engines: Engines = io.engines ?? {
    spelling: values['no-spelling']
      ? undefined
      : (text, post) => checkSpelling(text, join(io.root, post.file), { configFile: join(io.root, 'cspell.config.yaml') }),
    wording: values['no-wording']
      ? undefined
      : (text, post) => checkWording(text, join(io.root, post.file), { configFile: join(io.root, '.textlintrc.json') }),
  };

  const reports: PostReport[] = [];
  for (const file of files) {
    const postId = postIdFromFile(file, ws.postsDir);
    const ctx = contextFor(ws, postId, io.now, io.timeZone);
    const text = readFileSync(join(io.root, file), 'utf8');
    reports.push(await proofreadPost({ file, postId, text }, ctx, engines));
  }

  const render = values.format === 'markdown' ? renderMarkdown : renderText;
  const sheet = render(reports, { now: io.now, timeZone: io.timeZone });
  if (values.output) {
    writeFileSync(resolve(io.root, values.output), sheet);
    io.stderr(`Proof sheet for ${reports.length} post(s) written to ${values.output}\n`);
  } else {
    io.stdout(sheet);
  }
  return hasErrors(reports) ? 1 : 0;
}
