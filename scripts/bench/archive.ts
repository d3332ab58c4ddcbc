import { createRandom, zipfSampler, type Random } from './random';
import { bloggerSlug, uniqueSlug } from '../../src/lib/slug';
import { labelKey } from '../../src/lib/labels';
import { isoInZone } from '../../src/lib/dates';
import type { StoredComment } from '../../src/lib/schemas';

/**
 * A synthetic Shrink Rap archive, in memory: what the importer would produce from a
 * blog twice the size of the real one. Writers (content.ts for the site, hugo.ts for
 * the yardstick) turn the same model into files, so both builds see the same posts.
 *
 * Shape (see docs/PERFORMANCE.md): three authors; a few hundred labels used with a
 * Zipf distribution; 0–60 comments a post (mean about 15), a quarter of them replies
 * and a few replies to replies; post bodies made of paragraphs, quotes, lists, links,
 * emphasis, and now and then a table, an image or a video.
 */

export const BLOG_TZ = 'America/New_York';
const BLOG_ID = '7310526474853290013';
const OLD_HOST = 'http://psychiatrist-blog.blogspot.com';

export interface BenchPost {
  id: string; // YYYY/MM/slug
  title: string;
  published: Date;
  updated?: Date;
  author: 'dinah' | 'clinkshrink' | 'roy';
  labels: string[];
  description?: string;
  draft: boolean;
  bloggerId: string;
  /** Markdown body; `{{video}}` marks where a video goes (component or link). */
  body: string;
  video?: { id: string; title: string; duration: string };
  /** Image files the body refers to, relative to the post's folder. */
  images: string[];
  comments: StoredComment[];
}

export interface BenchArchive {
  seed: number;
  posts: BenchPost[];
  labels: string[];
  labelDescriptions: Map<string, string>;
}

export interface ArchiveOptions {
  posts: number;
  seed: number;
}

const COMMON = `the of and to a in that is it for you was with on as have but be they not this are at or
from what by we an if about one all so there can my would do their your when more just like which who
people time think patients psychiatrist psychiatry doctor medication treatment hospital therapy patient
care question years because know some those other work even really much said very doctors still way
clinic jail court law lawyer judge nurse evaluation diagnosis symptoms depression anxiety bipolar
psychosis insurance residency residents training medical health mental illness family help need want
day week night office emergency room decision risk consent privacy notes record history week
commitment involuntary forensic competency trial prison inmate officer police crisis suicide safety
sleep dose pills prescription side effects generic pharmacy survey study research evidence data blog
readers comment post podcast book duck conference colleague supervisor student school public system
policy money cost state federal county rules ethics boundaries trust listen talk story`.split(/\s+/);

const SYLLABLES = `ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu
pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu za ze zi zo zu tra tre tri
pla ple pli cra cre cri sta ste sti mon men min man ton ten tin lan len lin ser sor sur cal col cul`.split(/\s+/);

const FIRST_NAMES = `Alex Ann Ben Carla Dan Dee Eli Emma Fran Gail Hank Ida Jack Jill Kate Kim Lee Lou Max Meg Ned
Nora Otto Pam Pat Quinn Rae Rob Sam Sue Ted Tess Uma Val Walt Wren Yara Zoe`.split(/\s+/);

const TOPICAL_LABELS = `psychotherapy; medications; forensic psychiatry; jails; involuntary treatment; residency;
psychiatrists; insurance; electronic medical records; podcast; my three shrinks; book; Committed; ethics;
confidentiality; HIPAA; ECT; ADHD; depression; bipolar disorder; schizophrenia; suicide; antidepressants;
benzodiazepines; DSM-5; psychoanalysis; telepsychiatry; stigma; violence; guns; police; courts;
competency; insanity defense; Tarasoff; duck; humor; conferences; APA; education; medical students;
nurses; social work; hospitals; emergency rooms; outpatient commitment; assisted outpatient treatment;
parity; pharmaceutical industry; research; blogging; Twitter; readers; Shrink Rap News; week in review;
patients' rights; recovery; peer support; Maryland; Baltimore; prisons; solitary confinement;
correctional psychiatry; consultation-liaison; delirium; dementia; sleep; addiction; opioids; alcohol;
marijuana; anxiety; OCD; PTSD; veterans; children; adolescents; family; grief; burnout; boundaries;
money; fees; documentation; malpractice; informed consent; placebo; side effects; generics`
  .split(';')
  .map((l) => l.trim())
  .filter(Boolean);

