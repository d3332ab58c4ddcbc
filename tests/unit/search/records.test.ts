import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll, select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { commentAnchor } from '../../../src/lib/comment-address';
import type { StoredComment } from '../../../src/lib/schemas';
import { parseBody, searchableBody, type PostFacts } from '../../../src/lib/model';
import { commentThreadRecord, postRecord } from '../../../src/lib/search/records';

const postBodyTree = (body: string, format: 'md' | 'mdx') => searchableBody(parseBody(body, format).children);
import { commenterMetaKey } from '../../../src/lib/search/results';
import { HOSTILE, hugeBody } from '../../hostile-text';

const facts: PostFacts = {
  id: '2013/04/jail',
  url: '/2013/04/jail.html',
  title: `${HOSTILE.gt} ${HOSTILE.quotes} ${HOSTILE.rtl}`,
  author: 'ClinkShrink',
  year: '2013',
  labels: ['jails', 'Q&A <live>'],
  date: '2013-04-02T08:00:00-04:00',
};

let n = 0;
function comment(name: string, bodyHtml: string, extra: Partial<StoredComment> = {}): StoredComment {
  n++;
  return {
    id: `blogger:${1000 + n}`,
    parentId: null,
    published: `2013-04-0${(n % 8) + 2}T09:00:00-04:00`,
    author: { name, role: 'reader', identity: 'guest' },
    bodyHtml,
    status: 'visible',
    source: { system: 'blogger-classic', file: 'x.xml', id: `c${n}`, postRef: 'p' },
    ...extra,
  };
}

const parse = (html: string): Root => fromHtml(html);
const texts = (tree: Root, selector: string) => selectAll(selector, tree).map((e) => toText(e));
const attr = (el: Element | undefined, name: string) => el?.properties[name];

describe('post records', () => {
  it('carry title, body and every facet, whatever the text', () => {
    const body = postBodyTree(`Words about ${HOSTILE.gt} & ${HOSTILE.emoji}.\n\n## A heading\n\nMore <b>bold</b> text.`, 'md');
    const record = postRecord(facts, body);
    expect(record.url).toBe('/2013/04/jail.html');
    const tree = parse(record.html);
    expect(texts(tree, '[data-pagefind-body] > h1')).toEqual([facts.title]);
    const main = toText(select('[data-pagefind-body]', tree)!);
    expect(main).toContain(`Words about ${HOSTILE.gt} & ${HOSTILE.emoji}.`);
    expect(main).toContain('More bold text.');
    expect(main).toContain('Posted by ClinkShrink');
    expect(texts(tree, '[data-pagefind-meta="title"]')).toEqual([facts.title]);
    expect(texts(tree, '[data-pagefind-filter="label"]')).toEqual(['jails', 'Q&A <live>']);
    expect(texts(tree, '[data-pagefind-filter="author"]')).toEqual(['ClinkShrink']);
    const keyed = selectAll('[data-pagefind-filter], [data-pagefind-sort], [data-pagefind-meta]', tree).map((e) =>
      String(attr(e, 'dataPagefindFilter') ?? attr(e, 'dataPagefindSort') ?? attr(e, 'dataPagefindMeta')),
    );
    expect(keyed).toEqual(expect.arrayContaining(['year:2013', 'type:post', `date:${facts.date}`]));
    // Only the serializer writes markup: the title's "<" and ">" are text, never tags.
    expect(selectAll('script, b', select('h1', tree)!)).toEqual([]);
  });

  it('reduce MDX to what a reader sees: no imports or expressions, components keep their text', () => {
    const body = postBodyTree(
      `import VideoEmbed from '../../components/VideoEmbed.astro';\n\nBefore {1 + 1} after.\n\n<VideoEmbed provider="youtube" id="x" title="A talk on delirium" />\n\n<Aside>inner words</Aside>\n\n![Alt of the duck](./images/duck.svg)`,
      'mdx',
    );
    const tree = parse(postRecord(facts, body).html);
    const main = toText(select('[data-pagefind-body] > div', tree)!);
    expect(main).not.toContain('import');
    expect(main).not.toContain('1 + 1');
    expect(main).toContain('A talk on delirium');
    expect(main).toContain('inner words');
    const img = select('img', tree)!;
    expect(attr(img, 'alt')).toBe('Alt of the duck');
    expect(attr(img, 'src')).toBeUndefined();
  });
});

describe('comment-thread records', () => {
  it('give every comment a heading with its anchor and name, and its text, whatever the text', { timeout: 60_000 }, () => {
    const marker = 'zanzibarquux';
    const comments = [
      comment(HOSTILE.gt, `<p>I said ${HOSTILE.tag}</p>`),
      comment(HOSTILE.quotes, `<p>${HOSTILE.rtl}</p>`),
      comment(HOSTILE.emoji, 'emoji body 🦆'),
      comment(HOSTILE.long, 'long name body'),
      comment('Big', `<p>${hugeBody(marker)}</p>`),
      comment('', '', { status: 'tombstone', removedBy: 'administrator', author: { name: '', role: 'reader', identity: 'anonymous' } }),
      comment('Dinah', 'author reply', { author: { name: 'Dinah M.', role: 'blog-author', identity: 'registered', authorKey: 'dinah' } }),
    ];
    comments[2]!.parentId = comments[0]!.id;
    const record = commentThreadRecord(facts, comments, { dinah: 'Dinah' })!;
    expect(record.url).toBe('/2013/04/jail.html#comments');
    expect(record.comments).toBe(comments.length);
    expect(record.html.length).toBeGreaterThan(1_000_000);
    const tree = parse(record.html);
    const headings = selectAll('[data-pagefind-body] > h2', tree);
    expect(headings.map((h) => attr(h, 'id'))).toEqual(expect.arrayContaining(comments.map((c) => commentAnchor(c))));
    expect(headings).toHaveLength(comments.length);
    const names = headings.map((h) => toText(h));
    expect(names).toEqual(
      expect.arrayContaining([HOSTILE.gt, HOSTILE.quotes, HOSTILE.emoji, HOSTILE.long, 'Big', 'Dinah', 'This comment has been removed by a blog administrator.']),
    );
    // Replies follow their parent, as on the page.
    expect(names.indexOf(HOSTILE.emoji)).toBe(names.indexOf(HOSTILE.gt) + 1);
    const main = toText(select('[data-pagefind-body]', tree)!);
    // Comment HTML is sanitized: the script is gone, its text is not markup.
    expect(selectAll('script', tree)).toEqual([]);
    expect(main).toContain(HOSTILE.rtl);
    expect(main).toContain(marker);
    expect(texts(tree, '[data-pagefind-meta="title"]')).toEqual([facts.title]);
    const keyed = selectAll('[data-pagefind-filter]', tree).map((e) => String(attr(e, 'dataPagefindFilter')));
    expect(keyed).toEqual(expect.arrayContaining(['type:comment', 'year:2013']));
    const meta = Object.fromEntries(selectAll('[data-pagefind-meta]', tree).map((e) => [String(attr(e, 'dataPagefindMeta')), toText(e)]));
    expect(meta.comments).toBe(String(comments.length));
    // Each name as meta too, keyed by its anchor (results.ts reads it for the link text).
    for (const c of comments) expect(meta[commenterMetaKey(commentAnchor(c))], c.id).toBe(names[headings.findIndex((h) => attr(h, 'id') === commentAnchor(c))]);
    expect(meta[commenterMetaKey(commentAnchor(comments[0]!))]).toBe(HOSTILE.gt);
  });

  it('is absent for a post without comments', () => {
    expect(commentThreadRecord(facts, [], {})).toBeUndefined();
  });
});
