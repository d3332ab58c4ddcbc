import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../../scripts/check-links';
import type { FixtureSite } from './site';

/**
 * Every kind of input a page depends on, as a change to a fixture site and its undo. A
 * mutation's `apply` changes files in the site's copy (content or code) and/or returns
 * environment settings for the builds; `undo` puts the files back.
 */
export interface Mutation {
  name: string;
  apply(site: FixtureSite): { env?: Record<string, string>; undo(): void };
}

const content = (s: FixtureSite, ...p: string[]) => join(s.dir, 'content', ...p);

/** Replaces `from` with `to` in a file (which must contain it); returns the undo. */
function edit(file: string, from: string | RegExp, to: string): () => void {
  const before = readFileSync(file, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`mutation: ${file} does not contain ${from}`);
  writeFileSync(file, after);
  return () => writeFileSync(file, before);
}

function move(from: string, to: string): () => void {
  renameSync(from, to);
  return () => renameSync(to, from);
}

/** Posts of the fixture by format, sorted: the targets are always the same files. */
export function posts(s: FixtureSite) {
  const all = listFiles(content(s, 'posts')).filter((f) => /\.mdx?$/.test(f)).sort();
  const md = all.filter((f) => f.endsWith('.md'));
  const withImage = md.find((f) => /\]\(\.\/images\//.test(readFileSync(content(s, 'posts', f), 'utf8')));
  return { all, md, mdx: all.filter((f) => f.endsWith('.mdx')), withImage: withImage! };
}

/** A post that is neither the MDX one nor the image one: the plain edit target. */
const plain = (s: FixtureSite) => {
  const p = posts(s);
  return p.md.find((f) => f !== p.withImage)!;
};

const frontMatterEdit = (from: RegExp, to: string): Mutation['apply'] => (s) => ({ undo: edit(content(s, 'posts', plain(s)), from, to) });

export const MUTATIONS: Mutation[] = [
  { name: 'post body', apply: (s) => ({ undo: edit(content(s, 'posts', plain(s)), /\n---\n\n/, '\n---\n\nA paragraph added for the mutation test.\n\n') }) },
  { name: 'post title', apply: frontMatterEdit(/^title: .*$/m, 'title: "A Retitled Post"') },
  { name: 'post labels', apply: frontMatterEdit(/^labels: \[/m, 'labels: ["mutation label", ') },
  { name: 'post date', apply: frontMatterEdit(/^published: "\d{4}/m, 'published: "2015') },
  { name: 'post draft flag', apply: frontMatterEdit(/^author: /m, 'draft: true\nauthor: ') },
  {
    name: 'extension .mdx → .md',
    apply: (s) => {
      const f = posts(s).mdx[0]!;
      return { undo: move(content(s, 'posts', f), content(s, 'posts', f.replace(/x$/, ''))) };
    },
  },
  { name: 'extension .md → .mdx', apply: (s) => ({ undo: move(content(s, 'posts', plain(s)), content(s, 'posts', `${plain(s)}x`)) }) },
  {
    name: 'post renamed',
    apply: (s) => {
      const f = plain(s);
      return { undo: move(content(s, 'posts', f), content(s, 'posts', f.replace(/[^/]+\.md$/, 'a-renamed-post.md'))) };
    },
  },
  {
    name: 'post deleted',
    apply: (s) => {
      const f = content(s, 'posts', plain(s));
      const before = readFileSync(f);
      rmSync(f);
      return { undo: () => writeFileSync(f, before) };
    },
  },
  {
    name: 'post added',
    apply: (s) => {
      const to = content(s, 'posts', '2016/01/a-new-post.md');
      cpSync(content(s, 'posts', plain(s)), to);
      edit(to, /^title: .*$/m, 'title: "A New Post"');
      // Its own post, not a second claim on the copied post's Blogger address.
      edit(to, /^legacy:\n(?: {2}.*\n)+/m, '');
      return { undo: () => rmSync(to) };
    },
  },
  {
    name: 'image of a .md post replaced',
    apply: (s) => {
      const post = posts(s).withImage;
      const image = /\]\((\.\/images\/[^)]+)\)/.exec(readFileSync(content(s, 'posts', post), 'utf8'))![1]!;
      const file = join(content(s, 'posts', post), '..', image);
      return { undo: edit(file, /<\/svg>\s*$/, '<circle cx="1" cy="1" r="1"/></svg>\n') };
    },
  },
  {
    name: 'comment',
    apply: (s) => {
      const file = content(s, 'comments', listFiles(content(s, 'comments')).sort()[0]!);
      return { undo: edit(file, /"bodyHtml": "/, '"bodyHtml": "An edited comment. ') };
    },
  },
  { name: 'author', apply: (s) => ({ undo: edit(content(s, 'authors/roy.yaml'), /^setting: .*$/m, 'setting: A mutated hospital') }) },
  { name: 'labels.yaml', apply: (s) => ({ undo: edit(content(s, 'labels.yaml'), /description: "/, 'description: "A mutated note. ') }) },
  { name: 'site config', apply: (s) => ({ undo: edit(join(s.dir, 'src/site.config.ts'), /postsPerPage: 7,/, 'postsPerPage: 3,') }) },
  { name: 'component', apply: (s) => ({ undo: edit(join(s.dir, 'src/components/Sidebar.astro'), '>Contributors<', '>Our contributors<') }) },
  { name: 'CSS', apply: (s) => ({ undo: edit(join(s.dir, 'src/styles/site.css'), /$/, '\n.mutation-test { color: #123456; }\n') }) },
  { name: 'lib module', apply: (s) => ({ undo: edit(join(s.dir, 'src/lib/reading-time.ts'), '`${minutes} min read`', '`${minutes} minutes to read`') }) },
  ...(
    [
      ['BLOG_TIME_ZONE', 'Asia/Tokyo'],
      ['SITE_URL', 'https://blog.example.org'],
      ['BASE_PATH', '/blog/'],
      ['SHRINKRAP_NOW', '2012-01-01T00:00:00Z'],
      ['REPOSITORY_EDIT_URL', 'https://example.org/shrinkrap/edit/main/'],
      ['SHRINKRAP_DRAFTS', '1'],
    ] as const
  ).map(([name, value]): Mutation => ({ name: `env ${name}`, apply: () => ({ env: { [name]: value }, undo: () => {} }) })),
];

/** The fixture's own preparation: one post with a date only (the time-zone case). */
export function prepareFixture(s: FixtureSite): void {
  const file = content(s, 'posts', plain(s));
  edit(file, /^published: "(\d{4}-\d{2}-\d{2})T[^"]*"/m, 'published: "$1"');
  if (!existsSync(file)) throw new Error('fixture: no plain post');
}

/** Seeded choice of `n` items (a small linear congruential generator: reproducible from the seed). */
export function sample<T>(items: readonly T[], n: number, seed: number): T[] {
  const pool = [...items];
  let x = seed >>> 0 || 1;
  const out: T[] = [];
  while (out.length < n && pool.length > 0) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out.push(pool.splice(x % pool.length, 1)[0]!);
  }
  return out;
}
