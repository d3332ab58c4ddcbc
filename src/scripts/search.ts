/**
 * The search page's UI on Pagefind's JS API. Loaded only by src/pages/search/index.astro.
 *
 * Three parts: the pure state and view model (src/lib/search/: state.ts, plan.ts,
 * view-model.ts, results.ts, merge.ts); SearchPageView, which copies a model into the DOM;
 * and SearchController (state, searches) with listen(), which turns events into states.
 *
 * The URL is the state: every change is written with history.pushState (filters, sort,
 * the comments switch, submitting) or replaceState (typing), and back/forward re-read it.
 * All text from the index goes into the page through textContent; the excerpt's <mark>
 * tags become real <mark> elements via excerptParts, never through innerHTML.
 *
 * Posts are in /pagefind/; the archived comments in their own bundle (/pagefind-comments/,
 * built once and reused across builds), merged in with Pagefind's mergeIndex when comments
 * are included, or after the results are shown, to count the threads beside the switch.
 */
import { withBase } from '../lib/urls';
import { FACETS, parseSearchState, searchHref, serializeSearchState, withFilter, withoutFilters, type Facet, type SearchState, type SortOrder } from '../lib/search/state';
import { parseVocabulary, suggestQuery } from '../lib/search/suggest';
import { CONTENT_TYPE, dateSortedLists, pagefindFilters, planSearch, type FacetOption, type FilterCounts, type PagefindFilters } from '../lib/search/plan';
import { takeByDate, type DateOrder } from '../lib/search/merge';
import { shapeResult, type ExcerptPart, type PagefindResultData, type ShapedResult } from '../lib/search/results';
import {
  appliedFilterCount,
  countSpoken,
  countText,
  documentTitle,
  facetView,
  needsCommentIndex,
  OPTION_NOUN,
  PENDING_COUNT_SPOKEN,
  PENDING_COUNT_TEXT,
  searchView,
  THREADS_NOUN,
  threadCountShown,
  transition,
  wantsSuggestion,
  type FacetView,
  type SearchView,
} from '../lib/search/view-model';

interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
interface PagefindResponse {
  results: PagefindResult[];
  filters: FilterCounts;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(term: string | null, options: { filters?: PagefindFilters; sort?: Record<string, string> }): Promise<PagefindResponse | null>;
}

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 250;
const BASE = import.meta.env.BASE_URL;

/* ---------- Pagefind ---------- */

interface SearchIndex {
  pagefind: Promise<Pagefind>;
  /** The comment bundle's folder, when the build made one. */
  commentBundle?: string;
  /** Resolves once the comment bundle is merged (started on first need). */
  comments?: Promise<void>;
  commentsMerged: boolean;
}

function openIndex(commentBundle: string | undefined): SearchIndex {
  const pagefind = (async () => {
    const pf = (await import(/* @vite-ignore */ withBase(BASE, '/pagefind/pagefind.js'))) as Pagefind;
    await pf.options({ baseUrl: BASE, excerptLength: 30 });
    await pf.init();
    // Loads every filter's index now: otherwise Pagefind only counts the filters a query uses.
    await pf.filters();
    return pf;
  })();
  return { pagefind, commentBundle, commentsMerged: false };
}

/** Merge the comment bundle into the search (once). */
function mergeComments(index: SearchIndex, pf: Pagefind): Promise<void> {
  if (!index.commentBundle) return Promise.resolve();
  index.comments ??= (async () => {
    await pf.mergeIndex(withBase(BASE, `/${index.commentBundle}/`), { baseUrl: BASE, excerptLength: 30 });
    await pf.filters();
    index.commentsMerged = true;
  })();
  return index.comments;
}

/* ---------- the view ---------- */

const byId = <T extends HTMLElement>(id: string) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`search page: #${id} is missing`);
  return el as T;
};

