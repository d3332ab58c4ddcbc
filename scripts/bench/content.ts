import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { BLOG_TZ, type BenchArchive, type BenchPost } from './archive';
import { isoInZone } from '../../src/lib/dates';
import { writeFrontMatter } from '../../src/lib/content-files';

/**
 * Writes a BenchArchive as a site content folder (CONTENT_DIR), in the shapes the
 * importer writes: posts/YYYY/MM/slug.{md,mdx}, comments/YYYY/MM/slug.json,
 * authors/*.yaml, pages/, labels.yaml.
 */

export type PostFormat = 'md' | 'mdx' | 'mixed';

export interface ContentManifest {
  seed: number;
  format: PostFormat;
  posts: number;
  drafts: number;
  comments: number;
  labels: number;
  mdFiles: number;
  mdxFiles: number;
  /** A public post with exactly (or nearest to) 20 comments: the "typical post page". */
  typicalPost: { id: string; comments: number };
  /** The post run.ts edits to measure a one-post rebuild. */
  editPost: string;
}

export const MANIFEST = 'bench-manifest.json';

/**
 * `repoRoot` supplies the authors and pages; `siteRoot` is the project that will build the
 * folder (MDX posts import its src/components/VideoEmbed.astro, which must lie inside it).
 */
export function writeContent(archive: BenchArchive, out: string, format: PostFormat, repoRoot: string, siteRoot = repoRoot): ContentManifest {
  prepareOutDir(out);
  cpSync(join(repoRoot, 'content/authors'), join(out, 'authors'), { recursive: true });
  cpSync(join(repoRoot, 'content/pages'), join(out, 'pages'), { recursive: true });
  const videoComponent = join(siteRoot, 'src/components/VideoEmbed.astro');
  let mdFiles = 0;
  let mdxFiles = 0;
  const imagesWritten = new Set<string>();
  for (const post of archive.posts) {
    const ext = format === 'mdx' || (format === 'mixed' && post.video) ? 'mdx' : 'md';
    if (ext === 'md') mdFiles++;
    else mdxFiles++;
    const file = join(out, 'posts', `${post.id}.${ext}`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, postFile(post, ext, relative(dirname(file), videoComponent)));
    for (const image of post.images) {
      const path = join(dirname(file), image);
      if (imagesWritten.has(path)) continue;
      imagesWritten.add(path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, figureSvg(image));
    }
    if (post.comments.length > 0) {
      const json = join(out, 'comments', `${post.id}.json`);
      mkdirSync(dirname(json), { recursive: true });
      writeFileSync(json, commentsFile(post));
    }
  }
  writeFileSync(join(out, 'labels.yaml'), labelsYaml(archive));
  const manifest: ContentManifest = {
    seed: archive.seed,
    format,
    posts: archive.posts.length,
    drafts: archive.posts.filter((p) => p.draft).length,
    comments: archive.posts.reduce((n, p) => n + p.comments.length, 0),
    labels: new Set(archive.posts.flatMap((p) => p.labels)).size,
    mdFiles,
    mdxFiles,
    typicalPost: typicalPost(archive.posts),
    editPost: archive.posts.filter((p) => !p.draft && !p.video)[Math.floor(archive.posts.length / 2)]?.id ?? archive.posts[0]!.id,
  };
  writeFileSync(join(out, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Refuses to wipe a folder that is not empty and is not a previous synthetic archive. */
function prepareOutDir(out: string): void {
  if (existsSync(out) && readdirSync(out).length > 0) {
    if (!existsSync(join(out, MANIFEST))) {
      throw new Error(`${out} is not empty and holds no ${MANIFEST}: choose an empty or new folder for --out.`);
    }
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
}

function typicalPost(posts: readonly BenchPost[]): { id: string; comments: number } {
  const candidates = posts.filter((p) => !p.draft);
  const best = candidates.reduce((a, b) => (Math.abs(b.comments.length - 20) < Math.abs(a.comments.length - 20) ? b : a));
  return { id: best.id, comments: best.comments.length };
}

const q = (s: string) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar

/** The post's front matter, as the importer writes it (the one content-files writer). */
export function frontmatterData(post: BenchPost): Record<string, unknown> {
  return {
    title: post.title,
    published: iso(post.published),
    ...(post.updated ? { updated: iso(post.updated) } : {}),
    author: post.author,
    labels: post.labels,
    ...(post.description ? { description: post.description } : {}),
    ...(post.draft ? { draft: true } : {}),
    legacy: { bloggerId: post.bloggerId, url: `http://psychiatrist-blog.blogspot.com/${post.id}.html` },
  };
}

/** ISO with the blog's offset, as the importer keeps Blogger's timestamps. */
const iso = (d: Date) => isoInZone(d, BLOG_TZ);

export function videoLink(video: NonNullable<BenchPost['video']>): string {
  return `[Video: ${video.title} (${video.duration}, opens YouTube)](https://www.youtube.com/watch?v=${video.id})`;
}

function postFile(post: BenchPost, ext: 'md' | 'mdx', componentPath: string): string {
  let body = post.body;
  let imports = '';
  if (post.video) {
    if (ext === 'mdx') {
      imports = `import VideoEmbed from ${q(componentPath)};\n\n`;
      body = body.replace(
        '{{video}}',
        // A JSX expression, so quotes in titles need no attribute escaping.
        `<VideoEmbed provider="youtube" id=${q(post.video.id)} title={${q(post.video.title)}} duration=${q(post.video.duration)} />`,
      );
    } else {
      body = body.replace('{{video}}', videoLink(post.video));
    }
  }
  return writeFrontMatter(frontmatterData(post), `${imports}${body}\n`, { plainKeys: ['author'] });
}

function commentsFile(post: BenchPost): string {
  const file = {
    schemaVersion: 1,
    post: post.id,
    postSourceIds: [`tag:blogger.com,1999:blog-7310526474853290013.post-${post.bloggerId}`],
    comments: post.comments,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function labelsYaml(archive: BenchArchive): string {
  const lines = ['# Synthetic archive: descriptions for the most used labels.'];
  for (const [label, description] of archive.labelDescriptions) {
    lines.push(`${q(label)}:`, `  description: ${q(description)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function figureSvg(name: string): string {
  const hue = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="270" viewBox="0 0 480 270"><rect width="480" height="270" fill="hsl(${hue} 40% 85%)"/><circle cx="240" cy="135" r="80" fill="hsl(${hue} 50% 45%)"/></svg>\n`;
}
