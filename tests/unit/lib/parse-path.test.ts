import { describe, expect, it } from 'vitest';
import {
  authorFeedPath,
  authorPath,
  bloggerPostCommentsFeedPath,
  commentsFeedPath,
  labelFeedPath,
  labelPath,
  labelsIndexPath,
  legacyMonthArchivePath,
  monthPath,
  pageIdOfThread,
  pagePath,
  pageThreadId,
  pagedPath,
  parsePath,
  postCommentsFeedPath,
  postPath,
  postsFeedPath,
  searchPath,
  threadPath,
  yearPath,
  archiveIndexPath,
} from '../../../src/lib/urls';

describe('parsePath, the inverse of the path builders', () => {
  it('reads back what every builder makes', () => {
    expect(parsePath(postPath('2008/11/ground-rules_1'))).toEqual({ kind: 'post', id: '2008/11/ground-rules_1', year: 2008, month: 11, slug: 'ground-rules_1' });
    expect(parsePath(pagePath('about'))).toEqual({ kind: 'page', id: 'about' });
    expect(parsePath(labelPath('involuntary treatment'))).toEqual({ kind: 'label', label: 'involuntary treatment', page: 1 });
    expect(parsePath(pagedPath(labelPath('Q&A'), 3))).toEqual({ kind: 'label', label: 'Q&A', page: 3 });
    expect(parsePath(yearPath(2008))).toEqual({ kind: 'year', year: 2008, page: 1 });
    expect(parsePath(pagedPath(monthPath(2008, 2), 2))).toEqual({ kind: 'month', year: 2008, month: 2, page: 2 });
    expect(parsePath(legacyMonthArchivePath(2008, 2))).toEqual({ kind: 'legacy-month-archive', year: 2008, month: 2 });
    expect(parsePath(pagedPath(authorPath('roy'), 2))).toEqual({ kind: 'author', id: 'roy', page: 2 });
    expect(parsePath(pagedPath('/', 4))).toEqual({ kind: 'home', page: 4 });
    expect(parsePath(labelsIndexPath())).toEqual({ kind: 'labels-index' });
    expect(parsePath(archiveIndexPath())).toEqual({ kind: 'archive-index' });
    expect(parsePath(searchPath())).toEqual({ kind: 'search' });
  });

  it('reads the feeds', () => {
    expect(parsePath(postsFeedPath())).toEqual({ kind: 'feed', feed: 'posts' });
    expect(parsePath(commentsFeedPath())).toEqual({ kind: 'feed', feed: 'comments' });
    expect(parsePath(labelFeedPath('a b'))).toEqual({ kind: 'feed', feed: 'label', id: 'a b' });
    expect(parsePath(authorFeedPath('roy'))).toEqual({ kind: 'feed', feed: 'author', id: 'roy' });
    expect(parsePath(postCommentsFeedPath(pageThreadId('about')))).toEqual({ kind: 'feed', feed: 'post-comments', id: 'p/about' });
    expect(parsePath(bloggerPostCommentsFeedPath('123'))).toEqual({ kind: 'feed', feed: 'blogger-post-comments', id: '123' });
  });

  it('reads Blogger’s index.html archive form, and nothing that is not an address of the site', () => {
    expect(parsePath('/2008/11/index.html')).toEqual({ kind: 'month', year: 2008, month: 11, page: 1 });
    expect(parsePath('/2008/11/slug/')).toBeUndefined();
    expect(parsePath('/favicon.svg')).toBeUndefined();
  });
});

describe('thread ids', () => {
  it('name a page’s comments "p/<page>" and a post’s by its id', () => {
    expect(pageThreadId('about')).toBe('p/about');
    expect(pageIdOfThread('p/about')).toBe('about');
    expect(pageIdOfThread('2008/11/slug')).toBeUndefined();
    expect(threadPath('p/about')).toBe('/p/about.html');
    expect(threadPath('2008/11/slug')).toBe('/2008/11/slug.html');
  });
});
