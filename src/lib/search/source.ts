import { parseBody, readBlog, searchableBody, siteView, type CommentFileSource, type PostFacts, type ViewOptions } from '../model';
import { postRecord, type SearchDocument } from './records';

/**
 * What the search index is made of, from the blog's model (src/lib/model/): the visible
 * posts' records (each post read and its body parsed once), and the comment files of
 * visible posts with their posts' facts, so the comment records are made only when the
 * comment index is rebuilt (comment-index.ts skips it from a digest of the bytes).
 *
 * Why the files and not Astro's collections: the index is built in `astro:build:done`,
 * outside Astro's render, where the collections are not available.
 */

export interface SearchSourceOptions extends ViewOptions {
  contentDir: string;
}

/** A comment file of a visible post, with the facts of that post. */
export type SourceCommentFile = Omit<CommentFileSource, 'post'> & { post: PostFacts };

export interface SearchSource {
  /** One record per visible post, in file order: the post index indexes exactly these. */
  postRecords: SearchDocument[];
  /** Comment files of visible posts, in file order. */
  commentFiles: SourceCommentFile[];
  /** The blog's authors' handles by key, to name their comments. */
  handles: Record<string, string>;
}

/** The record of one post, from its file as read into the model. */
export function postSearchRecord(facts: PostFacts, post: { file: string; body: string; format: 'md' | 'mdx' }): SearchDocument {
  let body;
  try {
    body = searchableBody(parseBody(post.body, post.format).children);
  } catch (error) {
    throw new Error(`${post.file}: the body could not be read for search (${(error as Error).message}). Fix the Markdown or MDX.`);
  }
  return postRecord(facts, body);
}

export function readSearchSource(options: SearchSourceOptions): SearchSource {
  const site = siteView(readBlog(options.contentDir, { kinds: ['post', 'author', 'comments', 'labels'] }), options);
  const facts = new Map(site.posts.map((p) => [p.source.id, p.facts]));
  return {
    postRecords: site.posts.map((p) => postSearchRecord(p.facts, p.source)),
    commentFiles: site.commentFiles.flatMap((f) => {
      const post = facts.get(f.post);
      return post ? [{ ...f, post }] : [];
    }),
    handles: site.handles,
  };
}