/** The page's controls and output, and the only code that writes to them. */
class SearchPageView {
  readonly form = byId<HTMLFormElement>('search-form');
  readonly input = byId<HTMLInputElement>('search-q');
  readonly ui = byId<HTMLElement>('search-ui');
  readonly sort = byId<HTMLSelectElement>('search-sort');
  readonly comments = byId<HTMLInputElement>('search-comments');
  readonly commentsCount = byId<HTMLElement>('search-comments-count');
  readonly status = byId<HTMLElement>('search-status');
  readonly list = byId<HTMLOListElement>('search-results');
  readonly more = byId<HTMLButtonElement>('search-more');
  readonly clear = byId<HTMLButtonElement>('search-clear');
  readonly labelsMore = byId<HTMLButtonElement>('facet-label-more');
  readonly notice = byId<HTMLElement>('search-notice');
  readonly facets = byId<HTMLElement>('search-facets');
  readonly filtersToggle = byId<HTMLButtonElement>('search-filters-toggle');
  readonly filtersCount = byId<HTMLElement>('search-filters-count');
  readonly suggestion = byId<HTMLElement>('search-suggestion');
  readonly suggestionLink = byId<HTMLAnchorElement>('search-suggestion-link');
  /** The empty search's thread count, as the build drew it. */
  readonly buildThreads = Number(byId<HTMLElement>('search-comments-count').dataset.buildTotal ?? 0);
  readonly facetLists = Object.fromEntries(FACETS.map((f) => [f, byId<HTMLUListElement>(`facet-${f}`)])) as Record<Facet, HTMLUListElement>;
  readonly templates = Object.fromEntries(FACETS.map((f) => [f, byId<HTMLTemplateElement>(`facet-${f}-template`)])) as Record<Facet, HTMLTemplateElement>;
  readonly pageTitle = document.title;

  /** Reveal the controls: the page kept their space (search.css), so nothing moves. */
  reveal(): void {
    this.ui.hidden = false;
    delete this.ui.dataset.reserveSpace;
    this.status.textContent = 'Loading search…';
  }

  /** Make the controls show `s` (on load and on back/forward). */
  reflect(s: SearchState): void {
    if (this.input.value.replace(/\s+/g, ' ').trim() !== s.q) this.input.value = s.q;
    this.sort.value = s.sort;
    this.comments.checked = s.comments;
    // The build renders the empty search's filters, disabled until this script handles them.
    for (const facet of FACETS) {
      for (const box of this.facetLists[facet].querySelectorAll('input')) {
        box.disabled = false;
        box.checked = s.filters[facet].includes(box.value);
      }
    }
    document.title = documentTitle(this.pageTitle, s);
    this.showFiltersApplied(s);
  }

  /** "Filters (2)": the phone's button says how many filter values are chosen. */
  showFiltersApplied(s: SearchState): void {
    const n = appliedFilterCount(s);
    if (n === 0) this.filtersCount.replaceChildren();
    else setCount(this.filtersCount, n, 'applied', ' ');
  }

  /** Phones: show or fold the filters (wider screens always show them). */
  toggleFilters(): void {
    const open = this.filtersToggle.getAttribute('aria-expanded') !== 'true';
    this.filtersToggle.setAttribute('aria-expanded', String(open));
    this.facets.classList.toggle('is-open', open);
  }

  /** "Did you mean …?" with a link to that search, or nothing. */
  showSuggestion(q: string | undefined, href = ''): void {
    this.suggestion.hidden = q === undefined;
    this.suggestionLink.textContent = q ?? '';
    this.suggestionLink.href = href;
  }

  busy(): void {
    this.list.setAttribute('aria-busy', 'true');
  }

  /** The list now shows `s` (data-state lets tests and tools wait for it). */
  done(s: SearchState): void {
    this.list.dataset.state = serializeSearchState(s);
    this.list.setAttribute('aria-busy', 'false');
  }

  cannotLoad(): void {
    this.ui.hidden = true;
    this.notice.hidden = false;
    this.notice.textContent = import.meta.env.DEV
      ? 'Search needs a build: run npm run build once, then restart npm run dev.'
      : 'Search could not load. Try again later, or browse by label or month below.';
  }

  failed(): void {
    this.list.replaceChildren();
    this.more.hidden = true;
    this.status.textContent = 'The search failed (the index may have changed since this page loaded). Reload the page to try again.';
  }

  /** Filters, counts and title for a search; the results follow with showResults. */
  showModel(s: SearchState, model: SearchView): void {
    for (const facet of FACETS) this.showFacet(facet, model.facets[facet]);
    this.clear.hidden = !model.showClear;
    this.showThreadCount(threadCountShown(model, this.buildThreads));
    this.showFiltersApplied(s);
    document.title = documentTitle(this.pageTitle, s);
    if (model.blank) {
      this.list.replaceChildren();
      this.more.hidden = true;
      this.status.textContent = model.status;
    }
  }

