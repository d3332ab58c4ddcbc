import { describe, expect, it } from 'vitest';
import { excerptParts, formatResultDate, resultSummary, shapeResult, type PagefindResultData } from '../../../src/lib/search/results';

describe('excerpts', () => {
  it('turns <mark> into marked parts and decodes entities', () => {
    expect(excerptParts('a <mark>bartender</mark> or two &amp; a &lt;b&gt; &#8217;quote&#x2019;')).toEqual([
      { text: 'a ', marked: false },
      { text: 'bartender', marked: true },
      { text: ' or two & a <b> \u2019quote\u2019', marked: false },
    ]);
  });

  it('never yields markup: other tags stay literal text', () => {
    const parts = excerptParts('<img src=x onerror=alert(1)><mark><script>x</script></mark>');
    expect(parts).toEqual([
      { text: '<img src=x onerror=alert(1)>', marked: false },
      { text: '<script>x</script>', marked: true },
    ]);
  });

  it('handles unbalanced and upper-case marks and bad entities', () => {
    expect(excerptParts('<MARK>a</MARK> b <mark>c')).toEqual([
      { text: 'a', marked: true },
      { text: ' b ', marked: false },
      { text: 'c', marked: true },
    ]);
    expect(excerptParts('&bogus; &#0; &#99999999;')).toEqual([{ text: '&bogus; &#0; &#99999999;', marked: false }]);
    expect(excerptParts('')).toEqual([]);
  });
});

describe('result shaping', () => {
  const post: PagefindResultData = {
    url: '/pr-42/2008/11/should-psychiatrists-see-patients-for.html',
    excerpt: 'a <mark>bartender</mark> or two',
    meta: { title: 'Should Psychiatrists See Patients for Psychotherapy?', date: '2008-11-29T06:47:00-05:00' },
    filters: { author: ['Dinah'], label: ['residency', 'psychiatrists'], type: ['post'], year: ['2008'] },
    sub_results: [],
  };

  it('shows a post with title, date, author and labels', () => {
    expect(shapeResult(post)).toEqual({
      kind: 'post',
      url: post.url,
      title: 'Should Psychiatrists See Patients for Psychotherapy?',
      date: '2008-11-29T06:47:00-05:00',
      dateText: 'November 29, 2008',
      author: 'Dinah',
      labels: ['psychiatrists', 'residency'],
      excerpt: [
        { text: 'a ', marked: false },
        { text: 'bartender', marked: true },
        { text: ' or two', marked: false },
      ],
      comments: [],
      commentCount: undefined,
    });
  });

  it('shows a comment thread with the matching comments and their anchors', () => {
    const thread: PagefindResultData = {
      ...post,
      url: `${post.url}#comments`,
      meta: { ...post.meta, comments: '9' },
      filters: { ...post.filters, type: ['comment'] },
      sub_results: [
        { title: 'Anonymous', url: `${post.url}#c1`, excerpt: 'the <mark>bartender</mark> line', anchor: { element: 'h2', id: 'c1', location: 0 } },
        { title: 'Should…', url: `${post.url}#comments`, excerpt: 'x' },
        { title: 'Jenny', url: `${post.url}#c2`, excerpt: 'b', anchor: { element: 'h2', id: 'c2', location: 9 } },
        { title: 'Heading', url: `${post.url}#h`, excerpt: 'c', anchor: { element: 'h3', id: 'h', location: 12 } },
        { title: 'Roy', url: `${post.url}#c3`, excerpt: 'd', anchor: { element: 'H2', id: 'c3', location: 20 } },
        { title: 'Dinah', url: `${post.url}#c4`, excerpt: 'e', anchor: { element: 'h2', id: 'c4', location: 30 } },
      ],
    };
    const r = shapeResult(thread);
    expect(r.kind).toBe('comment');
    expect(r.url).toBe(`${post.url}#comments`);
    expect(r.commentCount).toBe(9);
    expect(r.comments.map((c) => [c.name, c.url])).toEqual([
      ['Anonymous', `${post.url}#c1`],
      ['Jenny', `${post.url}#c2`],
      ['Roy', `${post.url}#c3`],
    ]);
    expect(r.comments[0]!.excerpt[1]).toEqual({ text: 'bartender', marked: true });
    // The name comes from the record's meta when there (Pagefind decodes heading text twice).
    const named = shapeResult({ ...thread, meta: { ...thread.meta, 'name-c1': 'AT&amp;T <b>' } });
    expect(named.comments[0]!.name).toBe('AT&amp;T <b>');
  });

  it('copes with missing meta', () => {
    const r = shapeResult({ url: '/x.html', excerpt: '', meta: {}, filters: {} });
    expect(r).toMatchObject({ kind: 'post', title: '/x.html', labels: [], comments: [] });
    expect(r.dateText).toBeUndefined();
  });

  it('formats dates as written, whatever the machine zone', () => {
    expect(formatResultDate('2013-04-01T00:30:00-04:00')).toBe('April 1, 2013');
    expect(formatResultDate('2018-12-31T23:59:00-05:00')).toBe('December 31, 2018');
    expect(formatResultDate('not a date')).toBeUndefined();
    expect(formatResultDate('2013-13-01')).toBeUndefined();
  });
});

