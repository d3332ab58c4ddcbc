import { describe, expect, it } from 'vitest';
import { convertHtml, type ConvertOptions } from '../../../src/lib/import/html-to-mdx';
import { bodyProblem } from '../../../src/lib/import/plan';
import { compileBoth, compileMarkdown, rawHtmlIn, renderedElements, renderedText, renderedWords } from './mdx';

/** The converter with the old field name: `mdx` is the body, whichever format it is in. */
const convert = (html: string, options: ConvertOptions = {}) => {
  const r = convertHtml(html, options);
  return { ...r, mdx: r.body };
};
const elements = renderedElements;

describe('Blogger HTML to Markdown or MDX', () => {
  it('turns blank lines made of <br> into paragraphs and keeps single breaks', () => {
    const { mdx, format } = convert('One<br />still one<br /><br />Two<br /><br /><br />Three<br />');
    expect(format).toBe('md');
    expect(mdx).toBe('One\\\nstill one\n\nTwo\n\nThree\n');
    expect(compileMarkdown(mdx)).toBe('<p>One<br>\nstill one</p>\n<p>Two</p>\n<p>Three</p>\n');
  });

  it('keeps quotes, lists, tables, links and images with alt text', () => {
    const { mdx } = convert(
      '<blockquote>Quoted news</blockquote><ul><li>a</li><br /><li>b</li></ul><ol><li>first</li></ol>' +
        '<table><tr><th>Drug</th><th>Dose</th></tr><tr><td>lithium<br>ER</td><td>300 mg</td></tr></table>' +
        '<a href="https://example.org/x" title="T">link</a> <img src="//example.org/i.png" alt="A duck">',
    );
    expect(mdx).toContain('> Quoted news');
    expect(mdx).toContain('- a\n- b');
    expect(mdx).toContain('1. first');
    expect(mdx).toContain('| Drug | Dose |');
    expect(mdx).toContain('| lithium<br />ER | 300 mg |');
    expect(mdx).toContain('[link](https://example.org/x "T")');
    expect(mdx).toContain('![A duck](https://example.org/i.png)');
    compileBoth(mdx);
    expect(elements(mdx, 'table')).toHaveLength(1);
    expect(elements(mdx, 'img')[0]!.attrs.alt).toBe('A duck');
  });

  it('escapes what MDX would read as code', () => {
    const html =
      '<p>import os from "x"</p><p>export default 1</p><p>{props.secret} and 3 < 4 and <3</p><p>a <notatag> b</p>' +
      '<p>back\\slash and \\\'quotes\\\'</p><p>* star _under_ # hash</p><p>http://bare.example</p>';
    const { mdx, format } = convert(html, { format: 'mdx' });
    expect(format).toBe('mdx');
    compileBoth(mdx);
    const text = renderedText(mdx);
    expect(text).toContain('import os from "x"');
    expect(text).toContain('export default 1');
    expect(text).toContain('{props.secret} and 3 < 4 and <3');
    expect(text).toContain("back\\slash and \\'quotes\\'");
    expect(text).toContain('* star _under_ # hash');
  });

  it('escapes what CommonMark would read as HTML or syntax in a plain .md body, and lets no raw HTML through', () => {
    const html =
      '<p>import os from "x"</p><p>{props.secret} and 3 < 4 and <3</p><p>a <notatag> b</p>' +
      '<p>&lt;div class="x"&gt;shown&lt;/div&gt; &lt;!-- not a comment --&gt; &lt;script&gt;alert(1)&lt;/script&gt; &lt;https://auto.example&gt;</p>' +
      '<p>&amp;amp; &amp;#39; &lt;?php ?&gt; &lt;![CDATA[x]]&gt;</p>' +
      '<p>back\\slash and \\\'quotes\\\'</p><p>* star _under_ # hash</p><p>    four spaces</p><p>1. not a list</p><p>---</p>';
    const { mdx, format } = convert(html);
    expect(format).toBe('md');
    expect(rawHtmlIn(mdx)).toEqual([]);
    const rendered = compileMarkdown(mdx);
    // Every angle bracket from the text is an entity in the page: no element came from the post text.
    expect(rendered).not.toMatch(/<(div|script|!--|\?php|!\[CDATA)/);
    const text = renderedText(mdx, 'md');
    for (const words of [
      'import os from "x"',
      '{props.secret} and 3 < 4 and <3',
      '<div class="x">shown</div> <!-- not a comment --> <script>alert(1)</script> <https://auto.example>',
      "&amp; &#39; <?php ?> <![CDATA[x]]>",
      "back\\slash and \\'quotes\\'",
      '* star _under_ # hash',
      'four spaces',
      '1. not a list',
      '---',
    ]) {
      expect(text).toContain(words);
    }
    expect(elements(mdx, 'pre', 'md')).toEqual([]);
    expect(elements(mdx, 'ol', 'md')).toEqual([]);
    expect(elements(mdx, 'hr', 'md')).toEqual([]);
  });

  it('removes scripts, styles and inline styles; keeps bold meant by a style', () => {
    const r = convert('<style>p{}</style><script>alert(1)</script><p style="color:red">red <span style="font-weight: bold">strong</span> <font face="x">font</font></p><form><input></form>');
    expect(r.mdx).toBe('red **strong** font\n');
    expect(r.removed.sort()).toEqual(['form', 'script', 'style']);
  });

  it('turns YouTube and Vimeo players into click-to-load VideoEmbeds and every other embed into a link', () => {
    const r = convert(
      '<object width="425"><param name="movie" value="http://www.youtube.com/v/abcDEF12345&hl=en"></param><embed src="http://www.youtube.com/v/abcDEF12345&hl=en"></embed></object>' +
        '<iframe src="https://player.vimeo.com/video/1234" width="500"></iframe><iframe src="https://ads.example/frame"></iframe>' +
        '<iframe src="https://w.soundcloud.com/player/?url=x"></iframe>',
    );
    compileBoth(r.mdx);
    expect(elements(r.mdx, 'iframe')).toEqual([]);
    const videos = elements(r.mdx, 'VideoEmbed');
    expect(videos.map((f) => [f.attrs.provider, f.attrs.id])).toEqual([['youtube', 'abcDEF12345'], ['vimeo', '1234']]);
    expect(videos.every((f) => typeof f.attrs.title === 'string' && f.attrs.title !== '')).toBe(true);
    expect(r.mdx).toContain('[Embedded content](https://w.soundcloud.com/player/?url=x)');
    expect(r.mdx).toContain('[Embedded content](https://ads.example/frame)');
    expect(r.embeds).toEqual([
      { src: 'https://www.youtube.com/embed/abcDEF12345', kept: true },
      { src: 'https://player.vimeo.com/video/1234', kept: true },
      { src: 'https://ads.example/frame', kept: false },
      { src: 'https://w.soundcloud.com/player/?url=x', kept: false },
    ]);
  });

  it('drops anchors without an address and unsafe link schemes, keeping their text', () => {
    const r = convert('<a name="more"></a>Read on. <a href="javascript:alert(1)">click</a> <a href=" jav&#x09;ascript:x">x</a>');
    expect(r.mdx).toBe('Read on. click x\n');
  });

  it('moves spaces and breaks out of bold and italic so Markdown can read them', () => {
    const r = convert('<b>Title </b>- text <i> FOREVER </i>to go<br /><b>\n 1.1.2 Heading\n<br />\n<br />\n</b>after');
    expect(r.mdx).toBe('**Title** - text *FOREVER* to go\\\n**1.1.2 Heading**\n\nafter\n');
    compileBoth(r.mdx);
  });

  it('converts newlines to line breaks only when the blog converted them', () => {
    expect(convert('one\ntwo\n\nthree', { convertLineBreaks: true }).mdx).toBe('one\\\ntwo\n\nthree\n');
    expect(convert('one\ntwo\n\nthree').mdx).toBe('one two three\n');
  });

  it('reads WordPress text the way wpautop shows it', () => {
    expect(convert('para one\nline\n\npara two', { autop: true }).mdx).toBe('para one\\\nline\n\npara two\n');
  });

  it('rewrites links through the callback and reports the ones it could not place', () => {
    const r = convert('<a href="http://old/a.html">a</a> <a href="http://old/b.html">b</a> <a href="https://else/">c</a>', {
      rewriteHref: (href: string) => (href.endsWith('a.html') ? '/2008/11/a.html' : href.endsWith('b.html') ? null : undefined),
    });
    expect(r.mdx).toBe('[a](/2008/11/a.html) [b](http://old/b.html) [c](https://else/)\n');
    expect(r.rewrittenLinks).toEqual([{ from: 'http://old/a.html', to: '/2008/11/a.html' }]);
    expect(r.unresolvedLinks).toEqual(['http://old/b.html']);
  });

  it('turns Blogger image-and-caption tables into an image and its caption', () => {
    const r = convert(
      '<table class="tr-caption-container"><tbody><tr><td><a href="https://x.example/big.jpg"><img src="https://x.example/small.jpg"></a></td></tr><tr><td class="tr-caption">Splash screen</td></tr></tbody></table>',
    );
    expect(r.mdx).toBe('[![](https://x.example/small.jpg)](https://x.example/big.jpg)\n\nSplash screen\n');
    expect(r.images).toEqual([{ src: 'https://x.example/small.jpg', alt: '' }]);
  });

  it('writes plain Markdown (.md) unless the body needs JSX (.mdx)', () => {
    const format = (html: string) => convertHtml(html).format;
    expect(format('<p>Plain <b>bold</b>, <a href="https://x.example/">a link</a>, <img src="https://x.example/i.png" alt="i"></p><blockquote>q</blockquote><ul><li>a</li></ul><table><tr><td>1</td></tr></table>')).toBe('md');
    // A YouTube player becomes the site's click-to-load <VideoEmbed />.
    expect(format('<p>Watch:</p><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>')).toBe('mdx');
    expect(format('<object><param name="movie" value="http://www.youtube.com/v/abcDEF12345"></object>')).toBe('mdx');
    // An unknown embed becomes a link: plain again.
    expect(format('<iframe src="https://ads.example/frame"></iframe>')).toBe('md');
    // Markdown has no superscript, and no line break inside a table cell.
    expect(format('E = mc<sup>2</sup>')).toBe('mdx');
    expect(format('<table><tr><td>a<br>b</td></tr></table>')).toBe('mdx');
    expect(convertHtml('<p>Plain</p>', { format: 'mdx' }).format).toBe('mdx');
  });

  it('a plain .md body renders the same words as the .mdx body of the same HTML', () => {
    const html =
      '<h2>Heading &amp; more</h2><p>Text with <b>bold</b>, <i>italic</i>, <a href="https://x.example/?a=1&amp;b=2">link</a>, <code>x < y</code>.</p>' +
      '<blockquote>import this {and that} <3</blockquote><ol><li>one</li><li>two *stars*</li></ol><pre>code\n  indented</pre>' +
      '<table><tr><th>A</th><th>B|pipe</th></tr><tr><td>1</td><td>&lt;2&gt;</td></tr></table><p>line<br>break</p><hr>' +
      '<p><img src="https://x.example/i.png" alt="An image"> ~tilde~ _under_ [brackets] http://bare.example</p>';
    const md = convertHtml(html);
    const mdx = convertHtml(html, { format: 'mdx' });
    expect([md.format, mdx.format]).toEqual(['md', 'mdx']);
    compileMarkdown(md.body);
    compileBoth(mdx.body);
    expect(renderedWords(md.body, 'md')).toBe(renderedWords(mdx.body, 'mdx'));
    expect(renderedWords(md.body, 'md')).toContain('import this {and that} <3');
    expect(elements(md.body, 'img', 'md')[0]!.attrs.alt).toBe('An image');
    expect(elements(md.body, 'table', 'md')).toHaveLength(1);
  });

  it('the planner refuses a .md body with raw HTML and an .mdx body that does not compile', () => {
    expect(bodyProblem('a <div>x</div>\n', 'md')).toMatch(/would pass raw HTML to the page \(<div>/);
    expect(bodyProblem('<!-- note -->\n', 'md')).toMatch(/raw HTML/);
    expect(bodyProblem('a \\<div>x\\</div> and 3 < 4 {x}\n', 'md')).toBeUndefined();
    expect(bodyProblem('a {x\n', 'mdx')).toMatch(/does not compile as MDX/);
    expect(bodyProblem(convertHtml('<p>a <b>b</b> &lt;div&gt;</p>').body, 'md')).toBeUndefined();
  });

  it('writes nothing for an empty body', () => {
    expect(convert('').mdx).toBe('');
    expect(convert('<p> </p><br>').mdx).toBe('');
  });
});
