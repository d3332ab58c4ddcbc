/**
 * The content folder, read and written one way: find files (walk.ts), read text
 * strictly as UTF-8 (text.ts), split and write front matter (frontmatter.ts), read
 * each kind of file validated by src/lib/schemas.ts (read.ts), and the checks the
 * build runs before it reads anything (scan.ts). Import, export, proofread, `npm run
 * new` and the benchmark use it; the build's loaders use the same schemas.
 */
export { ContentFileError, decodeUtf8, readTextFile, utf8Problem } from './text';
export { frontMatterYaml, parseFrontMatter, splitFrontMatter, writeFrontMatter, type FrontMatterSplit, type ParsedFrontMatter, type WriteOptions } from './frontmatter';
export { listContentFiles, listFiles, listRelativeFiles, toPosix, type ContentFile, type ContentKind, type WalkOptions } from './walk';
export {
  formatCommentsFile,
  parsePageText,
  parsePostText,
  peekCommentsFile,
  readAuthorFile,
  readCommentsFile,
  readLabelsFile,
  readPageFile,
  readPostFile,
  type CommentsFilePeek,
  type DocumentFile,
  type PageData,
  type PostData,
} from './read';
export { describeContentProblems, scanContent, scanContentFolder, twinProblems, type ContentProblem, type ContentScan } from './scan';
