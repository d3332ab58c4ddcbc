import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BLOG_TZ, type BenchArchive, type BenchPost } from './archive';
import { figureSvg, videoLink } from './content';
import { isoInZone } from '../../src/lib/dates';

/**
 * The yardstick: the same synthetic archive as a plain Hugo site with minimal templates
 * that make the equivalent pages — post pages with threaded comments and a sidebar,
 * paginated home, year, month, label and author listings, an Atom feed for the site,
 * each label and author, and one comments feed per post. Pagefind then indexes the
 * post pages (body and comments), as the site's own integration does.
 */

export function writeHugoSite(archive: BenchArchive, root: string): void {
  const w = (path: string, text: string) => {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  w('hugo.toml', CONFIG);
  for (const [path, text] of Object.entries(TEMPLATES)) w(join('layouts', path), text);
  const sections = new Set<string>();
  for (const post of archive.posts) {
    if (post.draft) continue;
    const [year, month] = post.id.split('/');
    sections.add(year!);
    sections.add(`${year}/${month}`);
    w(join('content', `${post.id}.md`), hugoPost(post));
    for (const image of post.images) w(join('static', dirname(post.id), image), figureSvg(image));
    // Every post gets a file (maybe []), so templates can index it without nil checks.
    w(join('data', 'comments', `${post.id}.json`), JSON.stringify(post.comments));
  }
  for (const s of sections) w(join('content', s, '_index.md'), `---\ntitle: ${JSON.stringify(s)}\n---\n`);
}

/** Edits one post's body in the Hugo copy the same way run.ts edits the site's copy. */
export function hugoPostPath(root: string, postId: string): string {
  return join(root, 'content', `${postId}.md`);
}

function hugoPost(post: BenchPost): string {
  const body = post.video ? post.body.replace('{{video}}', videoLink(post.video)) : post.body;
  const [year, month, slug] = post.id.split('/');
  return [
    '---',
    `title: ${JSON.stringify(post.title)}`,
    `date: ${JSON.stringify(isoInZone(post.published, BLOG_TZ))}`,
    ...(post.updated ? [`lastmod: ${JSON.stringify(isoInZone(post.updated, BLOG_TZ))}`] : []),
    `authors: [${post.author}]`,
    `labels: [${post.labels.map((l) => JSON.stringify(l)).join(', ')}]`,
    ...(post.description ? [`description: ${JSON.stringify(post.description)}`] : []),
    `commentsKey: [${JSON.stringify(year)}, ${JSON.stringify(month)}, ${JSON.stringify(slug)}]`,
    '---',
    '',
    body,
    '',
  ].join('\n');
}

const CONFIG = `baseURL = "https://www.shrinkrap.net/"
languageCode = "en-us"
title = "Shrink Rap"
timeZone = "America/New_York"
uglyURLs = true
disableKinds = ["RSS", "sitemap", "robotsTXT"]
paginate = 7
paginatePath = "page"

[taxonomies]
  label = "labels"
  author = "authors"

[permalinks]
  labels = "/search/label/:slug/"

[mediaTypes."application/atom+xml"]
  suffixes = ["xml"]

[outputFormats.Atom]
  mediaType = "application/atom+xml"
  baseName = "feed"
  isHTML = false
  noUgly = true

[outputFormats.CommentsAtom]
  mediaType = "application/atom+xml"
  baseName = "comments"
  isHTML = false

[outputs]
  home = ["HTML", "Atom"]
  section = ["HTML"]
  taxonomy = ["HTML"]
  term = ["HTML", "Atom"]
  page = ["HTML", "CommentsAtom"]

[markup.goldmark.renderer]
  unsafe = false
`;

const TEMPLATES: Record<string, string> = {
  '_default/baseof.html': `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ site.Title }}: {{ .Title }}{{ end }}</title>
<link rel="canonical" href="{{ .Permalink }}">
{{ with .OutputFormats.Get "Atom" }}<link rel="alternate" type="application/atom+xml" href="{{ .RelPermalink }}">{{ end }}
</head><body>
<header data-pagefind-ignore><p><a href="/">{{ site.Title }}</a></p>
<form role="search" action="/search/"><label for="q">Search</label><input id="q" name="q" type="search"><button>Search</button></form></header>
<div class="layout"><main id="main">{{ block "main" . }}{{ end }}</main>
{{ partialCached "sidebar.html" . }}</div>
<footer data-pagefind-ignore><p>{{ site.Title }}, 2006–2018.</p></footer>
</body></html>
`,
  '_default/single.html': `{{ define "main" }}
<article class="post" data-pagefind-body>
<p class="date-header"><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "Monday, January 02, 2006" }}</time></p>
<h1>{{ .Title }}</h1>
<div class="post-body">{{ .Content }}</div>
<footer><p>Posted by {{ range .GetTerms "authors" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }} at {{ .Date.Format "3:04 PM" }}</p>
<p>Labels: {{ range $i, $t := .GetTerms "labels" }}{{ if $i }}, {{ end }}<a href="{{ $t.RelPermalink }}" rel="tag">{{ $t.LinkTitle }}</a>{{ end }}</p></footer>
</article>
{{ $comments := index site.Data.comments (index .Params.commentsKey 0) (index .Params.commentsKey 1) (index .Params.commentsKey 2) }}
<section id="comments" data-pagefind-body><h2>{{ len $comments }} comments:</h2>
{{ with $comments }}<ol>{{ range where . "parentId" nil }}{{ partial "comment.html" (dict "c" . "all" $comments) }}{{ end }}</ol>{{ end }}
<p>Subscribe to: <a href="{{ with .OutputFormats.Get "CommentsAtom" }}{{ .RelPermalink }}{{ end }}">Post Comments (Atom)</a></p></section>
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">Newer Post</a>{{ end }} <a href="/">Home</a> {{ with .NextInSection }}<a href="{{ .RelPermalink }}">Older Post</a>{{ end }}</nav>
{{ end }}
`,
  'partials/comment.html': `{{ $c := .c }}<li id="c{{ substr $c.id 8 }}"><p>{{ if eq $c.status "tombstone" }}This comment has been removed.{{ else }}{{ with $c.author.url }}<a href="{{ . }}" rel="nofollow ugc noopener">{{ $c.author.name }}</a>{{ else }}<span>{{ $c.author.name }}</span>{{ end }} said...{{ end }}</p>
<div>{{ $c.bodyHtml | safeHTML }}</div>
<p><a href="#c{{ substr $c.id 8 }}"><time datetime="{{ $c.published }}">{{ (time $c.published).Format "January 2, 2006 at 3:04 PM" }}</time></a></p>
{{ $replies := where .all "parentId" $c.id }}{{ with $replies }}<ol>{{ range . }}{{ partial "comment.html" (dict "c" . "all" $.all) }}{{ end }}</ol>{{ end }}</li>
`,
  '_default/list.html': `{{ define "main" }}
<h1>{{ if .IsHome }}Latest posts{{ else }}{{ .Title }}{{ end }}</h1>
{{ $pages := .RegularPagesRecursive }}{{ if .IsHome }}{{ $pages = site.RegularPages }}{{ end }}
{{ $pager := .Paginate $pages.ByDate.Reverse }}
{{ range $pager.Pages }}
<article class="post"><h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3><div class="post-body">{{ .Content }}</div>
<p>Posted at {{ .Date.Format "3:04 PM" }} · <a href="{{ .RelPermalink }}#comments">comments</a></p></article>
{{ end }}
<nav>{{ with $pager.Prev }}<a href="{{ .URL }}">Newer Posts</a>{{ end }} <a href="/">Home</a> {{ with $pager.Next }}<a href="{{ .URL }}">Older Posts</a>{{ end }}</nav>
{{ end }}
`,
  '_default/terms.html': `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
`,
  'partials/sidebar.html': `<aside data-pagefind-ignore><h2>Blog Archive</h2><ul>
{{ range site.Home.Sections.ByTitle.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .RegularPagesRecursive }})<ul>
{{ range .Sections.ByTitle.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .RegularPages }})</li>{{ end }}</ul></li>{{ end }}</ul>
<h2>Labels</h2><ul>{{ range first 40 site.Taxonomies.labels.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul></aside>
`,
  '_default/list.atom.xml': `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>{{ site.Title }}{{ if not .IsHome }}: {{ .Title }}{{ end }}</title>
<id>{{ .Permalink }}</id><link rel="alternate" href="{{ .Permalink }}"/><updated>{{ now.UTC.Format "2006-01-02T15:04:05Z" }}</updated>
{{ $pages := .RegularPagesRecursive }}{{ if .IsHome }}{{ $pages = site.RegularPages }}{{ end }}
{{ range first 25 $pages.ByDate.Reverse }}<entry><title>{{ .Title }}</title><id>{{ .Permalink }}</id><link href="{{ .Permalink }}"/>
<published>{{ .Date.Format "2006-01-02T15:04:05-07:00" }}</published><updated>{{ .Lastmod.Format "2006-01-02T15:04:05-07:00" }}</updated>
<content type="html">{{ .Content | html }}</content></entry>
{{ end }}</feed>
`,
  '_default/single.commentsatom.xml': `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Comments on {{ .Title }}</title><id>{{ .Permalink }}#comments</id>
<link rel="alternate" href="{{ .Permalink }}"/><updated>{{ .Date.Format "2006-01-02T15:04:05-07:00" }}</updated>
{{ $comments := index site.Data.comments (index .Params.commentsKey 0) (index .Params.commentsKey 1) (index .Params.commentsKey 2) }}
{{ range $comments }}<entry><id>{{ .id }}</id><title>{{ .author.name }} on {{ $.Title }}</title><link href="{{ $.Permalink }}#c{{ substr .id 8 }}"/>
<published>{{ .published }}</published><updated>{{ .published }}</updated><content type="html">{{ .bodyHtml | html }}</content></entry>
{{ end }}</feed>
`,
};

/**
 * What an author would pick instead: a plain Hugo blog of the same posts (no archived
 * comments, no sidebar, Hugo's own RSS and sitemap), indexed with `pagefind --site`.
 * Issue 18 states its ratios against this one; the equal-output yardstick above stays.
 */
export function writePlainHugoSite(archive: BenchArchive, root: string): void {
  const w = (path: string, text: string) => {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  w('hugo.toml', PLAIN_CONFIG);
  for (const [path, text] of Object.entries(PLAIN_TEMPLATES)) w(join('layouts', path), text);
  for (const post of archive.posts) {
    if (post.draft) continue;
    w(join('content', 'posts', `${post.id}.md`), hugoPost(post));
    for (const image of post.images) w(join('static', 'posts', dirname(post.id), image), figureSvg(image));
  }
}

/** The plain site's copy of a post (edited the same way as the others). */
export function plainHugoPostPath(root: string, postId: string): string {
  return join(root, 'content', 'posts', `${postId}.md`);
}

const PLAIN_CONFIG = `baseURL = "https://www.shrinkrap.net/"
languageCode = "en-us"
title = "Shrink Rap"
timeZone = "America/New_York"
paginate = 10

[taxonomies]
  label = "labels"
  author = "authors"
`;

const PLAIN_TEMPLATES: Record<string, string> = {
  '_default/baseof.html': `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} | {{ site.Title }}{{ end }}</title>
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">{{ end }}
</head><body><header><a href="/">{{ site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
`,
  '_default/single.html': `{{ define "main" }}<article data-pagefind-body><h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "January 2, 2006" }}</time>
by {{ range .GetTerms "authors" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>
{{ .Content }}
<p>{{ range .GetTerms "labels" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p></article>{{ end }}
`,
  '_default/list.html': `{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pages := .RegularPagesRecursive }}{{ if .IsHome }}{{ $pages = site.RegularPages }}{{ end }}
{{ $pager := .Paginate $pages.ByDate.Reverse }}
{{ range $pager.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Summary }}</p></article>{{ end }}
<nav>{{ with $pager.Prev }}<a href="{{ .URL }}">Newer</a>{{ end }} {{ with $pager.Next }}<a href="{{ .URL }}">Older</a>{{ end }}</nav>{{ end }}
`,
  '_default/terms.html': `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
`,
};
