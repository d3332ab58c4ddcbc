import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import { mdxToJs, markdownToHtml } from 'satteri';
const proc = unified().use(rehypeParse, { fragment: true }).use(rehypeRemark).use(remarkGfm).use(remarkMdx).use(remarkStringify, { resourceLink: true, bullet: '-', emphasis: '*', strong: '*', rule: '-',
 unsafe: [{ atBreak: true, character: 'i', after: 'mport\\s' }, { atBreak: true, character: 'e', after: 'xport\\s' }] } as any);
const html = `<p>import foo from 'bar'</p><p>export the data { a } and 3 < 4</p><p>text<br>export x</p>`;
const out = String(await proc.process(html));
console.log(out);
try { const r = await mdxToJs(out); console.log('compiled ok', r.code.slice(0, 0)); } catch (e) { console.log('COMPILE ERR', (e as Error).message); }
console.log(Object.keys(await import('satteri')));