/** Builds the archive model for `posts` posts from `seed`. Pure: same inputs, same archive. */
export function buildArchive(options: ArchiveOptions): BenchArchive {
  const random = createRandom(options.seed);
  const vocabulary = makeVocabulary(random, 20_000);
  const pickWord = zipfSampler(vocabulary.length, 1.05);
  const word = () => vocabulary[pickWord(random)]!;
  const text = new TextMaker(random, word);

  const labels = makeLabels(random, text, 320);
  const pickLabel = zipfSampler(labels.length, 1.1);
  const labelDescriptions = new Map(labels.slice(0, 12).map((l) => [l, `${text.sentence(8, 16)}`]));

  const readers = makeReaders(random, 1_500);
  const start = Date.UTC(2006, 3, 1, 12); // April 2006
  const end = Date.UTC(2018, 7, 20, 12); // August 2018
  const times = Array.from({ length: options.posts }, () => start + Math.floor(random.next() * (end - start)))
    .map((t) => Math.floor(t / 60_000) * 60_000)
    .sort((a, b) => a - b);

  const ids = new IdMaker(random);
  const takenByMonth = new Map<string, Set<string>>();
  const posts: BenchPost[] = [];
  for (const t of times) {
    const published = new Date(t);
    const title = text.title();
    const local = isoInZone(published, BLOG_TZ);
    const month = `${local.slice(0, 4)}/${local.slice(5, 7)}`;
    const taken = takenByMonth.get(month) ?? new Set<string>();
    takenByMonth.set(month, taken);
    const slug = uniqueSlug(bloggerSlug(title), (s) => taken.has(s));
    taken.add(slug);
    const id = `${month}/${slug}`;
    const author = (['dinah', 'dinah', 'clinkshrink', 'roy', 'roy'] as const)[random.int(0, 4)]!;
    const labelCount = [1, 1, 2, 2, 2, 3, 3, 4, 5][random.int(0, 8)]!;
    const chosen = new Set<string>();
    while (chosen.size < labelCount) chosen.add(labels[pickLabel(random)]!);
    const bloggerId = ids.blogger();
    const { body, video, images } = makeBody(random, text, posts);
    const post: BenchPost = {
      id,
      title,
      published,
      updated: random.chance(0.3) ? new Date(t + random.int(1, 30 * 24 * 60) * 60_000) : undefined,
      author,
      labels: [...chosen],
      description: random.chance(0.3) ? text.sentence(10, 24) : undefined,
      draft: random.chance(0.005),
      bloggerId,
      body,
      video,
      images,
      comments: [],
    };
    post.comments = makeComments(random, text, ids, readers, post);
    posts.push(post);
  }
  return { seed: options.seed, posts, labels, labelDescriptions };
}

/* ---------- words ---------- */