describe('the live result count', () => {
  it('says what was found', () => {
    expect(resultSummary('jail', { post: 12, comment: 4 }, false)).toBe('12 posts found for “jail”.');
    expect(resultSummary('jail', { post: 1, comment: 0 }, false)).toBe('1 post found for “jail”.');
    expect(resultSummary('jail', { post: 2, comment: 1 }, true)).toBe('3 results for “jail”: 2 posts and 1 comment thread.');
    expect(resultSummary('', { post: 1200, comment: 0 }, false)).toBe('1,200 posts found.');
    expect(resultSummary('zzz', { post: 0, comment: 0 }, true)).toBe('No results for “zzz”.');
  });
});

describe('excerpts as readers see them (issue 20)', () => {
  it('highlights words, not the punctuation Pagefind marks with them', async () => {
    const { markWordsOnly } = await import('../../../src/lib/search/results');
    expect(markWordsOnly(excerptParts('in <mark>jails.</mark> And <mark>“jail:</mark> <mark>jail\'s</mark> <mark>…</mark>'))).toEqual([
      { text: 'in ', marked: false },
      { text: 'jails', marked: true },
      { text: '. And “', marked: false },
      { text: 'jail', marked: true },
      { text: ': ', marked: false },
      { text: "jail's", marked: true },
      { text: ' …', marked: false },
    ]);
  });

  it('drops the title words an excerpt begins with', async () => {
    const { withoutTitle } = await import('../../../src/lib/search/results');
    const title = 'What Has Changed in the Jails';
    expect(withoutTitle(excerptParts('Changed in the <mark>Jails</mark>. A reader asked me'), title)).toEqual([{ text: 'A reader asked me', marked: false }]);
    expect(withoutTitle(excerptParts('What Has Changed in the Jails. A reader'), title)).toEqual([{ text: 'A reader', marked: false }]);
    expect(withoutTitle(excerptParts('Who Decides? ClinkShrink and I'), 'Involuntary Treatment: Who Decides?')).toEqual([{ text: 'ClinkShrink and I', marked: false }]);
    // A body that merely shares a word with the title keeps it.
    expect(withoutTitle(excerptParts('Jailsbreak is not a word'), title)).toEqual([{ text: 'Jailsbreak is not a word', marked: false }]);
    expect(withoutTitle(excerptParts('started working in <mark>jails</mark>.'), title)).toEqual(excerptParts('started working in <mark>jails</mark>.'));
  });

  it('shapes a post result with both rules applied', () => {
    const shaped = shapeResult({
      url: '/2017/02/what-has-changed-in-jails.html',
      excerpt: 'Changed in the <mark>Jails.</mark> A reader asked about <mark>jails.</mark>',
      meta: { title: 'What Has Changed in the Jails' },
      filters: { type: ['post'] },
    });
    expect(shaped.excerpt).toEqual([
      { text: 'A reader asked about ', marked: false },
      { text: 'jails', marked: true },
      { text: '.', marked: false },
    ]);
  });
});
