import { ContentFileError } from '../content-files';
import { readBlog } from '../model';
import type { LabelInfo, PostComments } from '../schemas';

/**
 * What the content folder already holds, so a re-import finds its own posts again
 * (same Blogger id -> same file), new posts never overwrite old ones, comments from
 * other sources are merged rather than replaced, and labels are checked against the
 * spellings already in use. Read through content-files: a file that is not UTF-8
 * stops the import with its name.
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
  /** Labels as written (posts). */
  labels?: string[];
}

export interface ExistingContent {
  posts: Map<string, ExistingDoc>;
  pages: Map<string, ExistingDoc>;
  /** By the post field ("2008/11/slug" or "p/about"). */
  comments: Map<string, PostComments>;
  /** labels.yaml: descriptions and alias spellings. */
  labelInfo?: Map<string, LabelInfo>;
  warnings: string[];
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** A document's fields the importer matches on, from its validated data or, for a refused file, its front matter as written. */
function fieldsOf(data: Record<string, unknown>): Omit<ExistingDoc, 'id' | 'rel' | 'rels'> {
  const legacy = (data.legacy ?? {}) as Record<string, unknown>;
  return {
    bloggerId: str(legacy.bloggerId),
    legacyUrl: str(legacy.url),
    wordpressId: str(legacy.wordpressId),
    title: str(data.title),
    draft: data.draft === true,
    labels: Array.isArray(data.labels) ? data.labels.filter((l): l is string => typeof l === 'string') : undefined,
  };
}

interface DocumentRead {
  id: string;
  file: string;
  data: Record<string, unknown>;
}

function indexDocs(docs: readonly DocumentRead[], kind: 'post' | 'page', warnings: string[]): Map<string, ExistingDoc> {
  const out = new Map<string, ExistingDoc>();
  for (const d of [...docs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    // slug.md and slug.mdx are one post (one id, one address): the site cannot build both.
    const twin = out.get(d.id);
    if (twin) {
      twin.rels.push(d.file);
      warnings.push(`${twin.rel} and ${d.file} are the same ${kind} (${d.id}); the site can build only one: re-importing it removes the other, or delete one by hand`);
      continue;
    }
    out.set(d.id, { id: d.id, rel: d.file, rels: [d.file], ...fieldsOf(d.data) });
  }
  return out;
}

/** The site as the importer sees it, read through the blog's model (src/lib/model/) leniently: a refused post is a warning, not a stop. */
export function readExistingContent(contentDir: string): ExistingContent {
  const warnings: string[] = [];
  const blog = readBlog(contentDir, { kinds: ['post', 'page', 'comments', 'labels'], lenient: true });
  const refused = (kind: 'post' | 'page'): DocumentRead[] =>
    blog.invalidDocuments.flatMap((d) => {
      if (d.kind !== kind) return [];
      if (!d.readable) throw d.error; // Not UTF-8: the import stops with the file's name.
      warnings.push(`${d.error.message}; its front matter is read as written, to find the post again`);
      return [{ id: d.id, file: d.file, data: d.frontMatter }];
    });
  const posts = indexDocs([...blog.posts.map((p) => ({ id: p.id, file: p.file, data: p.data })), ...refused('post')], 'post', warnings);
  const pages = indexDocs([...blog.pages.map((p) => ({ id: p.id, file: p.file, data: p.data })), ...refused('page')], 'page', warnings);
  const comments = new Map<string, PostComments>();
  for (const f of blog.commentFiles) {
    try {
      comments.set(f.post, f.read());
    } catch (e) {
      if (!(e instanceof ContentFileError)) throw e;
      throw new ContentFileError(e.file, `${e.detail}. Fix it before importing: comments are merged into it.`, e.line);
    }
  }
  return { posts, pages, comments, labelInfo: blog.labelInfo, warnings };
}
