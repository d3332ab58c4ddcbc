import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { listFiles } from '../files';
import { parse as parseYaml } from 'yaml';
import { postCommentsSchema, type PostComments } from '../schemas';

/**
 * What the content folder already holds, so a re-import finds its own posts again
 * (same Blogger id -> same file), new posts never overwrite old ones, and comments
 * from other sources are merged rather than replaced.
 */

export interface ExistingDoc {
  /** Post id ("2008/11/slug") or page id ("about"). */
  id: string;
  /** Its file, content-relative ("posts/2008/11/slug.md" or ".mdx"). */
  rel: string;
  /** Every file with this id: normally just `rel`, both when `slug.md` and `slug.mdx` exist. */
  rels: string[];
  bloggerId?: string;
  legacyUrl?: string;
  wordpressId?: string;
  title?: string;
  draft?: boolean;
}

export interface ExistingContent {
  posts: Map<string, ExistingDoc>;
  pages: Map<string, ExistingDoc>;
  /** By the post field ("2008/11/slug" or "p/about"). */
  comments: Map<string, PostComments>;
  warnings: string[];
}


export function frontmatterOf(text: string): Record<string, unknown> | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n---(\r?\n|$)/.exec(text);
  if (!m) return undefined;
  const data = parseYaml(m[1]!);
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
}

const toPosix = (p: string) => p.split(sep).join('/');

function readDocs(contentDir: string, sub: 'posts' | 'pages', warnings: string[]): Map<string, ExistingDoc> {
  const base = join(contentDir, sub);
  const out = new Map<string, ExistingDoc>();
  for (const file of listFiles(base, /\.mdx?$/)) {
    const id = toPosix(relative(base, file)).replace(/\.mdx?$/, '');
    const rel = toPosix(relative(contentDir, file));
    let fm: Record<string, unknown> | undefined;
    try {
      fm = frontmatterOf(readFileSync(file, 'utf8'));
    } catch (e) {
      warnings.push(`${rel}: unreadable frontmatter (${(e as Error).message}); treated as a post the importer does not know`);
    }
    const legacy = (fm?.legacy ?? {}) as Record<string, unknown>;
    // slug.md and slug.mdx are one post (one id, one address): the site cannot build both.
    const twin = out.get(id);
    if (twin) {
      twin.rels.push(rel);
      warnings.push(`${twin.rel} and ${rel} are the same ${sub === 'posts' ? 'post' : 'page'} (${id}); the site can build only one: re-importing it removes the other, or delete one by hand`);
      continue;
    }
    out.set(id, {
      id,
      rel,
      rels: [rel],
      bloggerId: typeof legacy.bloggerId === 'string' ? legacy.bloggerId : undefined,
      legacyUrl: typeof legacy.url === 'string' ? legacy.url : undefined,
      wordpressId: typeof legacy.wordpressId === 'string' ? legacy.wordpressId : undefined,
      title: typeof fm?.title === 'string' ? fm.title : undefined,
      draft: fm?.draft === true,
    });
  }
  return out;
}

export function readExistingContent(contentDir: string): ExistingContent {
  const warnings: string[] = [];
  const comments = new Map<string, PostComments>();
  const base = join(contentDir, 'comments');
  for (const file of listFiles(base, /\.json$/)) {
    const rel = toPosix(relative(contentDir, file));
    let parsed;
    try {
      parsed = postCommentsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    } catch (e) {
      throw new Error(`${rel}: not valid JSON (${(e as Error).message}). Fix or remove it before importing: comments are merged into it.`);
    }
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      throw new Error(`${rel}: ${i.path.join('.')}: ${i.message}. Fix it before importing: comments are merged into it.`);
    }
    comments.set(parsed.data.post, parsed.data);
  }
  return {
    posts: readDocs(contentDir, 'posts', warnings),
    pages: readDocs(contentDir, 'pages', warnings),
    comments,
    warnings,
  };
}
