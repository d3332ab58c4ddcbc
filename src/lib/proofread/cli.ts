import { existsSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseCli, usage, type CliSpec } from '../tools/cli';
import { ContentFileError, LinkOutsideError, readTextFile } from '../content-files';
import { hasErrors, proofreadPost, unreadableReport, type Engines } from './proofread';
import { renderMarkdown, renderText } from './report';
import { forAudience } from './audience';
import { changedPosts, contextFor, loadWorkspace, type Workspace } from './workspace';
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
  /** Replace the dictionary checks (tests); default: cspell and the wording lists with the project's configs. */
  engines?: Engines;
}

export const PROOFREAD_CLI: CliSpec = {
  command: 'npm run proofread --',
  synopsis: '[files…] [options]',
  summary: 'Checks posts and prints a proof sheet: errors (must fix), warnings (should fix), hints.\nWithout files it checks the posts you changed compared with the main branch.',
  allowPositionals: true,
  options: {
    format: { type: 'string', value: 'text|markdown', default: 'text', help: 'markdown is for a pull-request comment (default: text)' },
    base: { type: 'string', value: 'branch', default: 'main', help: 'compare with this branch instead of main' },
    all: { type: 'boolean', default: false, help: 'check every post' },
    output: { type: 'string', value: 'file', help: 'write the sheet to this file instead of the screen' },
    'no-spelling': { type: 'boolean', default: false, help: 'skip the spelling check' },
    'no-wording': { type: 'boolean', default: false, help: 'skip the wording check' },
    for: { type: 'string', value: 'terminal|editor', default: 'terminal', help: 'editor: advice in the words of the browser editor (its fields, no commands), for its pull requests' },
  },
};

export const USAGE = usage(PROOFREAD_CLI);

/** The files to check: those named, every post, or the posts changed on this branch. */
function filesToCheck(positionals: string[], values: { all?: boolean; base: string }, ws: Workspace, io: CliIo): string[] | undefined {
  const rel = (f: string) => relative(io.root, isAbsolute(f) ? f : resolve(io.root, f)).split(sep).join('/');
  if (positionals.length) {
    const files = positionals.map(rel);
    const missing = files.filter((f) => !existsSync(join(io.root, f)));
    if (missing.length) {
      io.stderr(`Cannot find ${missing.map((f) => `"${f}"`).join(', ')}. Give the path of the .mdx file, e.g. ${ws.postsDir}/2018/07/my-post.mdx\n`);
      return undefined;
    }
    return onlyPosts(files, ws, io);
  }
  if (values.all) return [...ws.posts.values()].map((p) => p.file);
  const changed = changedPosts(io.root, ws.postsDir, values.base);
  io.stderr(`${changed.note}\n`);
  return changed.files;
}

/**
 * The sheet is for posts: .md and .mdx files under the posts folder. Anything else named
 * (README.md, a page, a comments file) is said and skipped, never checked against rules
 * it was not written for.
 */
function onlyPosts(files: string[], ws: Workspace, io: CliIo): string[] {
  const isPost = (f: string) => /\.mdx?$/.test(f) && postIdFromFile(f, ws.postsDir) !== undefined;
  const skipped = files.filter((f) => !isPost(f));
  if (skipped.length) {
    io.stderr(`Skipped, not posts: ${skipped.join(', ')} (the proof sheet checks .md and .mdx files under ${ws.postsDir}/).\n`);
  }
  return files.filter(isPost);
}

/** cspell and the wording check, loaded only when used (cspell takes seconds to load). */
function defaultEngines(io: CliIo, values: Record<string, unknown>): Engines {
  const spelling: Engines['spelling'] = async (text, post) =>
    (await import('./spelling')).checkSpelling(text, join(io.root, post.file), { configFile: join(io.root, 'cspell.config.yaml'), doc: post.doc });
  const wording: Engines['wording'] = async (text, post) =>
    (await import('./wording')).checkWording(text, join(io.root, post.file), { doc: post.doc });
  return { spelling: values['no-spelling'] ? undefined : spelling, wording: values['no-wording'] ? undefined : wording };
}

/** One file's sheet; a file that is not UTF-8 gets one error naming it, and no other check. */
async function proofreadFile(file: string, ws: Workspace, io: CliIo, engines: Engines): Promise<PostReport> {
  const postId = postIdFromFile(file, ws.postsDir);
  let text: string;
  try {
    text = readTextFile(join(io.root, file), file);
  } catch (e) {
    if (e instanceof ContentFileError) return unreadableReport({ file, postId }, e.message, e.line);
    throw e;
  }
  return proofreadPost({ file, postId, text }, contextFor(ws, postId, io.now, io.timeZone), engines);
}

export async function runProofread(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCli(PROOFREAD_CLI, argv);
  if (parsed.kind === 'exit') {
    if (parsed.stdout) io.stdout(parsed.stdout);
    if (parsed.stderr) io.stderr(parsed.stderr);
    return parsed.code;
  }
  const values = parsed.values as { format: string; base: string; all?: boolean; output?: string; for: string };
  if (values.format !== 'text' && values.format !== 'markdown') {
    io.stderr(`--format must be text or markdown (got "${values.format}").\n`);
    return 2;
  }
  if (values.for !== 'terminal' && values.for !== 'editor') {
    io.stderr(`--for must be terminal or editor (got "${values.for}").\n`);
    return 2;
  }
  let ws: Workspace;
  try {
    ws = loadWorkspace(io.root, io.contentDir);
  } catch (e) {
    // A broken author file or labels.yaml: the build would refuse it too.
    if (!(e instanceof ContentFileError) && !(e instanceof LinkOutsideError)) throw e;
    io.stderr(`${e.message}\n`);
    return 1;
  }
  const files = filesToCheck(parsed.positionals, values, ws, io);
  if (!files) return 2;
  if (parsed.positionals.length && !files.length) {
    io.stderr('None of the named files is a post: nothing to check.\n');
    return 0;
  }
  const engines = io.engines ?? defaultEngines(io, parsed.values);
  const reports: PostReport[] = [];
  for (const file of files) reports.push(await proofreadFile(file, ws, io, engines));

  const render = values.format === 'markdown' ? renderMarkdown : renderText;
  const sheet = render(forAudience(reports, values.for), { now: io.now, timeZone: io.timeZone });
  if (values.output) {
    writeFileSync(resolve(io.root, values.output), sheet);
    io.stderr(`Proof sheet for ${reports.length} post(s) written to ${values.output}\n`);
  } else {
    io.stdout(sheet);
  }
  return hasErrors(reports) ? 1 : 0;
}