  /** The threads a search would add; undefined: not counted yet ("…", same width). */
  showThreadCount(n: number | undefined): void {
    if (n === undefined) {
      this.commentsCount.replaceChildren(el('span', { 'aria-hidden': 'true' }, PENDING_COUNT_TEXT), el('span', { className: 'visually-hidden' }, PENDING_COUNT_SPOKEN));
    } else {
      setCount(this.commentsCount, n, THREADS_NOUN);
    }
  }

  showFacet(facet: Facet, model: FacetView): void {
    const listEl = this.facetLists[facet];
    const active = document.activeElement;
    const focused = active instanceof HTMLInputElement && listEl.contains(active) ? active.value : undefined;
    listEl.replaceChildren(
      ...(model.shown.length === 0
        ? [el('li', { className: 'facet-empty' }, 'None match')]
        : model.shown.map((o, i) => facetOption(this.templates[facet], facet, o, i))),
    );
    if (model.more) {
      this.labelsMore.hidden = model.more.hidden;
      this.labelsMore.setAttribute('aria-expanded', String(model.more.expanded));
      this.labelsMore.textContent = model.more.text;
    }
    if (focused !== undefined) [...listEl.querySelectorAll<HTMLInputElement>('input')].find((b) => b.value === focused)?.focus();
  }

  /** Swap in (or append) result items; a new search replaces the old in one step: no jump. */
  showResults(results: ShapedResult[], { replace, moreLeft, moveFocus }: { replace: boolean; moreLeft: boolean; moveFocus: boolean }): void {
    const items = results.map(resultItem);
    if (replace) this.list.replaceChildren(...items);
    else this.list.append(...items);
    this.more.hidden = !moreLeft;
    if (moveFocus) items[0]?.querySelector('a')?.focus();
  }

  setStatus(text: string): void {
    this.status.textContent = text;
  }
}

/** A filter option: a clone of SearchFacet's template (FacetOption.astro), filled in. */
function facetOption(template: HTMLTemplateElement, facet: Facet, option: FacetOption, index: number): HTMLLIElement {
  const item = (template.content.firstElementChild as HTMLLIElement).cloneNode(true) as HTMLLIElement;
  const id = `facet-${facet}-${index}`;
  const box = item.querySelector('input')!;
  Object.assign(box, { id, value: option.value, checked: option.selected, disabled: false });
  item.querySelector('label')!.htmlFor = id;
  item.querySelector('.facet-value')!.textContent = option.value;
  setCount(item.querySelector<HTMLElement>('.facet-count')!, option.count, OPTION_NOUN);
  return item;
}

/** "(12)" on screen, ", 12 results" for screen readers (the spans the build wrote). */
function setCount(target: HTMLElement, n: number, noun: string, before = ''): void {
  target.replaceChildren(el('span', { 'aria-hidden': 'true' }, before + countText(n)), el('span', { className: 'visually-hidden' }, countSpoken(n, noun)));
}

function resultItem(r: ShapedResult): HTMLLIElement {
  const title = el('h3', { className: 'search-result__title' }, el('a', { href: r.url }, r.kind === 'comment' ? `Comments on “${r.title}”` : r.title));
  const meta = el('p', { className: 'search-result__meta' });
  const bits: (Node | string)[] = [];
  if (r.kind === 'comment') bits.push(r.commentCount ? `${r.commentCount} comments on a post` : 'Comments on a post');
  // The date alone, as shown: a post whose time of day is unknown claims no time here either.
  if (r.dateText) bits.push(el('time', { dateTime: (r.date ?? '').slice(0, 10) }, r.dateText));
  if (r.author) bits.push(`by ${r.author}`);
  if (r.labels.length > 0) bits.push(`Labels: ${r.labels.join(', ')}`);
  bits.forEach((b, i) => meta.append(...(i > 0 ? [' · ', b] : [b])));
  const body: HTMLElement[] = [title, meta];
  if (r.comments.length > 0) {
    const items = r.comments.map((c) => el('li', {}, el('a', { href: c.url }, c.name), ' said: ', excerpt('span', c.excerpt)));
    body.push(el('ul', { className: 'search-result__comments' }, ...items));
  } else if (r.excerpt.length > 0) {
    body.push(excerpt('p', r.excerpt, 'search-result__excerpt'));
  }
  return el('li', { className: `search-result search-result--${r.kind}` }, el('article', {}, ...body));
}

