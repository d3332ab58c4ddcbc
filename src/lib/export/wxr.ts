import { tombstoneText, threadComments, type CommentNode } from '../comments';
import { pageIdOfThread } from '../urls';
import { SHRINKRAP_COMMENT_META, SHRINKRAP_POST_META, postUrl, publicComments, type ExportComment, type ExportInput, type ExportPost } from './input';

/**
 * The comment archive as WordPress WXR 1.2, the format WordPress's importer and
 * Disqus's importer read: one <item> per post with its comments, threaded with
 * comment_parent (parents always before their replies). Written the way
 * WordPress's own exporter writes it (CDATA for free text). No e-mail or IP:
 * those elements are present but empty. Each comment also carries the stored
 * comment as JSON in commentmeta, so importing the file here restores it exactly.
 */

const WP_NS = 'http://wordpress.org/export/1.2/';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** WordPress's wxr_cdata: a "]]>" inside the text is split across two sections. */
const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/** "2008-11-29T06:47:00-05:00" -> local "2008-11-29 06:47:00" and GMT "2008-11-29 11:47:00". */
export function wxrDates(iso: string): { local: string; gmt: string } {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?/.exec(iso);
  const local = m ? `${m[1]} ${m[2]}:${m[3] ?? '00'}` : '';
  const d = new Date(iso);
  const gmt = Number.isNaN(d.getTime()) ? '' : d.toISOString().replace('T', ' ').slice(0, 19);
  return { local, gmt };
}

const slugOf = (postId: string) => postId.split('/').pop()!;

export function commentsWxr(input: ExportInput): string {
  const comments = publicComments(input);
  const byPost = new Map<string, ExportComment[]>();
  for (const c of comments) {
    const list = byPost.get(c.postId) ?? [];
    list.push(c);
    byPost.set(c.postId, list);
  }
  const postIds = [...byPost.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let commentNumber = 0;
  const items = postIds.map((postId, i) => {
    const post = input.posts.get(postId)!;
    const list = byPost.get(postId)!;
    const numbers = new Map<string, number>();
    // Tree order: WordPress's importer links a reply only to a parent it has already read.
    const ordered: ExportComment[] = [];
    const walk = (nodes: CommentNode[]) => {
      for (const n of nodes) {
        ordered.push(list.find((c) => c.comment === n.comment)!);
        walk(n.replies);
      }
    };
    walk(threadComments(list.map((c) => c.comment)).roots);
    for (const c of ordered) numbers.set(c.comment.id, ++commentNumber);
    return item(input, post, i + 1, ordered, numbers);
  });
  const site = input.site;
  return [
    '<?xml version="1.0" encoding="UTF-8" ?>',
    '<!-- Shrink Rap comments, as a WordPress eXtended RSS (WXR 1.2) file for WordPress or Disqus. -->',
    '<rss version="2.0"',
    '  xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"',
    '  xmlns:content="http://purl.org/rss/1.0/modules/content/"',
    '  xmlns:wfw="http://wellformedweb.org/CommentAPI/"',
    '  xmlns:dc="http://purl.org/dc/elements/1.1/"',
    '  xmlns:dsq="http://www.disqus.com/"',
    `  xmlns:wp="${WP_NS}">`,
    '<channel>',
    `  <title>${esc(site.title)}</title>`,
    `  <link>${esc(site.homeUrl)}</link>`,
    `  <description>${esc(site.description ?? '')}</description>`,
    `  <language>${esc(site.language ?? 'en-US')}</language>`,
    '  <wp:wxr_version>1.2</wp:wxr_version>',
    `  <wp:base_site_url>${esc(site.homeUrl)}</wp:base_site_url>`,
    `  <wp:base_blog_url>${esc(site.homeUrl)}</wp:base_blog_url>`,
    '  <generator>Shrink Rap comment export</generator>',
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

function item(input: ExportInput, post: ExportPost, number: number, comments: ExportComment[], numbers: Map<string, number>): string {
  const url = postUrl(input.site, post.id);
  const when = post.published ?? comments[0]!.comment.published;
  const d = wxrDates(when);
  const isPage = pageIdOfThread(post.id) !== undefined;
  return [
    '  <item>',
    `    <title>${esc(post.title)}</title>`,
    `    <link>${esc(url)}</link>`,
    `    <pubDate>${new Date(when).toUTCString().replace('GMT', '+0000')}</pubDate>`,
    `    <guid isPermaLink="true">${esc(url)}</guid>`,
    `    <content:encoded>${cdata('')}</content:encoded>`,
    `    <dsq:thread_identifier>${esc(post.id)}</dsq:thread_identifier>`,
    `    <wp:post_id>${number}</wp:post_id>`,
    `    <wp:post_date>${cdata(d.local)}</wp:post_date>`,
    `    <wp:post_date_gmt>${cdata(d.gmt)}</wp:post_date_gmt>`,
    '    <wp:comment_status>closed</wp:comment_status>',
    `    <wp:post_name>${cdata(slugOf(post.id))}</wp:post_name>`,
    '    <wp:status>publish</wp:status>',
    `    <wp:post_type>${isPage ? 'page' : 'post'}</wp:post_type>`,
    '    <wp:postmeta>',
    `      <wp:meta_key>${cdata(SHRINKRAP_POST_META)}</wp:meta_key>`,
    `      <wp:meta_value>${cdata(post.id)}</wp:meta_value>`,
    '    </wp:postmeta>',
    ...comments.map(({ comment: c }) => {
      const cd = wxrDates(c.published);
      const tombstone = c.status === 'tombstone';
      return [
        '    <wp:comment>',
        `      <wp:comment_id>${numbers.get(c.id)}</wp:comment_id>`,
        `      <wp:comment_author>${cdata(tombstone ? '' : c.author.name)}</wp:comment_author>`,
        '      <wp:comment_author_email></wp:comment_author_email>',
        `      <wp:comment_author_url>${esc(tombstone ? '' : (c.author.url ?? ''))}</wp:comment_author_url>`,
        '      <wp:comment_author_IP></wp:comment_author_IP>',
        `      <wp:comment_date>${cdata(cd.local)}</wp:comment_date>`,
        `      <wp:comment_date_gmt>${cdata(cd.gmt)}</wp:comment_date_gmt>`,
        `      <wp:comment_content>${cdata(tombstone ? tombstoneText(c) : c.bodyHtml)}</wp:comment_content>`,
        '      <wp:comment_approved>1</wp:comment_approved>',
        '      <wp:comment_type>comment</wp:comment_type>',
        `      <wp:comment_parent>${c.parentId ? (numbers.get(c.parentId) ?? 0) : 0}</wp:comment_parent>`,
        '      <wp:comment_user_id>0</wp:comment_user_id>',
        '      <wp:commentmeta>',
        `        <wp:meta_key>${cdata(SHRINKRAP_COMMENT_META)}</wp:meta_key>`,
        `        <wp:meta_value>${cdata(JSON.stringify(c))}</wp:meta_value>`,
        '      </wp:commentmeta>',
        '    </wp:comment>',
      ].join('\n');
    }),
    '  </item>',
  ].join('\n');
}
