/**
 * The /admin/ page: a bare HTML shell for the editor with its own Content-Security-Policy.
 * It is an endpoint, not an Astro page, so the site's policy (astro.config.mjs) stays as it
 * is everywhere else and this one says exactly what the editor needs. Each exception is
 * listed with its reason; docs/ARCHITECTURE.md ("Browser editor") repeats them.
 */

export interface CspException {
  directive: string;
  value: string;
  reason: string;
}

/** What the editor needs beyond `'self'`, and why (docs/ARCHITECTURE.md copies this list). */
export const EDITOR_CSP_EXCEPTIONS: readonly CspException[] = [
  {
    directive: 'script-src',
    value: "'unsafe-eval'",
    reason: 'Decap CMS checks config.yml with Ajv, which compiles its schema into a function at run time (new Function); without it the editor does not start.',
  },
  {
    directive: 'style-src',
    value: "'unsafe-inline'",
    reason: 'Decap CMS (React + Emotion) creates its styles at run time in <style> elements; they cannot be hashed in advance.',
  },
  {
    directive: 'img-src',
    value: 'data: blob:',
    reason: 'pictures chosen for upload are previewed from blob: URLs before they are saved; the editor draws small icons as data: URLs.',
  },
  {
    directive: 'img-src',
    value: 'https://avatars.githubusercontent.com',
    reason: "the signed-in author's GitHub picture (production only).",
  },
  {
    directive: 'connect-src',
    value: 'blob:',
    reason: 'a picture chosen for upload is read back from its blob: URL to be committed with the post.',
  },
  {
    directive: 'connect-src',
    value: 'https://api.github.com',
    reason: 'production: the GitHub backend reads and writes the repository through the GitHub API (the local backend is same-origin).',
  },
];

export function editorCsp(): string {
  const extra = (directive: string) =>
    EDITOR_CSP_EXCEPTIONS.filter((e) => e.directive === directive).map((e) => ` ${e.value}`).join('');
  return [
    "default-src 'self'",
    `script-src 'self'${extra('script-src')}`,
    `style-src 'self'${extra('style-src')}`,
    `img-src 'self'${extra('img-src')}`,
    "font-src 'self'",
    `connect-src 'self'${extra('connect-src')}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The shell: the site's editor script (it holds Decap's start), then Decap's app. */
export function editorPageHtml(options: { base: string; siteTitle: string }): string {
  const admin = `${options.base.replace(/\/$/, '')}/admin/`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(editorCsp())}">
<link rel="icon" href="${escapeAttr(options.base.replace(/\/$/, ''))}/favicon.svg" type="image/svg+xml">
<title>Write · ${escapeAttr(options.siteTitle)}</title>
<link rel="cms-config-url" type="text/yaml" href="${escapeAttr(admin)}config.yml">
<link rel="stylesheet" href="${escapeAttr(admin)}admin.css">
</head>
<body>
<script src="${escapeAttr(admin)}editor.js"></script>
<script src="${escapeAttr(admin)}decap-cms.js"></script>
</body>
</html>
`;
}

/** /admin/ in a build made without the editor installed (`npm ci --omit=dev`). */
export function editorMissingHtml(options: { siteTitle: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex, nofollow">
<title>Write · ${escapeAttr(options.siteTitle)}</title>
</head>
<body>
<h1>The editor is not part of this build</h1>
<p>This copy of ${escapeAttr(options.siteTitle)} was built without its development tools (npm ci --omit=dev), which include the browser editor. Build with npm ci to have it at /admin/.</p>
</body>
</html>
`;
}
