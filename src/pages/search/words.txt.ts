import type { APIRoute } from 'astro';
import { toText } from 'hast-util-to-text';
import { getPosts } from '../../data/content';
import { postBodyTree } from '../../lib/search/post-body';
import { serializeVocabulary, vocabulary } from '../../lib/search/suggest';

/**
 * /search/words.txt: the words of every post the index holds (titles and bodies, read as
 * the index reads them), most frequent first. The search page fetches it only when a
 * query finds nothing, to suggest a spelling (src/lib/search/suggest.ts).
 */
export const GET: APIRoute = async () => {
  const posts = await getPosts();
  const texts = posts.flatMap((post) => {
    const format = post.entry.filePath?.endsWith('.mdx') ? 'mdx' : 'md';
    const body = toText({ type: 'root', children: postBodyTree(post.entry.body ?? '', format) });
    return [post.title, body];
  });
  return new Response(serializeVocabulary(vocabulary(texts)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
