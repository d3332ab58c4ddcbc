/** Files Pagefind writes that this site never loads: it has its own small UI. */
const UNUSED_UI_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/**
 * Bundle files to delete after writing, given `pagefind-entry.json`: the UIs, and the
 * stemmer-less `wasm.unknown.pagefind` when every indexed language has its own WASM.
 */
export function unusedFiles(entryJson: string): string[] {
  const entry = JSON.parse(entryJson) as { languages?: Record<string, { wasm?: string | null }> };
  const languages = Object.values(entry.languages ?? {});
  const unknownNeeded = languages.length === 0 || languages.some((l) => !l.wasm);
  return unknownNeeded ? [...UNUSED_UI_FILES] : [...UNUSED_UI_FILES, 'wasm.unknown.pagefind'];
}
