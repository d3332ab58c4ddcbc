import type { Issue } from '../types';
import { collectReferences, type ImageRef } from './references';
import { folderOf, normalise, type Check } from './types';

/** Images: a description (alt text) for readers who cannot see them, and a file that exists. */

const FILE_NAME_ALT = /(\.(png|jpe?g|gif|svg|webp|avif)$)|^(img|dsc|image|photo|picture|screenshot|screen shot)[\s_-]*\d*$/i;

function altIssue(img: ImageRef, name: string): Issue | undefined {
  const at = { line: img.line, column: img.column };
  if (img.alt === undefined || (img.alt === '' && img.form === 'markdown')) {
    return {
      severity: 'error',
      kind: 'images',
      ...at,
      message: `${name} has no description (alt text), so readers who use screen readers, and anyone whose image does not load, get nothing.`,
      fix:
        img.form === 'markdown'
          ? 'Describe what the picture shows between the square brackets: ![A yellow rubber duck wearing a name badge](…).'
          : 'Add alt="what the picture shows" to the tag (or alt="" if it is only decoration).',
    };
  }
  if (img.alt === '' && img.form === 'tag') {
    return { severity: 'hint', kind: 'images', ...at, message: `${name} is marked as decoration (alt="").`, fix: 'If it carries meaning, describe it in alt="…".' };
  }
  if (typeof img.alt === 'string' && FILE_NAME_ALT.test(img.alt.trim())) {
    return { severity: 'warning', kind: 'images', ...at, message: `${name} is described only as "${img.alt}".`, fix: 'Describe what the picture shows, in a short sentence.' };
  }
  return undefined;
}

export const imagesCheck: Check = {
  rule: 'images',
  run({ doc, file, ctx }) {
    const issues: Issue[] = [];
    const dir = folderOf(file);
    for (const img of collectReferences(doc.tree).images) {
      const at = { line: img.line, column: img.column };
      const name = img.src ? `The image ${img.src}` : 'An image';
      const alt = altIssue(img, name);
      if (alt) issues.push(alt);
      const src = img.src.trim();
      if (!src) {
        issues.push({ severity: 'error', kind: 'images', ...at, message: 'An image has no file or address.', fix: 'Put the file name between the round brackets, e.g. (./images/duck.jpg).' });
        continue;
      }
      if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) continue; // another site: not checked
      const path = src.startsWith('/') ? `public${src.split(/[?#]/)[0]}` : normalise(`${dir}/${src.split(/[?#]/)[0]}`);
      if (!ctx.fileExists(path)) {
        issues.push({
          severity: 'error',
          kind: 'images',
          ...at,
          message: `${name} cannot be found (looked for ${path}).`,
          fix: src.startsWith('/') ? 'Put the file in public/ or fix the name.' : `Put the file next to the post (e.g. ${dir}/images/) and write ./images/its-name.`,
        });
      }
    }
    return issues;
  },
};
