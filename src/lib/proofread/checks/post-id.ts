/** "content/posts/2018/07/slug.mdx" → "2018/07/slug" (undefined when outside postsDir). */
export function postIdFromFile(file: string, postsDir: string): string | undefined {
  const prefix = postsDir.replace(/\/+$/, '') + '/';
  if (!file.startsWith(prefix)) return undefined;
  return file.slice(prefix.length).replace(/\.mdx?$/, '');
}
