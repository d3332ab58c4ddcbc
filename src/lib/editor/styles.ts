/**
 * The editor's own looks: the blog's font (Atkinson Hyperlegible, served beside the editor
 * from the installed @fontsource package), for the preview pane and the editor itself,
 * and the few changes to Decap's screens that make them Shrink Rap's.
 */

/** Font files copied to /admin/fonts/ (src/pages/admin/fonts/[file].ts). */
export const EDITOR_FONT_FILES = [
  { file: 'atkinson-hyperlegible-latin-400-normal.woff2', weight: 400, style: 'normal' },
  { file: 'atkinson-hyperlegible-latin-700-normal.woff2', weight: 700, style: 'normal' },
  { file: 'atkinson-hyperlegible-latin-400-italic.woff2', weight: 400, style: 'italic' },
  { file: 'atkinson-hyperlegible-latin-700-italic.woff2', weight: 700, style: 'italic' },
] as const;

/** @font-face rules for the font, and the variable the site's stylesheet reads (`--font-body`). */
export function editorFontCss(fontsUrl: string): string {
  const faces = EDITOR_FONT_FILES.map(
    (f) => `@font-face { font-family: "Atkinson Hyperlegible"; font-weight: ${f.weight}; font-style: ${f.style}; font-display: swap; src: url("${fontsUrl}${f.file}") format("woff2"); }`,
  );
  return `${faces.join('\n')}\n:root { --font-body: "Atkinson Hyperlegible"; }\n`;
}

/** The preview pane: the font, then the site's own stylesheet unchanged. */
export function previewCss(siteCss: string, fontsUrl: string): string {
  return `${editorFontCss(fontsUrl)}${siteCss}`;
}

/**
 * Decap's own screens in the blog's font; the sign-in page with the blog's duck and name
 * instead of Decap's; workflow cards without the raw Markdown excerpt (their title line
 * already says the post's title and author). Decap's styles carry their component names in
 * their class names ("css-…-CardBody").
 */
export function adminCss(fontsUrl: string): string {
  return `${editorFontCss(fontsUrl)}
body, button, input, select, textarea { font-family: "Atkinson Hyperlegible", system-ui, sans-serif !important; }
[class*="-CardBody"] { display: none !important; }
[class*="-NetlifyCreditIcon"] { display: none !important; }
[class*="-CustomIconWrapper"] { width: 12rem; }
[class*="-CustomIconWrapper"] img { width: 100%; height: auto; }
[class*="-CustomIconWrapper"]::after { content: "Shrink Rap"; display: block; margin-top: 0.75rem; font-size: 2.25rem; font-weight: 700; color: #1f2933; }
`;
}
