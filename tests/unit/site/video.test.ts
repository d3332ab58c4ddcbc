import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { videoPosterDocument } from '../../../src/lib/site/video';

describe('click-to-load video poster', () => {
  it('is a document with one link to the player and nothing that loads from the video host', () => {
    const html = videoPosterDocument({ provider: 'youtube', id: 'qY3nV7tRk2M', title: 'A <b>title</b> & "quotes"', stylesheetHref: '/pr-42/video-poster.css' });
    const tree = fromHtml(html);
    const links = selectAll('a', tree);
    expect(links).toHaveLength(1);
    expect(links[0]!.properties.href).toBe('https://www.youtube-nocookie.com/embed/qY3nV7tRk2M?autoplay=1');
    expect(links[0]!.properties.ariaLabel).toBe('Play video: A <b>title</b> & "quotes"');
    expect(select('link[rel=stylesheet]', tree)!.properties.href).toBe('/pr-42/video-poster.css');
    expect(selectAll('img, script, iframe, b', tree)).toEqual([]);
    expect(select('svg path', tree)).toBeDefined();
  });

  it('plays Vimeo without tracking', () => {
    const html = videoPosterDocument({ provider: 'vimeo', id: '76979871', title: 't', stylesheetHref: '/video-poster.css' });
    expect(select('a', fromHtml(html))!.properties.href).toBe('https://player.vimeo.com/video/76979871?autoplay=1&dnt=1');
  });
});
