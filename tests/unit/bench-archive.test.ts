import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import { buildArchive } from '../../scripts/bench/archive';
import { writeContent, MANIFEST } from '../../scripts/bench/content';
import { postCommentsSchema, postSchema } from '../../src/lib/schemas';
import { labelKey } from '../../src/lib/labels';
import { threadComments } from '../../src/lib/comments';

/** The benchmark's synthetic archive: deterministic, shaped as specified, valid content. */

const archive = buildArchive({ posts: 1000, seed: 7 });

describe('synthetic archive', () => {
  it('is the same for the same seed and different for another', () => {
    const a = buildArchive({ posts: 200, seed: 7 });
    expect(JSON.stringify(buildArchive({ posts: 200, seed: 7 }).posts)).toBe(JSON.stringify(a.posts));
    expect(buildArchive({ posts: 200, seed: 8 }).posts[0]!.title).not.toBe(a.posts[0]!.title);
  }, 30_000);

  it('has three authors, a few hundred labels used with a long tail, unique addresses', () => {
    expect(new Set(archive.posts.map((p) => p.author))).toEqual(new Set(['dinah', 'clinkshrink', 'roy']));
    const uses = new Map<string, number>();
    for (const p of archive.posts) for (const l of p.labels) uses.set(l, (uses.get(l) ?? 0) + 1);
    expect(uses.size).toBeGreaterThan(150);
    const counts = [...uses.values()].sort((a, b) => b - a);
    expect(counts[0]!).toBeGreaterThan(20 * counts[Math.floor(counts.length / 2)]!); // Zipf: the top label dwarfs the median
    expect(new Set([...uses.keys()].map(labelKey)).size).toBe(uses.size);
    expect(new Set(archive.posts.map((p) => p.id)).size).toBe(archive.posts.length);
  });

  it('has 0–60 comments a post, about 15 on average, with replies and deeper replies', () => {
    const counts = archive.posts.map((p) => p.comments.length);
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(Math.min(...counts)).toBe(0);
    expect(Math.max(...counts)).toBe(60);
    expect(mean).toBeGreaterThan(13);
    expect(mean).toBeLessThan(17);
    const all = archive.posts.flatMap((p) => p.comments);
    const byId = new Map(all.map((c) => [c.id, c]));
    const replies = all.filter((c) => c.parentId);
    expect(replies.length / all.length).toBeGreaterThan(0.15);
    expect(replies.some((c) => byId.get(c.parentId!)!.parentId)).toBe(true); // replies to replies
    for (const p of archive.posts.slice(0, 200)) expect(threadComments(p.comments).orphans).toEqual([]);
  });

  it('mixes the block types the importer produces', () => {
    const bodies = archive.posts.map((p) => p.body);
    const share = (re: RegExp) => bodies.filter((b) => re.test(b)).length / bodies.length;
    expect(share(/^> /m)).toBeGreaterThan(0.2);
    expect(share(/^(- |1\. )/m)).toBeGreaterThan(0.2);
    expect(share(/\]\((https:|\/\d{4}\/)/)).toBeGreaterThan(0.5);
    expect(share(/^\| --- /m)).toBeGreaterThan(0.01);
    expect(share(/!\[[^\]]+\]\(\.\/images\//)).toBeGreaterThan(0.02);
    expect(archive.posts.filter((p) => p.video).length).toBeGreaterThan(10);
  });
});

describe('written content folder', () => {
  it('validates against the site schemas, with .md for component-free posts in "mixed"', { timeout: 30_000 }, () => {
    const small = buildArchive({ posts: 120, seed: 3 });
    const out = mkdtempSync(join(tmpdir(), 'bench-content-'));
    try {
      const manifest = writeContent(small, out, 'mixed', process.cwd());
      expect(manifest.posts).toBe(120);
      expect(manifest.mdFiles + manifest.mdxFiles).toBe(120);
      expect(manifest.mdxFiles).toBe(small.posts.filter((p) => p.video).length);
      const schema = postSchema(z.enum(['dinah', 'clinkshrink', 'roy']));
      for (const p of small.posts) {
        const ext = p.video ? 'mdx' : 'md';
        const text = readFileSync(join(out, 'posts', `${p.id}.${ext}`), 'utf8');
        const front = parseYaml(text.split('---\n')[1]!);
        expect(schema.safeParse(front).success, p.id).toBe(true);
        if (p.video) expect(text).toMatch(/^import VideoEmbed from /m);
        if (p.comments.length) {
          const file = JSON.parse(readFileSync(join(out, 'comments', `${p.id}.json`), 'utf8'));
          const parsed = postCommentsSchema.safeParse(file);
          expect(parsed.success, `${p.id}: ${parsed.error?.message}`).toBe(true);
          expect(file.post).toBe(p.id);
        }
      }
      expect(readdirSync(out)).toContain(MANIFEST);
      // Refuses to wipe a folder that is not a synthetic archive.
      expect(() => writeContent(small, join(process.cwd(), 'src'), 'md', process.cwd())).toThrow(/not empty/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