function makeVocabulary(random: Random, size: number): string[] {
  const words = [...new Set(COMMON)];
  const seen = new Set(words);
  while (words.length < size) {
    let w = '';
    const parts = random.int(2, 4);
    for (let i = 0; i < parts; i++) w += random.pick(SYLLABLES);
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  return words;
}

class TextMaker {
  constructor(
    private random: Random,
    private word: () => string,
  ) {}

  words(n: number): string[] {
    return Array.from({ length: n }, () => this.word());
  }

  sentence(min = 6, max = 22): string {
    const w = this.words(this.random.int(min, max));
    if (w.length > 6 && this.random.chance(0.3)) w[this.random.int(2, w.length - 3)] += ',';
    const s = w.join(' ');
    const end = this.random.chance(0.08) ? '?' : '.';
    return `${s[0]!.toUpperCase()}${s.slice(1)}${end}`;
  }

  paragraph(min = 2, max = 6): string {
    return Array.from({ length: this.random.int(min, max) }, () => this.sentence()).join(' ');
  }

  title(): string {
    const w = this.words(this.random.int(3, 9)).map((x, i) => (i === 0 || x.length > 3 ? x[0]!.toUpperCase() + x.slice(1) : x));
    const r = this.random.next();
    if (r < 0.1) return `${w.join(' ')}?`;
    if (r < 0.15) return `${w.slice(0, 2).join(' ')}: ${w.slice(2).join(' ')}`;
    if (r < 0.18) return `${w.slice(0, 2).join(' ')} & ${w.slice(2).join(' ')}`;
    if (r < 0.22) return `${w[0]}'s ${w.slice(1).join(' ')}`;
    if (r < 0.24) return `"${w.slice(0, 2).join(' ')}" ${w.slice(2).join(' ')}`;
    return w.join(' ');
  }
}

function makeLabels(random: Random, text: TextMaker, count: number): string[] {
  const out: string[] = [];
  const keys = new Set<string>();
  const add = (l: string) => {
    const k = labelKey(l);
    if (!k || keys.has(k)) return;
    keys.add(k);
    out.push(l);
  };
  TOPICAL_LABELS.forEach(add);
  while (out.length < count) add(text.words(random.int(1, 2)).join(' '));
  // Most-used first: the Zipf rank is the position in this list, topical labels lead.
  return out;
}

/* ---------- post bodies ---------- */

function makeBody(random: Random, text: TextMaker, earlier: readonly BenchPost[]) {
  const blocks: string[] = [];
  const images: string[] = [];
  let video: BenchPost['video'];
  const paragraphs = random.int(3, 10);
  const withQuote = random.chance(0.35);
  const withList = random.chance(0.35);
  const withTable = random.chance(0.04);
  const withImage = random.chance(0.06);
  const withVideo = random.chance(0.03);
  for (let i = 0; i < paragraphs; i++) {
    blocks.push(inlineMarkup(random, text, text.paragraph(), earlier));
    if (i === 1 && withQuote) blocks.push(`> ${text.paragraph(1, 3)}`);
    if (i === 2 && withList) {
      const ordered = random.chance(0.3);
      blocks.push(
        Array.from({ length: random.int(3, 6) }, (_, n) => `${ordered ? `${n + 1}.` : '-'} ${text.sentence(4, 14)}`).join('\n'),
      );
    }
    if (i === 0 && withImage) {
      const file = `images/figure-${random.int(1, 3)}.svg`;
      images.push(file);
      blocks.push(`![${text.sentence(4, 10).replace(/[.?]$/, '')}](./${file})`);
    }
    if (i === 1 && withVideo) {
      video = { id: videoId(random), title: text.title(), duration: `${random.int(1, 12)}:${String(random.int(0, 59)).padStart(2, '0')}` };
      blocks.push('{{video}}');
    }
    if (i === 2 && withTable) {
      const cols = text.words(3).map((w) => w[0]!.toUpperCase() + w.slice(1));
      const rows = Array.from({ length: random.int(3, 5) }, () => `| ${text.words(3).join(' | ')} |`);
      blocks.push([`| ${cols.join(' | ')} |`, '| --- | --- | --- |', ...rows].join('\n'));
    }
  }
  return { body: blocks.join('\n\n'), video, images: [...new Set(images)] };
}

function inlineMarkup(random: Random, text: TextMaker, paragraph: string, earlier: readonly BenchPost[]): string {
  const words = paragraph.split(' ');
  if (words.length > 8 && random.chance(0.5)) {
    const at = random.int(1, words.length - 4);
    const internal = earlier.length > 0 && random.chance(0.4);
    const url = internal
      ? `/${earlier[random.int(Math.max(0, earlier.length - 300), earlier.length - 1)]!.id}.html`
      : `https://www.example.org/${text.words(2).join('-')}`;
    const span = words.slice(at, at + 3).map((w) => w.replace(/[,.?]$/, ''));
    words.splice(at, 3, `[${span.join(' ')}](${url})`);
  }
  if (words.length > 8 && random.chance(0.3)) {
    const at = random.int(1, words.length - 3);
    if (/^[a-z]+$/.test(words[at]!)) words[at] = random.chance(0.5) ? `*${words[at]}*` : `**${words[at]}**`;
  }
  return words.join(' ');
}

function videoId(random: Random): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  return Array.from({ length: 11 }, () => chars[random.int(0, chars.length - 1)]).join('');
}

/* ---------- comments ---------- */

interface Reader {
  name: string;
  url?: string;
  identity: 'registered' | 'guest';
}

