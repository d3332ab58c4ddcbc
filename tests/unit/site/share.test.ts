import { describe, expect, it } from 'vitest';
import { editLink, mastodonHost, mastodonShareUrl, shareLinks } from '../../../src/lib/site/share';
import { buildSettings } from '../../../src/lib/build-settings';

const URL_ = 'https://www.shrinkrap.net/2013/04/day-in-jail-clinic-part-2-sick-call.html';
const TITLE = 'A Day in the Jail Clinic, Part 2: Sick Call';

describe('share links', () => {
  const links = Object.fromEntries(shareLinks(URL_, TITLE, '/share/mastodon/').map((l) => [l.id, new URL(l.href, 'https://www.shrinkrap.net')]));

  it('offers e-mail, Facebook, X, Bluesky and Mastodon, each with the address and title', () => {
    expect(Object.keys(links)).toEqual(['email', 'facebook', 'x', 'bluesky', 'mastodon']);
    expect(links.email!.protocol).toBe('mailto:');
    expect(links.email!.searchParams.get('subject')).toBe(TITLE);
    expect(links.email!.searchParams.get('body')).toBe(URL_);
    expect(links.facebook!.origin + links.facebook!.pathname).toBe('https://www.facebook.com/sharer/sharer.php');
    expect(links.facebook!.searchParams.get('u')).toBe(URL_);
    expect(links.x!.searchParams.get('url')).toBe(URL_);
    expect(links.x!.searchParams.get('text')).toBe(TITLE);
    expect(links.bluesky!.searchParams.get('text')).toBe(`${TITLE} ${URL_}`);
    // Mastodon goes through the site's own page, which asks for the reader's server.
    expect(links.mastodon!.origin + links.mastodon!.pathname).toBe('https://www.shrinkrap.net/share/mastodon/');
    expect(links.mastodon!.searchParams.get('text')).toBe(`${TITLE} ${URL_}`);
  });
});

describe('the Mastodon server a reader types', () => {
  it('accepts a host, an address or a handle', () => {
    expect(mastodonHost('mastodon.social')).toBe('mastodon.social');
    expect(mastodonHost(' https://Mastodon.Social/@dinah ')).toBe('mastodon.social');
    expect(mastodonHost('@clink@mastodon.example')).toBe('mastodon.example');
  });

  it('refuses what is not a public host name', () => {
    for (const bad of ['', 'mastodon', 'javascript:alert(1)', 'user:pw@host.example', 'host.example:8080', 'exa mple.org', '-bad.example', 'a..b']) {
      expect(mastodonHost(bad), bad).toBeUndefined();
    }
  });

  it("opens the server's own share page with the text", () => {
    const target = new URL(mastodonShareUrl('mastodon.social', `${TITLE} ${URL_}`)!);
    expect(target.origin + target.pathname).toBe('https://mastodon.social/share');
    expect(target.searchParams.get('text')).toBe(`${TITLE} ${URL_}`);
    expect(mastodonShareUrl('not a server', 'x')).toBeUndefined();
  });
});

describe('"Suggest an edit"', () => {
  const editor = 'https://github.com/shrinkrap/blog/edit/main/';

  it("links to the post's file in the repository's web editor", () => {
    expect(editLink(editor, 'content/posts/2008/11/should-psychiatrists-see-patients-for.mdx')).toBe(
      'https://github.com/shrinkrap/blog/edit/main/content/posts/2008/11/should-psychiatrists-see-patients-for.mdx',
    );
    expect(editLink(editor, './content/posts/2008/11/a b.md')).toBe('https://github.com/shrinkrap/blog/edit/main/content/posts/2008/11/a%20b.md');
  });

  it('gives no link when the setting is unset or the file is outside the repository', () => {
    expect(editLink(undefined, 'content/posts/2008/11/x.mdx')).toBeUndefined();
    expect(editLink(editor, undefined)).toBeUndefined();
    expect(editLink(editor, '/tmp/bench/content/posts/2008/11/x.md')).toBeUndefined();
    expect(editLink(editor, '../elsewhere/posts/2008/11/x.md')).toBeUndefined();
  });

  it('is one validated setting: REPOSITORY_EDIT_URL', () => {
    expect(buildSettings({}).editUrl).toBeUndefined();
    expect(buildSettings({ REPOSITORY_EDIT_URL: '' }).editUrl).toBeUndefined();
    expect(buildSettings({ REPOSITORY_EDIT_URL: editor }).editUrl).toBe(editor);
    expect(() => buildSettings({ REPOSITORY_EDIT_URL: 'https://github.com/shrinkrap/blog/edit/main' })).toThrow(/REPOSITORY_EDIT_URL is the web editor of the default branch, ending in "\/"/);
    expect(() => buildSettings({ REPOSITORY_EDIT_URL: 'http://github.com/x/y/edit/main/' })).toThrow(/REPOSITORY_EDIT_URL must be an https address/);
  });
});
