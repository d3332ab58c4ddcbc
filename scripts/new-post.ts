/**
 * `npm run new -- --author dinah "Title of the post" [--labels a,b] [--date 2026-12-01T09:30]`
 * Creates a draft at content/posts/YYYY/MM/slug.mdx and says how to preview it.
 * `npm run new -- --list-labels` prints the labels in use.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseCliOrExit, usage, type CliSpec, type CliValues } from '../src/lib/tools/cli';
import { ContentLockedError, withContentLock } from '../src/lib/content-files/lock';
import { LinkOutsideError } from '../src/lib/content-files/walk';
import { NewPostError, labelsByUse, parsePostDate, planNewPost } from '../src/lib/tools/new-post';
import { labelCounts, loadWorkspace } from '../src/lib/proofread/workspace';
import { similarLabel } from '../src/lib/proofread/checks';
import { siteConfig } from '../src/site.config';

export const NEW_POST_CLI: CliSpec = {
  command: 'npm run new --',
  synopsis: '--author <dinah|clinkshrink|roy> "Title of the post" [options]',
  summary: 'Creates a draft at content/posts/YYYY/MM/slug.mdx (the month in New York time) and says how to preview it.',
  allowPositionals: true,
  options: {
    author: { type: 'string', short: 'a', value: 'id', help: 'who is writing: dinah, clinkshrink or roy' },
    labels: { type: 'string', short: 'l', value: 'a,b', help: 'labels, separated by commas' },
    date: { type: 'string', short: 'd', value: 'date', help: 'when it is dated: 2026-12-01, 2026-12-01T09:30 (New York) or a full ISO date (default: now)' },
    'list-labels': { type: 'boolean', default: false, help: 'print the labels in use, most used first, and stop' },
    wait: { type: 'string', default: '30', value: 'seconds', help: 'how long to wait while another command writes the content folder (default 30; 0: refuse at once)' },
  },
};

const USAGE = usage(NEW_POST_CLI);

function main(): number {
  const { values: options, positionals } = parseCliOrExit(NEW_POST_CLI);
  if (options['list-labels']) return run(options, positionals);
  // Held from reading the posts that exist (the slug must not clash) to writing the new one.
  const contentDir = process.env.CONTENT_DIR ?? 'content';
  const waitSeconds = Number(options.wait);
  if (!Number.isFinite(waitSeconds) || waitSeconds < 0) {
    console.error(`--wait takes a number of seconds, e.g. --wait 60 (got "${options.wait}").\n\n${USAGE}`);
    return 2;
  }
  try {
    return withContentLock(contentDir, { command: 'npm run new', waitMs: waitSeconds * 1000, onNote: (line) => console.error(line) }, () => run(options, positionals));
  } catch (err) {
    if (err instanceof ContentLockedError || err instanceof LinkOutsideError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
}

function run(options: CliValues, positionals: string[]): number {
  const values = options as { author?: string; labels?: string; date?: string; 'list-labels'?: boolean };
  const root = process.cwd();
  const ws = loadWorkspace(root, process.env.CONTENT_DIR ?? 'content');
  const counts = labelCounts(ws);
  const byUse = labelsByUse(counts);
  const labelList = byUse.map((l) => `${l.label} (${l.count})`).join(', ');

  if (values['list-labels']) {
    console.log(`Labels in use, most used first:\n${labelList || '(none yet)'}`);
    return 0;
  }

  try {
    const published = values.date ? parsePostDate(values.date, siteConfig.timeZone) : new Date();
    const plan = planNewPost({
      title: positionals.join(' '),
      author: values.author ?? '',
      labels: values.labels?.split(','),
      published,
      timeZone: siteConfig.timeZone,
      authors: ws.authors,
      existingIds: new Set(ws.posts.keys()),
      postsDir: ws.postsDir,
    });
    const full = join(root, plan.file);
    mkdirSync(dirname(full), { recursive: true });
    // "wx": never overwrite a post, even one created a moment ago by someone else.
    writeFileSync(full, plan.text, { flag: 'wx' });

    const lines = [
      `Created ${plan.file}`,
      '',
      'It is a draft (draft: true): it is not on the public site until you change that to draft: false.',
      `  Write:       open ${plan.file} and write below the note.`,
      `  Preview:     npm run dev, then open http://localhost:4321${plan.path}`,
      '  Proofread:   npm run proofread',
      '  Guide:       docs/WRITING.md',
      '',
    ];
    for (const label of values.labels?.split(',').map((l) => l.trim()).filter(Boolean) ?? []) {
      if (counts.has(label) || ws.labelAliases.has(label)) continue;
      const near = similarLabel(label, [...counts.keys()], counts);
      lines.push(near ? `Note: the label "${label}" is new; did you mean the existing "${near}"?` : `Note: "${label}" is a new label.`);
    }
    lines.push(`Labels in use, most used first (edit the labels: line to choose):`, `  ${labelList || '(none yet)'}`);
    console.log(lines.join('\n'));
    return 0;
  } catch (err) {
    if (err instanceof NewPostError) {
      console.error(`${err.message}\n\n${USAGE}`);
      return 2;
    }
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      console.error(`A post already exists at that address; nothing was written. Choose a different title.`);
      return 1;
    }
    throw err;
  }
}

process.exitCode = main();