function excerpt<K extends 'p' | 'span'>(tag: K, parts: ExcerptPart[], className = 'search-result__excerpt'): HTMLElementTagNameMap[K] {
  return el(tag, { className }, ...parts.map((p) => (p.marked ? el('mark', {}, p.text) : p.text)));
}

/** A DOM element with properties and children; strings become text nodes, never HTML. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, unknown>> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key.includes('-')) node.setAttribute(key, String(value));
    else Object.assign(node, { [key]: value });
  }
  node.append(...children);
  return node;
}

/* ---------- searching ---------- */

/** One search's answers: the counts of every planned query, and the result lists to show. */
async function query(pf: Pagefind, s: SearchState) {
  const plan = planSearch(s);
  const answers = await Promise.all(
    plan.queries.map((q, i) => pf.search(plan.term, { filters: q.filters, ...(i === 0 && plan.sort ? { sort: plan.sort } : {}) })),
  );
  const counts = new Map<string, FilterCounts>();
  plan.queries.forEach((q, i) => counts.set(q.key, answers[i]?.filters ?? {}));
  const lists = dateSortedLists(s, plan);
  const queues = lists
    ? (await Promise.all(lists.map((filters) => pf.search(plan.term, { filters, sort: plan.sort })))).map((a) => a?.results ?? [])
    : [answers[0]?.results ?? []];
  return { plan, counts, queues, order: lists ? plan.sort!.date : undefined };
}

/**
 * The blog's own words (src/pages/search/words.txt.ts), fetched once, and only when a
 * search finds nothing: the one request search makes beyond Pagefind's.
 */
const vocabulary = (() => {
  let words: Promise<Map<string, number>> | undefined;
  return () =>
    (words ??= fetch(withBase(BASE, '/search/words.txt'))
      .then((r) => (r.ok ? r.text() : ''))
      .then(parseVocabulary)
      .catch(() => new Map<string, number>()));
})();

/** A result's data, loaded once however often it is asked for. */
const dataOf = (() => {
  const loaded = new WeakMap<PagefindResult, Promise<PagefindResultData>>();
  return (r: PagefindResult) => {
    let data = loaded.get(r);
    if (!data) loaded.set(r, (data = r.data()));
    return data;
  };
})();

/** How many comment threads `s` would find with comments included (once they are merged). */
async function countThreads(pf: Pagefind, s: SearchState): Promise<number> {
  const plan = planSearch(s);
  const answer = await pf.search(plan.term, { filters: pagefindFilters(s, CONTENT_TYPE) });
  return answer?.filters[CONTENT_TYPE]?.comment ?? 0;
}