function makeReaders(random: Random, count: number): Reader[] {
  return Array.from({ length: count }, (_, i) => {
    const name = `${random.pick(FIRST_NAMES)} ${String.fromCharCode(65 + random.int(0, 25))}.${i}`;
    const identity = random.chance(0.8) ? 'registered' : 'guest';
    return { name, identity, url: random.chance(0.3) ? `https://reader${i}.example.net/` : undefined };
  });
}

class IdMaker {
  private seen = new Set<string>();
  constructor(private random: Random) {}
  blogger(): string {
    for (;;) {
      let id = String(this.random.int(1, 9));
      for (let i = 0; i < 18; i++) id += String(this.random.int(0, 9));
      if (!this.seen.has(id)) {
        this.seen.add(id);
        return id;
      }
    }
  }
}

const HANDLES = { dinah: 'Dinah', clinkshrink: 'ClinkShrink', roy: 'Roy' } as const;

function makeComments(random: Random, text: TextMaker, ids: IdMaker, readers: Reader[], post: BenchPost): StoredComment[] {
  // Exponential with mean 16, cut at 60: mean about 15, many quiet posts, a few heated ones.
  const count = Math.min(60, Math.floor(-Math.log(1 - random.next()) * 16));
  const comments: StoredComment[] = [];
  const tops: string[] = [];
  const replies: string[] = [];
  let t = post.published.getTime();
  const postTag = `tag:blogger.com,1999:blog-${BLOG_ID}.post-${post.bloggerId}`;
  for (let i = 0; i < count; i++) {
    t += random.int(2, 60 * (i + 1)) * 60_000;
    const digits = ids.blogger();
    const id = `blogger:${digits}`;
    const r = random.next();
    const parentId =
      r < 0.06 && replies.length > 0 ? random.pick(replies) : r < 0.28 && tops.length > 0 ? random.pick(tops) : null;
    (parentId ? replies : tops).push(id);
    const published = isoInZone(new Date(t), BLOG_TZ);
    const who = random.next();
    const tombstone = random.chance(0.01);
    let author: StoredComment['author'];
    if (tombstone) author = { name: '', role: 'reader', identity: 'registered' };
    else if (who < 0.08) {
      const key = random.pick(['dinah', 'clinkshrink', 'roy'] as const);
      author = { name: HANDLES[key], role: 'blog-author', identity: 'registered', authorKey: key };
    } else if (who < 0.4) author = { name: 'Anonymous', role: 'reader', identity: 'anonymous' };
    else {
      const reader = random.pick(readers);
      author = { name: reader.name, ...(reader.url ? { url: reader.url } : {}), role: 'reader', identity: reader.identity };
    }
    const comment: StoredComment = {
      id,
      parentId,
      published,
      author,
      bodyHtml: tombstone ? '' : commentBody(random, text),
      status: tombstone ? 'tombstone' : 'visible',
      ...(tombstone ? { removedBy: random.chance(0.5) ? ('author' as const) : ('administrator' as const) } : {}),
      source: {
        system: 'blogger-classic',
        file: 'blog-08-01-2018.xml',
        id: `tag:blogger.com,1999:blog-${BLOG_ID}.post-${digits}`,
        postRef: postTag,
        ...(parentId ? { parentRef: `tag:blogger.com,1999:blog-${BLOG_ID}.post-${parentId.slice(8)}` } : {}),
        permalink: `${OLD_HOST}/${post.id}.html?showComment=${t}#c${digits}`,
      },
    };
    comments.push(comment);
  }
  return comments;
}

function commentBody(random: Random, text: TextMaker): string {
  const paragraphs = Array.from({ length: random.chance(0.25) ? random.int(2, 3) : 1 }, () => {
    let p = text.paragraph(1, 4);
    if (random.chance(0.1)) p += ` <a href="https://www.example.com/${text.words(2).join('-')}">${text.words(3).join(' ')}</a>`;
    if (random.chance(0.1)) p = `<i>${text.sentence(3, 8)}</i> ${p}`;
    if (random.chance(0.05)) p = `<b>${text.sentence(2, 5)}</b> ${p}`;
    if (random.chance(0.03)) p += ' &amp; that is that.';
    return p;
  });
  return paragraphs.join('<br><br>');
}
