import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import { readBlog } from '../model';
import type { SourceComment, SourceEntry } from './parsed';

/**
 * Who wrote what. Posts are mapped to dinah / clinkshrink / roy by Blogger profile
 * URI, then by display name (only team members could post). Comments are
 * recognised as the authors' by profile URI (or an explicit Disqus/WordPress
 * account), never by name: anyone could type "Roy" into a comment form.
 */

const list = z.array(z.string().trim().min(1)).default([]);

export const authorMapSchema = z
  .object({
    /** Author id for posts nobody is recognised for; omit to stop with an error instead. */
    fallback: z.string().optional(),
    authors: z.record(
      z.string(),
      z
        .object({
          bloggerProfileUris: list,
          names: list,
          disqusUsernames: list,
          wordpressLogins: list,
        })
        .strict(),
    ),
  })
  .strict();

export type AuthorMap = z.infer<typeof authorMapSchema>;

/** Profile URIs compare without scheme, www. and trailing slash. */
export function normaliseProfileUri(uri: string): string {
  return uri
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
}

const normaliseName = (n: string) => n.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

export function parseAuthorMap(text: string, where: string): AuthorMap {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (e) {
    throw new Error(`${where}: not valid YAML: ${(e as Error).message}`);
  }
  const parsed = authorMapSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new Error(
      `${where}: ${i.path.join('.') || '(top)'}: ${i.message}. Expected "authors: { dinah: { bloggerProfileUris: [...], names: [...] } }" and an optional "fallback: dinah".`,
    );
  }
  return parsed.data;
}

/**
 * Ids and profile URIs of the site's authors (content/authors/*.yaml), read through the
 * blog's model: strict UTF-8, and a file the schema refuses stops the import with its
 * name and field (a missing profile would file an author's comments as a stranger's).
 */
export function readSiteAuthors(contentDir: string): Map<string, string[]> {
  return new Map(readBlog(contentDir, { kinds: ['author'] }).authors.map((a) => [a.id, a.data.profileUris]));
}

export type PostAuthorMatch = { id: string; by: 'profile-uri' | 'name' | 'login' | 'fallback' };

export class AuthorResolver {
  private readonly byUri = new Map<string, string>();
  private readonly byName = new Map<string, string>();
  private readonly byDisqus = new Map<string, string>();
  private readonly byLogin = new Map<string, string>();

  constructor(
    private readonly map: AuthorMap,
    private readonly siteAuthors: Map<string, string[]>,
  ) {
    const known = new Set(siteAuthors.keys());
    for (const [id, a] of Object.entries(map.authors)) {
      if (known.size > 0 && !known.has(id)) {
        throw new Error(`author map: "${id}" is not an author of this site (content/authors/${id}.yaml is missing). Known: ${[...known].join(', ')}.`);
      }
      for (const u of a.bloggerProfileUris) this.byUri.set(normaliseProfileUri(u), id);
      for (const n of a.names) this.byName.set(normaliseName(n), id);
      for (const d of a.disqusUsernames) this.byDisqus.set(d.toLowerCase(), id);
      for (const l of a.wordpressLogins) this.byLogin.set(l.toLowerCase(), id);
    }
    for (const [id, uris] of siteAuthors) for (const u of uris) this.byUri.set(normaliseProfileUri(u), id);
    if (map.fallback && known.size > 0 && !known.has(map.fallback)) {
      throw new Error(`author map: fallback "${map.fallback}" is not an author of this site. Known: ${[...known].join(', ')}.`);
    }
  }

  get authorIds(): string[] {
    return [...new Set([...this.siteAuthors.keys(), ...Object.keys(this.map.authors)])].sort();
  }

  /** A post's author; undefined when nobody matches and there is no fallback. */
  postAuthor(a: SourceEntry['author']): PostAuthorMatch | undefined {
    const uri = a.uri ? this.byUri.get(normaliseProfileUri(a.uri)) : undefined;
    if (uri) return { id: uri, by: 'profile-uri' };
    const login = a.login ? this.byLogin.get(a.login.toLowerCase()) : undefined;
    if (login) return { id: login, by: 'login' };
    const name = a.name ? this.byName.get(normaliseName(a.name)) : undefined;
    if (name) {
      // Their comments carry the same profile URI: learn it, so they are recognised too.
      if (a.uri) this.byUri.set(normaliseProfileUri(a.uri), name);
      return { id: name, by: 'name' };
    }
    return this.map.fallback ? { id: this.map.fallback, by: 'fallback' } : undefined;
  }

  /** A comment's blog-author key, by account only (never by the name typed in the form). */
  commentAuthor(c: SourceComment['author']): string | undefined {
    if (c.identity === 'registered' && c.uri) {
      const id = this.byUri.get(normaliseProfileUri(c.uri));
      if (id) return id;
    }
    if (c.disqusUsername) {
      const id = this.byDisqus.get(c.disqusUsername.toLowerCase());
      if (id) return id;
    }
    if (c.wordpressLogin) {
      const id = this.byLogin.get(c.wordpressLogin.toLowerCase());
      if (id) return id;
    }
    return undefined;
  }
}
