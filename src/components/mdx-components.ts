import VideoEmbed from './VideoEmbed.astro';

/**
 * Components every MDX post and page can use without importing them (imported posts
 * get <VideoEmbed /> for old YouTube and Vimeo players).
 */
export const mdxComponents = { VideoEmbed };