/** The page's state and searches: adopts states, runs them, hands models to the view. */
class SearchController {
  private state = parseSearchState(location.search);
  private labelsExpanded = false;
  private lastOptions: Record<Facet, FacetOption[]> | undefined;
  private pending: PagefindResult[][] = [];
  private order: DateOrder | undefined;
  private runId = 0;
  private typing: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly view: SearchPageView,
    private readonly index: SearchIndex,
  ) {}

  get current(): SearchState {
    return this.state;
  }

  start(): void {
    this.view.reflect(this.state);
    this.view.reveal();
    void this.run();
  }

  /** Adopt a new state: write it to the URL, then search. */
  commit(next: SearchState, mode: 'push' | 'replace'): void {
    clearTimeout(this.typing);
    const t = transition(this.state, next, location);
    if (t.url !== undefined) history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', t.url);
    this.state = t.state;
    if (t.search) void this.run();
  }

  /** Typing: adopt the words once the reader pauses. */
  type(words: string): void {
    clearTimeout(this.typing);
    this.typing = setTimeout(() => this.commit({ ...this.state, q: words }, 'replace'), TYPING_DELAY_MS);
  }

  /** Back/forward: the URL changed under the page. */
  restore(): void {
    this.state = parseSearchState(location.search);
    this.view.reflect(this.state);
    void this.run();
  }

  toggleLabels(): void {
    this.labelsExpanded = !this.labelsExpanded;
    if (this.lastOptions) this.view.showFacet('label', facetView('label', this.lastOptions.label, this.labelsExpanded));
  }

  showMore(): void {
    void this.nextPage(this.runId, { moveFocus: true });
  }

  private async run(): Promise<void> {
    const s = this.state;
    const id = ++this.runId;
    this.view.busy();
    let pf: Pagefind;
    try {
      pf = await this.index.pagefind;
      if (needsCommentIndex(s, this.index.commentBundle !== undefined)) await mergeComments(this.index, pf);
    } catch (error) {
      if (id === this.runId) this.view.cannotLoad();
      console.error('Pagefind did not load', error);
      return;
    }
    let answer: Awaited<ReturnType<typeof query>>;
    try {
      answer = await query(pf, s);
    } catch (error) {
      if (id !== this.runId) return;
      console.error('Pagefind search failed', error);
      this.view.failed();
      this.view.done(s);
      return;
    }
    if (id !== this.runId) return; // a newer search started meanwhile
    const commentsLoaded = this.index.commentsMerged;
    const model = searchView(s, answer.plan, answer.counts, { labelsExpanded: this.labelsExpanded, commentsLoaded });
    this.lastOptions = model.options;
    this.view.showModel(s, model);
    this.view.showSuggestion(undefined);
    this.pending = model.blank ? [] : answer.queues;
    this.order = answer.order;
    if (!model.blank) {
      await this.nextPage(id, { replace: true });
      if (id !== this.runId) return;
      this.view.setStatus(model.status);
      if (wantsSuggestion(s, model)) await this.suggest(id, s);
    }
    if (id !== this.runId) return;
    this.view.done(s);
    if (!commentsLoaded && !model.blank && this.index.commentBundle) void this.countThreadsLater(id, pf, s);
  }

  /** "Did you mean psychotherapy?" for words the blog never used (nothing when none is near). */
  private async suggest(id: number, s: SearchState): Promise<void> {
    const suggestion = suggestQuery(s.q, await vocabulary());
    if (id !== this.runId || !suggestion) return;
    this.view.showSuggestion(suggestion, searchHref(location.pathname, { ...s, q: suggestion }));
  }

  /** With comments left out, count the threads they would add once the results are shown. */
  private async countThreadsLater(id: number, pf: Pagefind, s: SearchState): Promise<void> {
    try {
      await mergeComments(this.index, pf);
      const n = await countThreads(pf, s);
      if (id === this.runId) this.view.showThreadCount(n);
    } catch (error) {
      console.error('The comment index did not load', error);
    }
  }

  /** Render the next page of results; after "Show more", focus the first new one. */
  private async nextPage(id: number, { moveFocus = false, replace = false } = {}): Promise<void> {
    const next = this.order
      ? await takeByDate(this.pending, PAGE_SIZE, async (r) => (await dataOf(r)).meta.date ?? '', this.order)
      : (this.pending[0] ?? []).splice(0, PAGE_SIZE);
    const data = await Promise.all(next.map(dataOf));
    if (id !== this.runId) return;
    this.view.showResults(data.map(shapeResult), { replace, moreLeft: this.pending.some((q) => q.length > 0), moveFocus });
  }
}

/** Controls to state changes: every event becomes a commit (push) or typing (replace). */
function listen(view: SearchPageView, page: SearchController): void {
  view.form.addEventListener('submit', (event) => {
    event.preventDefault();
    page.commit({ ...page.current, q: view.input.value }, 'push');
  });
  view.input.addEventListener('input', () => page.type(view.input.value));
  view.sort.addEventListener('change', () => page.commit({ ...page.current, sort: view.sort.value as SortOrder }, 'push'));
  view.comments.addEventListener('change', () => page.commit({ ...page.current, comments: view.comments.checked }, 'push'));
  for (const facet of FACETS) {
    view.facetLists[facet].addEventListener('change', (event) => {
      const box = event.target as HTMLInputElement;
      if (box.type === 'checkbox') page.commit(withFilter(page.current, facet, box.value, box.checked), 'push');
    });
  }
  view.clear.addEventListener('click', () => {
    view.input.focus();
    page.commit(withoutFilters(page.current), 'push');
  });
  view.labelsMore.addEventListener('click', () => page.toggleLabels());
  view.filtersToggle.addEventListener('click', () => view.toggleFilters());
  view.suggestionLink.addEventListener('click', (event) => {
    event.preventDefault();
    view.input.value = view.suggestionLink.textContent ?? '';
    page.commit({ ...page.current, q: view.input.value }, 'push');
  });
  view.more.addEventListener('click', () => page.showMore());
  window.addEventListener('popstate', () => page.restore());
}

function start(): void {
  const view = new SearchPageView();
  const page = new SearchController(view, openIndex(view.comments.dataset.index));
  listen(view, page);
  page.start();
}

if (document.getElementById('search-form')) start();
