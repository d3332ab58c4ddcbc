import { scanContent, type ContentProblem } from '../content-files';
import { parsePost } from '../proofread/document';
import { PROVIDED_COMPONENTS, undefinedComponents } from '../proofread/checks/components';

/**
 * What the build checks in the content folder before its content layer reads a file:
 * everything content-files' scan finds (files that are not UTF-8, `slug.md` beside
 * `slug.mdx`), and components used without an import, named by post file and line
 * (MDX's own error names a compiled chunk, not the post).
 */
export function contentBuildProblems(contentDir: string): ContentProblem[] {
  // Each file read once: the scan keeps the posts' and pages' text.
  const { problems, documents } = scanContent(contentDir);
  for (const [rel, text] of documents) {
    if (!rel.endsWith('.mdx')) continue;
    // Only a capitalised or dotted tag can name a component: most posts are never parsed here.
    if (!/<[\p{Lu}\p{Ll}_$][\w$]*\.|<\p{Lu}/u.test(text)) continue;
    for (const c of undefinedComponents(parsePost(text, 'mdx').tree, PROVIDED_COMPONENTS)) {
      problems.push({
        files: [rel],
        line: c.line,
        message: `${rel}:${c.line ?? 1}: <${c.tag}> is used but never imported. Add an import line at the top of the post (copy it from a post that uses it), or use one of: ${PROVIDED_COMPONENTS.join(', ')}.`,
      });
    }
  }
  return problems;
}
