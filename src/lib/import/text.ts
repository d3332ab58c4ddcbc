import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { ISO_WITH_OFFSET } from '../schemas';

/** Small text rules shared by every parser. */

/** NFC, no C0 controls (tab/newline kept), no bidi overrides: names and titles are shown as text. */
export function cleanText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
}

/** A one-line name: cleaned, whitespace collapsed. */
export const cleanName = (s: string) => cleanText(s).replace(/\s+/g, ' ').trim();

/** Plain text of an HTML string (for `type="html"` titles): decoded once, by the HTML parser. */
export const htmlText = (html: string) => cleanName(toText(fromHtml(html, { fragment: true })));

/** `escape` for putting plain text into HTML. */
export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const isIsoWithOffset = (s: string) => ISO_WITH_OFFSET.test(s) && !Number.isNaN(Date.parse(s));

/** The wall-clock year and month of an RFC 3339 string, in its own offset (never converted to UTC). */
export function localYearMonth(iso: string): { year: number; month: number } {
  const m = /^(\d{4})-(\d{2})/.exec(iso);
  if (!m) throw new Error(`not a date: ${iso}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

/** Is this an http(s) URL? Returns the normalised href, or undefined. */
export function httpUrl(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const t = s.trim();
  if (t.startsWith('//')) return httpUrl(`https:${t}`);
  try {
    const u = new URL(t);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * WordPress's wpautop, reduced to what comment and post text needs: blank lines
 * separate paragraphs, single newlines are line breaks. Text that already has
 * block markup is left alone.
 */
export function autop(text: string): string {
  const t = text.replace(/\r\n?/g, '\n').trim();
  if (t === '') return '';
  if (/<(p|div|blockquote|ul|ol|table|h[1-6]|pre)[\s>]/i.test(t)) return t;
  return t
    .split(/\n\s*\n/)
    .map((para) => `<p>${para.trim().replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
}

/** Localised forms of "Anonymous" Blogger used for readers without a name. */
const ANONYMOUS_NAMES = new Set(
  ['anonymous', 'anónimo', 'anonimo', 'anônimo', 'anonyme', 'anonym', 'anoniem', 'anonim', 'anonymní', 'anonymt', 'ανώνυμος', 'анонимный', '匿名', '익명'].map(
    (n) => n.normalize('NFC'),
  ),
);
export const isAnonymousName = (name: string) => name.trim() === '' || ANONYMOUS_NAMES.has(name.trim().toLowerCase().normalize('NFC'));
