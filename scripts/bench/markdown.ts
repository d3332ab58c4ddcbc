import { parseArgs } from 'node:util';
import { markdownToHtml, mdxToJs } from 'satteri';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { buildArchive } from './archive';
import { videoLink } from './content';

/**
 * The Markdown processor on its own: every post body of the synthetic archive through
 * Sätteri (Astro 7's default, native, GFM built in) and through unified() + remark-gfm
 * (remark-parse → remark-gfm → remark-rehype → rehype-stringify, the core of what Astro's
 * `unified()` processor runs; Astro adds heading ids, image collection and smartypants on
 * top, so its real cost is higher). Also Sätteri's MDX compile, which `.mdx` posts pay on
 * every build because Vite compiles each one as a module.
 *
 *   npx tsx scripts/bench/markdown.ts [--posts 5000] [--rounds 3]
 */
const { values } = parseArgs({ options: { posts: { type: 'string', default: '5000' }, rounds: { type: 'string', default: '3' } } });
const posts = buildArchive({ posts: Number(values.posts), seed: 20060401 }).posts;
const bodies = posts.map((p) => (p.video ? p.body.replace('{{video}}', videoLink(p.video)) : p.body));
const rounds = Number(values.rounds);

const pipeline = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify);

async function time(name: string, run: (body: string) => unknown): Promise<number> {
  for (const b of bodies.slice(0, 200)) await run(b); // warm up the JIT
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    for (const b of bodies) await run(b);
    samples.push(performance.now() - t);
  }
  const best = Math.min(...samples);
  console.log(`${name.padEnd(34)} ${(best / 1000).toFixed(2).padStart(7)} s for ${bodies.length} posts  ${(best / bodies.length).toFixed(3)} ms a post`);
  return best;
}

const satteri = await time('Sätteri markdownToHtml (GFM)', (b) => markdownToHtml(b, { features: { gfm: true } }).html);
const remark = await time('unified() + remark-gfm → HTML', (b) => pipeline.process(b));
const mdx = await time('Sätteri mdxToJs (an .mdx module)', (b) => mdxToJs(b).code);
console.log(`unified() is ${(remark / satteri).toFixed(1)}× Sätteri; Sätteri's MDX compile is ${(mdx / satteri).toFixed(1)}× its Markdown render`);
