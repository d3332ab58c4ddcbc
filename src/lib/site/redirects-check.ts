/**
 * No `_redirects` rule may start at an address the site serves a file for: the site's
 * own page wins. Netlify already skips a rule shadowed by a file (unless forced), but
 * Cloudflare Pages applies it anyway, so a rule from an old Blogger address such as
 * `/index.html` would take readers of the home page elsewhere. Checked against the
 * built files at the end of the build (src/integrations/redirects-check.ts), whatever
 * the spelling: `/x`, `/x/`, `/x.html`, `/x/index.html`, and `/` or `/index.html`.
 */

export interface RedirectLine {
  /** 1-based line in the file. */
  line: number;
  text: string;
  from: string;
  to: string;
}

/** The rules of a `_redirects` file (comments and blank lines are not rules). */
export function parseRedirects(text: string): RedirectLine[] {
  const out: RedirectLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const text = raw.trim();
    if (!text || text.startsWith('#')) return;
    const [from, to] = text.split(/\s+/);
    if (from && to) out.push({ line: i + 1, text: raw, from, to });
  });
  return out;
}

function decode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * The built files (relative to the output folder, "/"-separated) a host could serve at a
 * rule's source path. Undefined for a pattern (`*`, `:name`), which names no one file.
 */
export function filesServedAt(from: string, base = '/'): string[] | undefined {
  const prefix = base.replace(/\/$/, '');
  let path = from.split(/[?#]/)[0]!;
  if (prefix && (path === prefix || path.startsWith(`${prefix}/`))) path = path.slice(prefix.length) || '/';
  if (/[*]|\/:/.test(path)) return undefined;
  const rel = decode(path).replace(/^\/+/, '');
  if (rel === '' || rel === 'index.html') return ['index.html'];
  if (rel.endsWith('/')) return [`${rel}index.html`, `${rel.slice(0, -1)}.html`];
  if (rel.endsWith('/index.html')) return [rel, `${rel.slice(0, -'/index.html'.length)}.html`];
  if (rel.endsWith('.html')) return [rel, `${rel.slice(0, -'.html'.length)}/index.html`];
  return [rel, `${rel}.html`, `${rel}/index.html`];
}

export interface ShadowedRule {
  rule: RedirectLine;
  /** The built file that answers at the rule's source. */
  file: string;
}

/** Rules whose source is a file the site built (`built` says whether a relative file exists). */
export function shadowedRules(rules: readonly RedirectLine[], built: (rel: string) => boolean, base = '/'): ShadowedRule[] {
  const out: ShadowedRule[] = [];
  for (const rule of rules) {
    const file = filesServedAt(rule.from, base)?.find(built);
    if (file) out.push({ rule, file });
  }
  return out;
}

/** The file without the given rules' lines. */
export function withoutRules(text: string, drop: readonly RedirectLine[]): string {
  const lines = new Set(drop.map((r) => r.line));
  return text
    .split('\n')
    .filter((_, i) => !lines.has(i + 1))
    .join('\n');
}

export const shadowedRuleMessage = (s: ShadowedRule) =>
  `_redirects: dropped "${s.rule.text.trim()}" (line ${s.rule.line}): the site builds ${s.file} at that address, and its own page wins`;
