import type { Check } from './types';

/** An `.mdx` body that does not compile: the site would not build. */
export const mdxSyntaxCheck: Check = {
  rule: 'mdx-syntax',
  run({ doc }) {
    if (!doc.mdxError) return [];
    return [
      {
        severity: 'error',
        kind: 'mdx',
        line: doc.mdxError.line,
        column: doc.mdxError.column,
        message: `The text cannot be turned into a web page here: ${doc.mdxError.message}.`,
        fix: 'Usual causes: a "<" or "{" in ordinary text (write \\< and \\{ instead), or an HTML tag left open (write <br /> rather than <br>).',
      },
    ];
  },
};
