import { writeFileSync } from 'node:fs';
import { parseCliOrExit, type CliSpec } from '../src/lib/tools/cli';
import { buildSettings } from '../src/lib/build-settings';
import { commentsAtomFeed } from '../src/lib/export/atom';
import { commentsJsonFeedPages, jsonFeedText } from '../src/lib/export/jsonfeed';
import { loadExportInput } from '../src/lib/export/load';
import { absoluteFrom, pathOfPost, postIdFrom } from '../src/lib/export/input';
import { commentsWxr } from '../src/lib/export/wxr';
import { renderAtom } from '../src/lib/feed-xml';
import { commentsFeedPath, postCommentsFeedPath } from '../src/lib/urls';
import { siteConfig } from '../src/site.config';

/**
 * npm run export:comments -- [--format jsonfeed|wxr|atom] [--post path] [--out file] [--content dir]
 *
 * Writes the public comment archive (or one post's comments) in the same formats
 * the site publishes under /exports/. Without --out it prints to stdout.
 */
export const EXPORT_COMMENTS_CLI: CliSpec = {
  command: 'npm run export:comments --',
  synopsis: '[options]',
  summary: 'Writes the public comment archive (or one post\'s comments) in the formats the site publishes under /exports/, sanitized like the site. SITE_URL and BASE_PATH set the addresses (as for the build).',
  options: {
    format: { type: 'string', value: 'jsonfeed|wxr|atom', default: 'jsonfeed', help: 'output format (default jsonfeed)' },
    post: { type: 'string', value: 'post', help: 'one post only: 2008/11/slug, /2008/11/slug.html, p/about or a content file path' },
    out: { type: 'string', value: 'file', help: 'write here instead of stdout' },
    content: { type: 'string', value: 'dir', help: 'content folder (default ./content; or CONTENT_DIR)' },
  },
};

const options = parseCliOrExit(EXPORT_COMMENTS_CLI).values;
const stringOption = (v: unknown) => (typeof v === 'string' ? v : undefined);
const values = { format: stringOption(options.format) ?? 'jsonfeed', post: stringOption(options.post), out: stringOption(options.out), content: stringOption(options.content) };

try {
  const format = values.format;
  if (!['jsonfeed', 'wxr', 'atom'].includes(format)) throw new Error(`--format must be jsonfeed, wxr or atom (got "${format}")`);
  const settings = buildSettings(process.env);
  const contentDir = values.content ?? settings.contentDir;
  const homeUrl = absoluteFrom(`${settings.site}/`, settings.base);
  let input = loadExportInput(contentDir, {
    site: { title: siteConfig.title, description: siteConfig.description, language: siteConfig.locale, homeUrl },
    now: new Date(settings.cutoff),
    timeZone: siteConfig.timeZone,
  });
  const postId = values.post ? postIdFrom(values.post) : undefined;
  if (postId) {
    if (!input.posts.has(postId)) throw new Error(`--post ${values.post}: no public post or page "${postId}" in ${contentDir}`);
    input = { ...input, comments: input.comments.filter((c) => c.postId === postId) };
  }
  let text: string;
  if (format === 'wxr') text = commentsWxr(input);
  else if (format === 'atom') {
    const selfPath = postId ? postCommentsFeedPath(postId) : commentsFeedPath();
    text = renderAtom(
      commentsAtomFeed(input, {
        authority: new URL(settings.site).hostname,
        title: postId ? `Comments on ${input.posts.get(postId)!.title}` : `${siteConfig.title}: comments`,
        selfUrl: absoluteFrom(homeUrl, selfPath),
        alternateUrl: postId ? absoluteFrom(homeUrl, pathOfPost(postId)) : homeUrl,
        postId,
      }),
    );
  } else {
    const [doc] = commentsJsonFeedPages(input, {
      pageUrl: () => absoluteFrom(homeUrl, '/exports/comments.json'),
      pageSize: Number.MAX_SAFE_INTEGER,
    });
    text = jsonFeedText(doc!);
  }
  if (values.out) {
    writeFileSync(values.out, text);
    console.error(`Wrote ${input.comments.filter((c) => input.posts.has(c.postId)).length} comments as ${format} to ${values.out}`);
  } else process.stdout.write(text);
} catch (e) {
  console.error(`export:comments: ${(e as Error).message}`);
  process.exit(1);
}
