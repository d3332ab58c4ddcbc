import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { attr, DIST, distFile, page, textOf, walk } from '../helpers';

/**
 * What a reader of the old blog notices (issue 11), checked on the built sample site as
 * rendered text wherever it is about words.
 */

const SEED = '/2008/11/should-psychiatrists-see-patients-for.html';
const HEATED = '/2015/03/involuntary-treatment-who-decides.html';
const QUIET = '/2008/06/tarasoff-for-beginners.html';

/** One page of every kind the site has. */
const PAGE_TYPES = {
  home: '/',
  'later home page': '/page/2/',
  post: SEED,
  'post with comments': HEATED,
  month: '/2008/11/',
  year: '/2008/',
  label: '/search/label/psychotherapy',
  author: '/authors/dinah/',
  archive: '/archive/',
  labels: '/labels/',
  'static page': '/p/about.html',
  search: '/search/',
  'not found': '/404.html',
};

/** All the CSS a page uses: its linked stylesheets and inline styles. */
export function cssOf(path: string): string {
  const p = page(path);
  const linked = p.all('link[rel~=stylesheet]').map((l) => distFile(attr(l, 'href')!));
  return [...linked, ...p.all('style').map(textOf)].join('\n');
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
const entries = (path: string) => [xml.parse(distFile(path)).feed.entry ?? []].flat() as Record<string, any>[];

describe('1. words never run together', () => {
  it.each(Object.entries(PAGE_TYPES))('%s: the footer reads as words', (_kind, path) => {
    expect(page(path).text('.site-footer')).toBe(
      "Shrink Rap, 2006–2018. The posts are the authors'; the comments are their writers'. About · Archive · Labels · Posts (Atom)",
    );
  });

  it.each(Object.entries(PAGE_TYPES))('%s: every separator dot has a space on both sides', (_kind, path) => {
    const text = page(path).text();
    expect(text.match(/\S·|·\S/g) ?? [], path).toEqual([]);
  });

  it.each(['/', '/2008/', '/search/label/psychotherapy', '/authors/dinah/', SEED, HEATED])('%s: post footers are whole sentences', (path) => {
    const p = page(path);
    for (const byline of p.all('.post-byline').map(textOf)) {
      expect(byline).toMatch(/^Posted by (Dinah|ClinkShrink|Roy)( at \d{1,2}:\d{2} [AP]M)?( · \d+ min read)?( · (No comments|1 comment|\d+ comments|Comments not recovered))?$/);
    }
    for (const labels of p.all('.post-labels').map(textOf)) expect(labels).toMatch(/^Labels: [^,\s]+( [^,\s]+)*(, [^,\s]+( [^,\s]+)*)*$/);
    for (const proof of p.all('.post-proofread').map(textOf)) expect(proof).toMatch(/^Proofread by (Dinah|ClinkShrink|Roy)((, | and )(Dinah|ClinkShrink|Roy))*$/);
  });

  it('the pager reads "Newer Post … Home Older Post …"', () => {
    expect(page(HEATED).text('nav.pager')).toMatch(/^Newer Post: .+ Home Older Post: .+$/);
    expect(page('/page/2/').text('nav.pager')).toBe('Newer Posts Home Older Posts');
  });
});

describe('2. the real post shows only what is known', () => {
  const p = page(SEED);

  it('has no invented time of day', () => {
    expect(p.text('.post-byline')).toBe('Posted by Dinah · 3 min read');
    expect(p.all('.post-byline time')).toHaveLength(0);
    expect(p.text('.date-header')).toBe('Saturday, November 29, 2008');
    const listed = page('/2008/11/').all('article').find((a) => textOf(a).includes('Should Psychiatrists See Patients'));
    expect(textOf(listed!)).toContain('Posted by Dinah · 3 min read · Comments not recovered');
  });

  it('has no invented comments, and says the comments were not recovered', () => {
    expect(p.all('li.comment')).toHaveLength(0);
    expect(p.text('#comments-heading')).toBe('Comments:');
    expect(p.text('.comments-closed')).toBe("This post's comments were not recovered from the old blog, and the archive is closed to new comments.");
    expect(existsSync(join(process.cwd(), 'content/comments/2008/11/should-psychiatrists-see-patients-for.json'))).toBe(false);
  });

  it('has no invented Blogger id: no Blogger-address comment feed and no old-comment redirects', () => {
    // Blogger's per-post comment feeds are redirect rules to ours (docs/DEPLOY.md).
    const bloggerFeeds = distFile('/_redirects').split('\n').filter((l) => /^\/feeds\/\d+\/comments\/default\s/.test(l));
    expect(bloggerFeeds.length).toBeGreaterThan(0); // imported sample posts keep theirs
    for (const rule of bloggerFeeds) expect(rule).not.toContain(SEED.slice(1).replace(/\.html$/, ''));
    expect(distFile('/_redirects')).not.toMatch(/should-psychiatrists-see-patients-for\.html\?showComment/);
  });

  it('keeps feeds valid: the post stands at noon in New York, with no comment count', () => {
    const seed = entries('/feeds/posts/default').find((e) => e.id.endsWith('post:2008/11/should-psychiatrists-see-patients-for'))!;
    expect(seed.published).toBe('2008-11-29T17:00:00.000Z');
    expect(seed['thr:total']).toBeUndefined();
  });
});

describe('3. removed comments keep their "said..." line', () => {
  it('shows "{Name} said..." and the italic notice where the body was', () => {
    const p = page(HEATED);
    const removed = p.all('li.comment--removed');
    expect(removed.length).toBeGreaterThan(0);
    for (const li of removed) {
      const id = attr(li, 'id');
      expect(p.text(`#${id} > .comment-author`)).toMatch(/^\S.* said\.\.\.$/);
      expect(p.text(`#${id} > .comment-body.comment-removed`)).toMatch(/^This comment has been removed by (the author|a blog administrator)\.$/);
    }
    expect(cssOf(HEATED)).toMatch(/\.comment-removed\s*\{[^}]*font-style:\s*italic/);
  });
});

describe('4. empty threads say what is true', () => {
  it('a post nobody commented on', () => {
    const p = page(QUIET);
    expect(p.all('li.comment')).toHaveLength(0);
    expect(p.text('#comments-heading')).toBe('No comments:');
    expect(p.text('.comments-closed')).toBe('Nobody commented on this post, and the archive is closed to new comments.');
    expect(p.text('#comments')).not.toMatch(/above/);
  });

  it('a post with comments', () => {
    expect(page(HEATED).text('.comments-closed')).toBe('This is the archive: the comments above are kept as they were, and comments are closed.');
  });
});

describe("5. Blogger's comment anchors and permalinks", () => {
  const postPages = walk(DIST).filter((f) => /^\d{4}\/\d{2}\/[^/]+\.html$/.test(f)).map((f) => `/${f}`);

  it('every comment has a c{digits} anchor and a ?showComment={epoch ms}#c{digits} permalink', () => {
    let seen = 0;
    for (const path of postPages) {
      const p = page(path);
      const ids = new Set<string>();
      for (const li of p.all('li.comment')) {
        const id = attr(li, 'id')!;
        expect(id, path).toMatch(/^c\d+$/);
        expect(ids.has(id), `${path}: ${id} twice`).toBe(false);
        ids.add(id);
        const time = p.one(`#${id} > .comment-footer time`)!;
        const link = p.one(`#${id} > .comment-footer a`)!;
        expect(attr(link, 'href')).toBe(`${path}?showComment=${Date.parse(attr(time, 'dateTime')!)}#${id}`);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(40);
  });

  it("old Blogger permalinks land: an imported comment's anchor is the one in its old address", () => {
    let checked = 0;
    for (const file of walk(join(process.cwd(), 'content/comments')).filter((f) => f.endsWith('.json'))) {
      const data = JSON.parse(readFileSync(join(process.cwd(), 'content/comments', file), 'utf8')) as {
        post: string;
        comments: { source: { permalink?: string } }[];
      };
      for (const c of data.comments) {
        const old = c.source.permalink && new URL(c.source.permalink);
        if (!old || !old.searchParams.has('showComment')) continue;
        expect(page(`/${data.post}.html`).one(old.hash), `${file}: ${old.hash}`).toBeDefined();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('6. feeds', () => {
  const feedFiles = walk(join(DIST, 'feeds')).map((f) => `/feeds/${f}`);

  it('no feed is dated 1970: an empty comment feed takes its post’s date', () => {
    for (const f of feedFiles) expect(distFile(f), f).not.toContain('1970-01-01');
    const quiet = xml.parse(distFile('/feeds/comments/2008/06/tarasoff-for-beginners.xml')).feed;
    expect(quiet.entry).toBeUndefined();
    const posted = attr(page(QUIET).one('.post-byline time'), 'dateTime')!;
    expect(Date.parse(quiet.updated)).toBe(Date.parse(posted));
  });

  it('the posts feed gives each entry its comment count (thr:total) and comment feed', () => {
    let counted = 0;
    for (const e of entries('/feeds/posts/default')) {
      const alternate = [e.link].flat().find((l: { rel: string }) => l.rel === 'alternate').href as string;
      const path = new URL(alternate).pathname;
      const replies = [e.link].flat().find((l: { rel: string }) => l.rel === 'replies');
      expect(replies.href).toBe(`https://www.shrinkrap.net/feeds/comments/${path.slice(1).replace(/\.html$/, '.xml')}`);
      if (path === SEED) continue;
      expect(e['thr:total'], path).toBe(page(path).all('li.comment').length);
      counted += e['thr:total'];
    }
    expect(counted).toBeGreaterThan(0);
  });
});

describe('7. the sidebar matches what the posts say', () => {
  it.each([SEED, '/', '/2008/11/'])('%s: podcast with its feed, two books, Shrinky Links, the duck', (path) => {
    const p = page(path);
    expect(p.text('#sb-podcast')).toBe('Podcast');
    const podcast = p.one('section[aria-labelledby=sb-podcast]')!;
    expect(textOf(podcast)).toContain('My Three Shrinks');
    const feed = p.all('section[aria-labelledby=sb-podcast] a').find((a) => textOf(a) === 'Podcast feed')!;
    expect(attr(feed, 'href')).toBe('/feeds/labels/podcast.xml');
    expect(distFile('/feeds/labels/podcast.xml')).toContain('My Three Shrinks Podcast 52');
    const books = p.all('section[aria-labelledby=sb-books] li');
    expect(books.map(textOf)).toEqual([
      'Shrink Rap: Three Psychiatrists Explain Their Work (2011)',
      'Committed: The Battle Over Involuntary Psychiatric Care (2016)',
    ]);
    for (const b of books) expect(distFile(attr(p.all('section[aria-labelledby=sb-books] a').find((a) => b.children.includes(a))!, 'href')!)).toBeTruthy();
    expect(p.text('#sb-blogroll')).toBe('Shrinky Links');
    expect(p.all('section[aria-labelledby=sb-blogroll] a').length).toBeGreaterThan(1);
    const duck = p.one('.sidebar-duck img')!;
    expect(attr(duck, 'src')).toBe('/favicon.svg');
    expect(attr(p.one('.sidebar-duck a'), 'href')).toBe('/2006/11/emotional-support-duck.html');
  });

  it('one duck, drawn once: header, sidebar and favicon use the same SVG, which has a beak and an eye', () => {
    const p = page('/');
    expect(attr(p.one('link[rel=icon]'), 'href')).toBe('/favicon.svg');
    expect(attr(p.one('.site-title img'), 'src')).toBe('/favicon.svg');
    expect(cssOf('/')).not.toMatch(/site-title a::before/);
    const svg = readFileSync(join(DIST, 'favicon.svg'), 'utf8');
    const duck = page('/favicon.svg');
    expect(duck.all('ellipse, circle').length).toBeGreaterThanOrEqual(2); // body and head
    expect(duck.all('path[fill="#e67e22"]')).toHaveLength(1); // the beak
    expect(duck.all('circle[fill="#222"]')).toHaveLength(1); // the eye
    expect(svg.length).toBeLessThan(1000);
  });

  it('post pages stay light and free of JavaScript with the fuller sidebar', () => {
    const p = page(HEATED);
    expect(Buffer.byteLength(p.html)).toBeLessThan(60_000);
    expect(p.all('script')).toEqual([]);
  });
});

describe('9. small things', () => {
  it('the 404 page has one search box', () => {
    expect(page('/404.html').all('input[type=search]')).toHaveLength(1);
    expect(page('/').all('input[type=search]')).toHaveLength(1);
  });

  it('/labels/ lists every label once, without the sidebar cloud beside it', () => {
    const p = page('/labels/');
    expect(p.all('.labels-index li').length).toBeGreaterThan(5);
    expect(p.all('.label-cloud')).toHaveLength(0);
    expect(page('/').all('.label-cloud')).toHaveLength(1);
  });

  it('digits come from a face without a slashed zero, for every text', () => {
    expect(cssOf('/')).toMatch(/@font-face\s*\{[^}]*font-family:\s*"?Plain digits"?[^}]*unicode-range:\s*U\+0*30-0*39/i);
    expect(cssOf('/')).toMatch(/body[^{]*\{[^}]*font-family:\s*"?Plain digits"?,/);
  });

  it('every label link, canonical and sitemap entry uses the one form /search/label/{label}', () => {
    const forms = new Set<string>();
    for (const f of walk(DIST).filter((x) => x.endsWith('.html'))) {
      const p = page(`/${f}`);
      for (const a of p.all('a[href*="/search/label/"]')) forms.add(attr(a, 'href')!.replace(/\/search\/label\/[^/]+/, '/search/label/X'));
    }
    // Only the label's address itself and its later pages: never a trailing-slash variant.
    for (const form of forms) expect(['/search/label/X', '/search/label/X/page/2/']).toContain(form);
    expect(forms.has('/search/label/X')).toBe(true);
    expect(attr(page('/search/label/psychotherapy').one('link[rel=canonical]'), 'href')).toBe('https://www.shrinkrap.net/search/label/psychotherapy');
    const sitemap = walk(DIST).filter((f) => /^sitemap-\d+\.xml$/.test(f)).map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n');
    const locs = [...xml.parse(sitemap.split('<?xml').filter(Boolean).map((x) => `<?xml${x}`)[0]!).urlset.url].map((u: { loc: string }) => u.loc);
    const labelLocs = locs.filter((l) => l.includes('/search/label/'));
    expect(labelLocs.length).toBeGreaterThan(5);
    for (const l of labelLocs) expect(l).toMatch(/\/search\/label\/[^/]+$|\/search\/label\/[^/]+\/page\/\d+\/$/);
    expect(labelLocs).toContain('https://www.shrinkrap.net/search/label/psychotherapy');
  });

  it('the click-to-load video is a frame with a local poster: no third-party address loads with the page', () => {
    const p = page('/2012/05/video-what-happens-when-psychiatrist.html');
    const frame = p.one('iframe.video-frame')!;
    expect(attr(frame, 'src')).toBeUndefined();
    const poster = attr(frame, 'srcDoc') ?? '';
    expect(poster).toContain('href="https://www.youtube-nocookie.com/embed/qY3nV7tRk2M?autoplay=1"');
    expect(poster).not.toMatch(/<(img|script|iframe)\b|src=/);
    expect(p.all('script')).toEqual([]);
    expect(attr(p.one('meta[http-equiv=content-security-policy]'), 'content')).toContain(
      "frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com",
    );
  });
});

describe('10. round two (issue 20): only what is known, Blogger’s threads and archive, reading', () => {
  const seed = page(SEED);

  it('the real post has no labels line, no proofreader and a date-only datetime; feeds keep the one noon convention', () => {
    expect(seed.all('.post-labels')).toEqual([]);
    expect(seed.all('.post-proofread')).toEqual([]);
    const times = seed.all('article.post time').map((t) => attr(t, 'dateTime'));
    expect(times).toEqual(['2008-11-29']);
    const listed = page('/2008/11/').all('article').find((a) => textOf(a).includes('Should Psychiatrists See Patients'))!;
    expect(textOf(listed)).not.toMatch(/Labels:|Proofread by/);
    // Feeds need a time: noon in New York, as every date-only post, and its source says the time is unknown.
    const entry = entries('/feeds/posts/default').find((e) => e.id.endsWith('post:2008/11/should-psychiatrists-see-patients-for'))!;
    expect(entry.published).toBe('2008-11-29T17:00:00.000Z');
    const source = readFileSync(join(process.cwd(), 'content/posts/2008/11/should-psychiatrists-see-patients-for.mdx'), 'utf8');
    expect(source).toMatch(/^published: "2008-11-29"$/m);
    expect(source).toMatch(/time of day is unknown/i);
    // A post whose time is known keeps its full datetime.
    expect(attr(page(HEATED).one('.post-byline time'), 'dateTime')).toBe('2015-03-03T07:20:00-05:00');
  });

  it('replies sit one level deep; a reply to a reply says whom it answers, while the stored parentIds stay nested', () => {
    const stored = JSON.parse(readFileSync(join(process.cwd(), 'content/comments/2015/03/involuntary-treatment-who-decides.json'), 'utf8')) as {
      comments: { id: string; parentId?: string | null; status: string }[];
    };
    const parentOf = new Map(stored.comments.map((c) => [c.id, c.parentId ?? undefined]));
    // A removed reply shows only its notice, as on Blogger.
    const deep = stored.comments.filter((c) => c.parentId && parentOf.get(c.parentId) && c.status !== 'tombstone');
    expect(deep.length, 'the sample stores replies to replies').toBeGreaterThan(0);
    const p = page(HEATED);
    expect(p.all('.comment-replies .comment-replies')).toEqual([]);
    const answering = p.all('.comment-reply-to a');
    expect(answering).toHaveLength(deep.length);
    for (const a of answering) {
      const target = attr(a, 'href')!;
      expect(target).toMatch(/^#c\d+$/);
      const name = p.text(`${target} > .comment-author`).replace(/ \(blog author\)/, '').replace(/ said\.\.\.$/, '');
      expect(textOf(a)).toBe(`@${name}`);
    }
  });

  it('"Subscribe to: Post Comments (Atom)" comes after the Newer/Older/Home pager', () => {
    const html = page(HEATED).html;
    const pager = html.indexOf('<nav class="pager');
    const feed = html.indexOf('class="post-feed"');
    expect(pager).toBeGreaterThan(0);
    expect(feed).toBeGreaterThan(pager);
    expect(page(HEATED).text('.post-feed')).toBe('Subscribe to: Post Comments (Atom)');
  });

  it('the pager shows the neighbours’ titles under "Newer Post" and "Older Post"', () => {
    const p = page(HEATED);
    for (const side of ['newer', 'older']) {
      const link = p.one(`a.pager-${side}`)!;
      const title = page(attr(link, 'href')!).text('h1.post-title');
      expect(p.text(`a.pager-${side} .pager-title`)).toBe(title);
    }
  });

  it('month archives page on into the neighbouring months with Newer Posts and Older Posts', () => {
    const months = walk(DIST)
      .filter((f) => /^\d{4}\/\d{2}\/index\.html$/.test(f))
      .map((f) => `/${f.replace(/index\.html$/, '')}`)
      .sort()
      .reverse();
    expect(months.length).toBeGreaterThan(3);
    months.forEach((path, i) => {
      const p = page(path);
      const newer = p.one('a.pager-newer');
      const older = p.one('a.pager-older');
      expect(newer && attr(newer, 'href'), path).toBe(months[i - 1]);
      expect(older && attr(older, 'href'), path).toBe(months[i + 1]);
    });
  });

  it('the archive tree draws ► and ▼ as Blogger did, collapsed months as "► Month (n)"', () => {
    const css = cssOf(SEED);
    expect(css).toMatch(/\.archive-month::?before[^{]*\{[^}]*content:\s*"►"/);
    expect(css).toMatch(/details\[open\]\s*>\s*summary::?before\s*\{[^}]*content:\s*"▼"/);
    const open = seed.all('.archive-tree details[open]');
    expect(open.length).toBe(2); // 2008 and November
    const collapsed = seed.all('.archive-tree details[open] .archive-month').map(textOf);
    expect(collapsed).toContain('June (1)');
  });

  it('every page ends with a plain "Back to top" link, and post pages keep 0 bytes of JavaScript', () => {
    for (const path of Object.values(PAGE_TYPES)) {
      const p = page(path);
      expect(attr(p.one('.back-to-top a'), 'href'), path).toBe('#top');
      expect(p.one('#top'), path).toBeDefined();
    }
    for (const path of [SEED, HEATED]) expect(page(path).all('script')).toEqual([]);
  });

  it('/search/words.txt lists the blog’s own words for "Did you mean …?", most frequent first', () => {
    const words = distFile('/search/words.txt').trim().split('\n');
    expect(words).toContain('psychotherapy');
    expect(words.every((w) => /^\p{Ll}{4,}$/u.test(w))).toBe(true);
    expect(new Set(words).size).toBe(words.length);
    expect(Buffer.byteLength(distFile('/search/words.txt'))).toBeLessThan(50_000);
  });
});
