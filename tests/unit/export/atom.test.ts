import { describe, expect, it } from 'vitest';
import { commentsAtomFeed } from '../../../src/lib/export/atom';
import { renderAtom } from '../../../src/lib/feed-xml';
import { NS, childText, childrenOf, parseXml, type XmlElement } from '../../../src/lib/import/xml';
import { importedSite } from './helpers';

const { input } = importedSite();
const options = { authority: 'www.shrinkrap.net', title: 'Shrink Rap: comments', selfUrl: 'https://www.shrinkrap.net/feeds/comments/default', alternateUrl: 'https://www.shrinkrap.net/' };

function entries(xml: string): XmlElement[] {
  const out: XmlElement[] = [];
  parseXml(xml, { file: 'feed.xml', isRecord: (el, a) => a.length === 1 && el.local === 'entry', onRecord: (el) => out.push(el) });
  return out;
}

describe('Atom comment feeds', () => {
  it('site-wide: every public comment, newest first, with RFC 4685 threading', () => {
    const list = entries(renderAtom(commentsAtomFeed(input, options)));
    expect(list).toHaveLength(22);
    const times = list.map((e) => Date.parse(childText(e, 'published', NS.atom)));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const reply = list.find((e) => childText(e, 'id', NS.atom) === 'tag:www.shrinkrap.net,2006:comment:blogger:4000000000000000003')!;
    const thr = childrenOf(reply, 'in-reply-to', NS.thr)[0]!;
    expect(thr.attrs.ref).toBe('tag:www.shrinkrap.net,2006:comment:blogger:4000000000000000001');
    expect(thr.attrs.href).toBe('https://www.shrinkrap.net/2006/03/welcome-to-couch.html#c4000000000000000001');
  });

  it('per post: only that post, top-level comments reply to the post', () => {
    const list = entries(renderAtom(commentsAtomFeed(input, { ...options, postId: '2006/04/ground-rules' })));
    expect(list).toHaveLength(3);
    const top = list.find((e) => childText(e, 'id', NS.atom).endsWith('blogger:4000000000000000011'))!;
    expect(childrenOf(top, 'in-reply-to', NS.thr)[0]!.attrs.ref).toBe('tag:www.shrinkrap.net,2006:post:2006/04/ground-rules');
  });

  it('shows a tombstone as removed, without name or address', () => {
    const list = entries(renderAtom(commentsAtomFeed(input, options)));
    const t = list.find((e) => childText(e, 'id', NS.atom).endsWith('blogger:4000000000000000005'))!;
    expect(childText(t, 'title', NS.atom)).toBe('This comment has been removed by a blog administrator.');
    expect(childText(childrenOf(t, 'author', NS.atom)[0], 'name', NS.atom)).toBe('Unknown');
  });
});
