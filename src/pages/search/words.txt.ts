import type { APIRoute } from 'astro';
import { toText } from 'hast-util-to-text';
import { getPosts } from '../../data/content';
import { formatOf, parseBody, searchableBody } from '../../lib/model';
import { serializeVocabulary, vocabulary } from '../../lib/search/suggest';

/**
 * /search/words.txt: the words of every post the index holds (titles and bodies, read as
 * the index reads them: `searchableBody`), most frequent first. The search page fetches it
 * only when a query finds nothing, to suggest a spelling (src/lib/search/suggest.ts).
 */
export const GET: APIRoute = async () => {
  const posts = await getPosts();
  const texts = posts.flatMap((post) => {
    const body = searchableBody(parseBody(post.entry.body ?? '', formatOf(post.entry.filePath ?? '.mdx')).children);
    return [post.title, toText({ type: 'root', children: body })];
  });
  return new Response(serializeVocabulary(vocabulary(texts)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
