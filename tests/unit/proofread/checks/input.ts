import { parsePost } from '../../../../src/lib/proofread/document';
import { readPostData } from '../../../../src/lib/proofread/frontmatter';
import { runCheckSync, type Check } from '../../../../src/lib/proofread/checks';
import type { CheckInput } from '../../../../src/lib/proofread/checks/types';
import type { Finding, KnownPost, ProofContext } from '../../../../src/lib/proofread/types';

/** A small blog made by hand, so each check can be tried on its own without content/. */
export function context(over: Partial<ProofContext> = {}): ProofContext {
  const posts = new Map<string, KnownPost>([
    ['2008/11/ground-rules', { id: '2008/11/ground-rules', draft: false, published: new Date('2008-11-29T11:47:00Z') }],
    ['2018/07/not-yet', { id: '2018/07/not-yet', draft: true }],
  ]);
  return {
    authors: [
      { id: 'dinah', handle: 'Dinah' },
      { id: 'roy', handle: 'Roy' },
      { id: 'clinkshrink', handle: 'ClinkShrink' },
    ],
    posts,
    pages: new Set(['about']),
    labels: new Map([
      ['psychotherapy', 4],
      ['jails', 2],
    ]),
    labelAliases: new Map([['Psychotherapy', 'psychotherapy']]),
    anchorsOf: (id) => (id === '2008/11/ground-rules' ? new Set(['the-rules', 'c123']) : undefined),
    layoutAnchors: new Set(['comments', 'main']),
    providedComponents: new Set(['VideoEmbed']),
    fileExists: (path) => path === 'public/images/duck.jpg' || path === 'content/posts/2018/07/duck.jpg' || path === 'src/components/Chart.astro',
    postsDir: 'content/posts',
    timeZone: 'America/New_York',
    now: new Date('2026-11-27T12:00:00Z'),
    ...over,
  };
}

export const FRONT = `---
title: "What Akathisia Feels Like"
published: "2018-07-20T22:10:00-04:00"
author: dinah
labels: [psychotherapy]
draft: true
description: "A patient describes the restlessness that some antipsychotic medicines cause, in her words."
proofreadBy: [roy]
---
`;

export function input(text: string, options: { file?: string; ctx?: Partial<ProofContext> } = {}): CheckInput {
  const file = options.file ?? 'content/posts/2018/07/what-akathisia-feels-like.mdx';
  const doc = parsePost(text, file.endsWith('.md') ? 'md' : 'mdx');
  const postId = file.startsWith('content/posts/') ? file.slice('content/posts/'.length).replace(/\.mdx?$/, '') : undefined;
  return { file, postId, text, doc, data: readPostData(doc), ctx: context(options.ctx) };
}

/** Run one check on a post made of FRONT and a body (or a whole text). */
export function run(check: Check, body: string, options: { file?: string; ctx?: Partial<ProofContext>; whole?: boolean } = {}): Finding[] {
  return runCheckSync(check, input(options.whole ? body : `${FRONT}\n${body}`, options));
}
