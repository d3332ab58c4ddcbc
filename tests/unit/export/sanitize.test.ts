import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { commentsAtomFeed } from '../../../src/lib/export/atom';
import { commentsJsonFeedPages, jsonFeedText } from '../../../src/lib/export/jsonfeed';
import { loadExportInput } from '../../../src/lib/export/load';
import { commentsWxr } from '../../../src/lib/export/wxr';
import { renderAtom } from '../../../src/lib/feed-xml';
import { expectSafe, hostileSite, NOW, SITE } from './helpers';

/**
 * A comment file edited by hand can carry live HTML; every export goes through the
 * site's one sanitizer, like pages and feeds (issue 10, item 5).
 */

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

describe('comment exports sanitize comment HTML', () => {
  const content = hostileSite();
  roots.push(content);
  const input = loadExportInput(content, { site: SITE, now: NOW, timeZone: 'America/New_York' });

  it('in every format: JSON Feed, WXR and Atom', () => {
    expect(input.comments[0]!.comment.bodyHtml).toContain('onload'); // stored as edited
    expectSafe(jsonFeedText(commentsJsonFeedPages(input, { pageUrl: () => 'https://www.shrinkrap.net/exports/comments.json' })[0]!));
    expectSafe(commentsWxr(input));
    expectSafe(renderAtom(commentsAtomFeed(input, { authority: 'www.shrinkrap.net', title: 'c', selfUrl: 'https://www.shrinkrap.net/feeds/comments/default', alternateUrl: 'https://www.shrinkrap.net/' })));
  });
});
