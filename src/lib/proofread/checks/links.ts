import { visit } from 'unist-util-visit';
import { labelKey } from '../../labels';
import { BLOG_HOSTS, POST_ID, authorPath, labelPath, pagePath, parsePath, type SitePath } from '../../urls';
import { pad2 } from '../../dates';
import { editDistance } from '../distance';
import { anchorsOfTree } from '../tree';
import type { PostData } from '../frontmatter';
import type { Finding, Issue, ProofContext } from '../types';
import { collectReferences, type LinkRef } from './references';
import { truncate, type Check } from './types';

/**
 * Links: to posts, pages, labels, archives and authors that exist, to places (#anchors)
 * that exist on the target, and to this blog by its path rather than its full address.
 * Other sites are not checked (no network here).
 */

const OWN_HOSTS = new Set(BLOG_HOSTS);
/** Addresses that are files of the site rather than one of its page shapes. */
const OTHER_FILES = new Set(['/rss.xml']);

type Problem = Pick<Finding, 'severity' | 'message' | 'fix'>;

interface OwnAnchors {
  anchors: ReadonlySet<string>;
  /** The ones worth suggesting: headings, and the comments. */
  suggest: readonly string[];
}

const linkName = (l: LinkRef) => (l.text.trim() ? `The link "${truncate(l.text.trim(), 40)}" (${l.url})` : `The link ${l.url}`);

export const linksCheck: Check = {
  rule: 'links',
  run({ doc, data, ctx, postId }) {
    const issues: Issue[] = [];
    const { links, undefinedRefs } = collectReferences(doc.tree);
    const headings = anchorsOfTree(doc.tree);
    const own: OwnAnchors = { anchors: new Set([...headings, ...ctx.layoutAnchors]), suggest: [...headings, 'comments'] };
    const here = postId && POST_ID.test(postId) ? `/${postId}.html` : '/draft.html';
    for (const ref of [...undefinedRefs, ...bracketsWithoutAddress(doc.tree)]) {
      issues.push({
        severity: 'error',
        kind: 'links',
        line: ref.line,
        column: ref.column,
        message: `The link ${ref.url} has no address: there is no line "${ref.url}: https://…" for it.`,
        fix: 'Add the address, or write the link as [text](address).',
      });
    }
    for (const link of links) {
      const problem = checkOneLink(link.url, here, own, data, ctx);
      if (problem) issues.push({ kind: 'links', line: link.line, column: link.column, ...problem, message: `${linkName(link)} ${problem.message}` });
    }
    return issues;
  },
};

/** "[text][name]" without a "[name]: address" line is not a link to Markdown: readers see the brackets. */
function bracketsWithoutAddress(tree: Parameters<typeof anchorsOfTree>[0]): LinkRef[] {
  const refs: LinkRef[] = [];
  visit(tree, 'text', (node) => {
    for (const m of node.value.matchAll(/\[([^\]\n]+)\]\[([^\]\n]*)\]/g)) {
      refs.push({ url: `[${m[2] || m[1]}]`, text: m[1]!, line: node.position?.start.line, column: node.position?.start.column });
    }
  });
  return refs;
}

