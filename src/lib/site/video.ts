import { toHtml } from 'hast-util-to-html';
import type { Element, ElementContent, Root } from 'hast';

/**
 * Click-to-load video without JavaScript. The post shows an <iframe srcdoc> holding a
 * local poster: a same-origin document with one link to the player. Nothing is fetched
 * from the video host until the reader follows that link, which loads the player (with
 * autoplay) inside the same frame, in place.
 */

export const videoProviders = {
  youtube: {
    name: 'YouTube',
    idPattern: /^[A-Za-z0-9_-]{11}$/,
    idHint: 'the 11 characters after "watch?v=" in the YouTube address',
    watchUrl: (id: string) => `https://www.youtube.com/watch?v=${id}`,
    // The no-cookie host: no cookies until the reader plays the video.
    playerUrl: (id: string) => `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`,
  },
  vimeo: {
    name: 'Vimeo',
    idPattern: /^\d+$/,
    idHint: 'the number at the end of the Vimeo address',
    watchUrl: (id: string) => `https://vimeo.com/${id}`,
    playerUrl: (id: string) => `https://player.vimeo.com/video/${id}?autoplay=1&dnt=1`,
  },
} as const;

export type VideoProvider = keyof typeof videoProviders;

/** The origins a player may come from: the site's CSP frame-src lists exactly these. */
export const VIDEO_PLAYER_ORIGINS = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'] as const;

const el = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

/** The poster document for the frame's srcdoc, serialised from a tree (every value escaped). */
export function videoPosterDocument(opts: { provider: VideoProvider; id: string; title: string; stylesheetHref: string }): string {
  const p = videoProviders[opts.provider];
  const play = el('svg', { viewBox: '0 0 68 48', width: 68, height: 48, ariaHidden: 'true', focusable: 'false' }, [
    el('rect', { width: 68, height: 48, rx: '12', fill: '#1d1d1f', fillOpacity: 0.82 }),
    el('path', { d: 'M27 14v20l18-10z', fill: '#f5c518' }),
  ]);
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      el('html', { lang: 'en' }, [
        el('head', {}, [
          el('meta', { charSet: 'utf-8' }),
          el('title', {}, [{ type: 'text', value: opts.title }]),
          el('link', { rel: ['stylesheet'], href: opts.stylesheetHref }),
        ]),
        el('body', {}, [
          el('a', { className: ['play'], href: p.playerUrl(opts.id), ariaLabel: `Play video: ${opts.title}` }, [
            play,
            el('span', {}, [{ type: 'text', value: opts.title }]),
          ]),
        ]),
      ]),
    ],
  };
  return toHtml(tree, { space: 'html' });
}
