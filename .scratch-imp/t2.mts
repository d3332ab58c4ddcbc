import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import { mdxToJs } from 'satteri';
const proc = unified().use(rehypeParse, { fragment: true }).use(rehypeRemark).use(remarkGfm).use(remarkMdx).use(remarkStringify, { resourceLink: true, bullet: '-', emphasis: '*', strong: '*', rule: '-' } as any);
const html = `<p>import foo from 'bar'</p><p>export the data { a } and 3 < 4 and <b>x</b></p>Some {braces} <br />line2<br /><br />para2 http://example.com <a href="http://example.com">http://example.com</a> Slashes aren\\'t \\"cool\\" &lt;script&gt; * star _ under [brackets] \`tick\` # hash
<table><tr><th>A</th><th>B</th></tr><tr><td>1|2</td><td>x</td></tr></table><div style="color:red">styled</div><img src="http://x/y.jpg" alt="a [b]"><ul><li>one</li><li>two</li></ul><blockquote>quote</blockquote>
1. not a list
- not a list`;
const out = String(await proc.process(html));
console.log(out);
try { const r = await mdxToJs(out); console.log('compiled ok', typeof r); } catch (e) { console.log('COMPILE ERR', (e as Error).message); }
