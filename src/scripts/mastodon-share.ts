import { mastodonShareUrl } from '../lib/site/share';

/** The Mastodon share page: the text comes from ?text=, the server from the reader. */
const form = document.getElementById('mastodon-share') as HTMLFormElement | null;
const text = new URLSearchParams(location.search).get('text')?.trim() ?? '';
if (form && text) {
  const output = document.getElementById('mastodon-share-text')!;
  const error = document.getElementById('mastodon-share-error')!;
  const server = form.elements.namedItem('server') as HTMLInputElement;
  output.textContent = text;
  form.hidden = false;
  document.getElementById('mastodon-share-fallback')!.hidden = true;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const target = mastodonShareUrl(server.value, text);
    if (!target) {
      error.textContent = 'That is not a server name. Type the part after the second @ of your address, e.g. mastodon.social.';
      server.setAttribute('aria-invalid', 'true');
      server.focus();
      return;
    }
    error.textContent = '';
    server.removeAttribute('aria-invalid');
    location.assign(target);
  });
}
