import { ContentFileError, listContentFiles, parseFrontMatter, readCommentsFile, readLabelsFile, readTextFile, type ContentFile } from '../content-files';
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

function readDocs(files: readonly ContentFile[], kind: 'post' | 'page', warnings: string[]): Map<string, ExistingDoc> {
  const out = new Map<string, ExistingDoc>();
  for (const f of files) {
    if (f.kind !== kind) continue;
    const fm = parseFrontMatter(readTextFile(f.file, f.rel));
    if (fm.error) warnings.push(`${f.rel}:${fm.error.line}: unreadable frontmatter (${fm.error.message}); treated as a post the importer does not know`);
    const data = fm.error ? {} : fm.data;
    const legacy = (data.legacy ?? {}) as Record<string, unknown>;
    // slug.md and slug.mdx are one post (one id, one address): the site cannot build both.
    const twin = out.get(f.id);
    if (twin) {
      twin.rels.push(f.rel);
      warnings.push(`${twin.rel} and ${f.rel} are the same ${kind} (${f.id}); the site can build only one: re-importing it removes the other, or delete one by hand`);
      continue;
    }
    out.set(f.id, {
      id: f.id,
      rel: f.rel,
      rels: [f.rel],
      bloggerId: str(legacy.bloggerId),
      legacyUrl: str(legacy.url),
      wordpressId: str(legacy.wordpressId),
      title: str(data.title),
      draft: data.draft === true,
      labels: Array.isArray(data.labels) ? data.labels.filter((l): l is string => typeof l === 'string') : undefined,
    });
  }
  return out;
}

export function readExistingContent(contentDir: string): ExistingContent {
  const warnings: string[] = [];
  const files = listContentFiles(contentDir, ['post', 'page', 'comments']);
  const comments = new Map<string, PostComments>();
  for (const f of files) {
    if (f.kind !== 'comments') continue;
    try {
      const data = readCommentsFile(f.file, f.rel);
      comments.set(data.post, data);
    } catch (e) {
      if (!(e instanceof ContentFileError)) throw e;
      throw new ContentFileError(e.file, `${e.detail}. Fix it before importing: comments are merged into it.`, e.line);
    }
  }
  return {
    posts: readDocs(files, 'post', warnings),
    pages: readDocs(files, 'page', warnings),
    comments,
    labelInfo: readLabelsFile(contentDir),
    warnings,
  };
}
