import { describe, expect, it } from 'vitest';
import { htmlToMdx } from '../../../src/lib/import/html-to-mdx';
import { compileBoth, renderedElements, renderedText } from './mdx';

const convert = (html: string, options = {}) => htmlToMdx(html, options);
const elements = renderedElements;

describe('Blogger HTML to MDX', () => {
  it('turns blank lines made of <br> into paragraphs and keeps single breaks', () => {
    const { mdx } = convert('One<br />still one<br /><br />Two<br /><br /><br />Three<br />');
    expect(mdx).toBe('One\\\nstill one\n\nTwo\n\nThree\n');
    compileBoth(mdx);
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
    const { mdx } = convert(html);
    compileBoth(mdx);
    const text = renderedText(mdx);
    expect(text).toContain('import os from "x"');
    expect(text).toContain('export default 1');
    expect(text).toContain('{props.secret} and 3 < 4 and <3');
    expect(text).toContain("back\\slash and \\'quotes\\'");
    expect(text).toContain('* star _under_ # hash');
  });

  it('removes scripts, styles and inline styles; keeps bold meant by a style', () => {
    const r = convert('<style>p{}</style><script>alert(1)</script><p style="color:red">red <span style="font-weight: bold">strong</span> <font face="x">font</font></p><form><input></form>');
    expect(r.mdx).toBe('red **strong** font\n');
    expect(r.removed.sort()).toEqual(['form', 'script', 'style']);
  });

  it('keeps known video embeds as iframes and turns unknown ones into links', () => {
    const r = convert(
      '<object width="425"><param name="movie" value="http://www.youtube.com/v/abcDEF12345&hl=en"></param><embed src="http://www.youtube.com/v/abcDEF12345&hl=en"></embed></object>' +
        '<iframe src="https://player.vimeo.com/video/1234" width="500"></iframe><iframe src="https://ads.example/frame"></iframe>',
    );
    compileBoth(r.mdx);
    const frames = elements(r.mdx, 'iframe');
    expect(frames.map((f) => f.attrs.src)).toEqual(['https://www.youtube.com/embed/abcDEF12345', 'https://player.vimeo.com/video/1234']);
    expect(frames.every((f) => typeof f.attrs.title === 'string' && f.attrs.title !== '')).toBe(true);
    expect(r.mdx).toContain('[Embedded content](https://ads.example/frame)');
    expect(r.embeds).toEqual([
      { src: 'https://www.youtube.com/embed/abcDEF12345', kept: true },
      { src: 'https://player.vimeo.com/video/1234', kept: true },
      { src: 'https://ads.example/frame', kept: false },
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

  it('writes nothing for an empty body', () => {
    expect(convert('').mdx).toBe('');
    expect(convert('<p> </p><br>').mdx).toBe('');
  });
});