function checkOneLink(url: string, here: string, own: OwnAnchors, data: PostData, ctx: ProofContext): Problem | undefined {
  const raw = url.trim();
  if (!raw) return { severity: 'error', message: 'has no address.', fix: 'Put the address between the round brackets.' };
  if (/^(mailto|tel):/i.test(raw)) return undefined;
  let target: URL;
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//');
  if (absolute) {
    try {
      target = new URL(raw.startsWith('//') ? `https:${raw}` : raw);
    } catch {
      return { severity: 'error', message: 'is not a valid address.', fix: 'Copy the address again from the browser.' };
    }
    if (!OWN_HOSTS.has(target.hostname)) return undefined;
  } else {
    target = new URL(raw, `https://blog.invalid${here}`);
  }
  const anchor = target.hash ? decodeSafe(target.hash.slice(1)) : '';
  const sameAddress = !absolute && (raw.startsWith('#') || decodeSafe(target.pathname) === here);
  const problem = sameAddress ? checkAnchor(anchor, own.anchors, 'this post', own.suggest) : checkAddress(target.pathname, anchor, data, ctx);
  if (problem) return problem;
  if (absolute) return { severity: 'hint', message: `points at the blog's full address.`, fix: `Write it as ${target.pathname}${target.hash} so it also works in previews.` };
  return undefined;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function checkAnchor(anchor: string, anchors: ReadonlySet<string>, where: string, suggest: readonly string[]): Problem | undefined {
  if (!anchor || anchors.has(anchor)) return undefined;
  const options = [...new Set(suggest)];
  const near = options.find((a) => editDistance(a, anchor.toLowerCase()) <= 2);
  return {
    severity: 'error',
    message: `points to a place (#${anchor}) that does not exist on ${where}.`,
    fix: near
      ? `Did you mean #${near}?`
      : options.length
        ? `Places you can link to: ${options.slice(0, 6).map((a) => `#${a}`).join(', ')}. A heading's place is its text in lowercase with hyphens.`
        : 'Link to a heading: its place is its text in lowercase with hyphens.',
  };
}

const MISSING: Problem = { severity: 'error', message: 'goes to an address on this blog that does not exist.', fix: 'Open the page on the site and copy its address.' };

function checkAddress(pathname: string, anchor: string, data: PostData, ctx: ProofContext): Problem | undefined {
  const at = parsePath(pathname);
  if (!at) {
    const path = decodeSafe(pathname);
    if (OTHER_FILES.has(path) || path.startsWith('/feeds/') || path.startsWith('/pagefind/') || ctx.fileExists(`public${path}`)) return undefined;
    return MISSING;
  }
  switch (at.kind) {
    case 'post':
      return checkPostLink(at, anchor, data, ctx);
    case 'page':
      return ctx.pages.has(at.id) ? undefined : { severity: 'error', message: 'goes to a page that does not exist.', fix: `Pages: ${[...ctx.pages].map(pagePath).join(', ')}.` };
    case 'label':
      return checkLabelLink(at.label, data, ctx);
    case 'year':
    case 'month':
    case 'legacy-month-archive': {
      const prefix = at.kind === 'year' ? `${at.year}/` : `${at.year}/${pad2(at.month)}/`;
      const any = [...ctx.posts.values()].some((p) => p.id.startsWith(prefix) && !p.draft);
      return any ? undefined : { severity: 'error', message: 'goes to an archive with no posts in it.', fix: 'Check the year and month.' };
    }
    case 'author':
      return ctx.authors.some((a) => a.id === at.id)
        ? undefined
        : { severity: 'error', message: 'goes to an author page that does not exist.', fix: `Authors: ${ctx.authors.map((a) => authorPath(a.id)).join(', ')}.` };
    default:
      return undefined; // home, indexes, search, feeds: always there
  }
}

function checkPostLink(at: Extract<SitePath, { kind: 'post' }>, anchor: string, data: PostData, ctx: ProofContext): Problem | undefined {
  const target = ctx.posts.get(at.id);
  if (!target) {
    const near = nearestPost(at.id, ctx);
    return { severity: 'error', message: 'goes to a post that does not exist.', fix: near ? `Did you mean /${near}.html?` : 'Open the post on the site and copy its address.' };
  }
  if (target.draft) {
    return { severity: 'warning', message: 'goes to a post that is still a draft, so readers would find nothing there.', fix: 'Publish that post first, or remove the link.' };
  }
  if (target.published && target.published > ctx.now && (!data.published || data.published < target.published)) {
    return { severity: 'hint', message: 'goes to a post scheduled to appear later than this one.', fix: 'Check it will be out by the time readers click.' };
  }
  const targetAnchors = ctx.anchorsOf(at.id) ?? new Set<string>();
  const anchors = new Set([...targetAnchors, ...ctx.layoutAnchors]);
  const headings = [...targetAnchors].filter((a) => !/^c(\d+|-)/.test(a));
  return checkAnchor(anchor, anchors, 'that post', [...headings, 'comments']);
}

function checkLabelLink(name: string, data: PostData, ctx: ProofContext): Problem | undefined {
  if (ctx.labels.has(name) || ctx.labelAliases.has(name) || data.labels.includes(name)) return undefined;
  const near = [...ctx.labels.keys()].find((l) => labelKey(l) === labelKey(name) || editDistance(labelKey(l), labelKey(name)) <= 2);
  return {
    severity: 'error',
    message: `goes to the label "${name}", which no post has.`,
    fix: near ? `Did you mean ${labelPath(near)}?` : 'Check the spelling against the Labels page.',
  };
}

function nearestPost(id: string, ctx: ProofContext): string | undefined {
  const [y, m, slug] = id.split('/');
  let best: { id: string; d: number } | undefined;
  for (const p of ctx.posts.values()) {
    const [py, pm, ps] = p.id.split('/');
    const d = editDistance(ps ?? '', slug ?? '') + (py === y ? 0 : 2) + (pm === m ? 0 : 1);
    if (!best || d < best.d) best = { id: p.id, d };
  }
  return best && best.d <= 4 ? best.id : undefined;
}
