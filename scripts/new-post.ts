/**
 * `npm run new -- --author dinah "Title of the post" [--labels a,b] [--date 2026-12-01T09:30]`
 * Creates a draft at content/posts/YYYY/MM/slug.mdx and says how to preview it.
 * `npm run new -- --list-labels` prints the labels in use.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { NewPostError, labelsByUse, parsePostDate, planNewPost } from '../src/lib/new-post';
import { labelCounts, loadWorkspace } from '../src/lib/proofread/workspace';
import { similarLabel } from '../src/lib/proofread/checks';
import { siteConfig } from '../src/site.config';

const USAGE = `Usage: npm run new -- --author <dinah|clinkshrink|roy> "Title of the post" [--labels a,b] [--date 2026-12-01T09:30]
       npm run new -- --list-labels`;

function main(): number {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        author: { type: 'string', short: 'a' },
        labels: { type: 'string', short: 'l' },
        date: { type: 'string', short: 'd' },
        'list-labels': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
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
