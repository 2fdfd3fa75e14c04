// newsdex search page.
//
// The URL holds the whole state (q, speaker, entity, source, since, until,
// offset, and the open article), so a search can be bookmarked and shared.
// Everything shown from the index is built as DOM text nodes, never parsed as
// HTML: an article containing "<script>" shows those characters.
'use strict';

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 200;
const SPEAKER_COLOURS = 8;

const $ = (id) => document.getElementById(id);

/** Creates an element with a class and children (strings become text nodes). */
function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

const state = {
  q: '',
  speakers: [],
  entities: [],
  sources: [],
  since: '',
  until: '',
  offset: 0,
  article: null,
  passage: null,
};

// ---------------------------------------------------------------- URL state

function readUrl() {
  const params = new URLSearchParams(location.search);
  state.q = params.get('q') || '';
  state.speakers = params.getAll('speaker').filter(Boolean);
  state.entities = params.getAll('entity').filter(Boolean);
  state.sources = params.getAll('source').filter(Boolean);
  state.since = params.get('since') || '';
  state.until = params.get('until') || '';
  const offset = parseInt(params.get('offset') || '0', 10);
  state.offset = Number.isFinite(offset) && offset > 0 ? offset : 0;
  state.article = params.get('article');
  const passage = parseInt(params.get('passage') || '', 10);
  state.passage = Number.isFinite(passage) ? passage : null;
}

/** The search parameters of the state (no article, no page). */
function searchParams() {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q);
  for (const name of state.speakers) params.append('speaker', name);
  for (const name of state.entities) params.append('entity', name);
  for (const name of state.sources) params.append('source', name);
  if (state.since) params.set('since', state.since);
  if (state.until) params.set('until', state.until);
  return params;
}

function stateUrl() {
  const params = searchParams();
  if (state.offset) params.set('offset', String(state.offset));
  if (state.article) {
    params.set('article', state.article);
    if (state.passage !== null) params.set('passage', String(state.passage));
  }
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

/** Records the state in the URL: a new history entry when `push`. */
function writeUrl(push) {
  const url = stateUrl();
  if (url === location.pathname + location.search) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

function hasFilters() {
  return state.speakers.length || state.entities.length || state.sources.length ||
    state.since || state.until;
}

// ---------------------------------------------------------------- API

async function getJson(path, params, signal) {
  const response = await fetch(`${path}?${params}`, { signal, headers: { Accept: 'application/json' } });
  let body = null;
  try {
    body = await response.json();
  } catch (_) {
    body = null;
  }
  if (!response.ok) {
    const message = body && body.error ? body.error : `the server answered ${response.status}`;
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return body;
}

// ---------------------------------------------------------------- highlights

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * `text` with the byte ranges `ranges` (UTF-8 offsets, as the API gives them)
 * wrapped in <mark>, as a fragment of text nodes.
 */
function highlighted(text, ranges) {
  const fragment = document.createDocumentFragment();
  const bytes = encoder.encode(text);
  const sorted = (ranges || [])
    .map(([start, end]) => [Math.max(0, start), Math.min(bytes.length, end)])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range.slice());
  }
  let position = 0;
  for (const [start, end] of merged) {
    if (start > position) fragment.append(decoder.decode(bytes.subarray(position, start)));
    fragment.append(el('mark', null, decoder.decode(bytes.subarray(start, end))));
    position = end;
  }
  if (position < bytes.length) fragment.append(decoder.decode(bytes.subarray(position)));
  return fragment;
}

// ---------------------------------------------------------------- formatting

const numberFormat = new Intl.NumberFormat('en');
const plural = (n, one, many) => `${numberFormat.format(n)} ${n === 1 ? one : many || one + 's'}`;

function formatDate(iso) {
  if (!iso) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

function meta(item) {
  const parts = [item.source, formatDate(item.published), item.category].filter(Boolean);
  const line = el('div', 'meta');
  parts.forEach((part, i) => {
    if (i) line.append(el('span', 'dot', '·'));
    line.append(el('span', null, part));
  });
  return line;
}

// ---------------------------------------------------------------- search

let searchController = null;
let lastSearchKey = null;
let typingTimer = null;

function scheduleSearch() {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    writeUrl(false);
    runSearch();
  }, TYPING_DELAY_MS);
}

/** Changes the state, records it as a new history entry, and searches. */
function navigate(change) {
  change();
  state.offset = change.keepOffset ? state.offset : 0;
  state.article = null;
  state.passage = null;
  writeUrl(true);
  render();
}

async function runSearch() {
  const params = searchParams();
  params.set('limit', String(PAGE_SIZE));
  if (state.offset) params.set('offset', String(state.offset));
  const key = params.toString();
  if (key === lastSearchKey) return;
  lastSearchKey = key;
  if (searchController) searchController.abort();
  searchController = new AbortController();
  document.title = state.q.trim() ? `${state.q.trim()} – newsdex` : 'newsdex';
  $('search-view').classList.add('loading');
  try {
    const results = await getJson('/api/search', params, searchController.signal);
    renderResults(results);
  } catch (error) {
    if (error.name === 'AbortError') return;
    lastSearchKey = null;
    renderError(error.message);
  } finally {
    $('search-view').classList.remove('loading');
  }
}

function renderError(message) {
  const status = $('status');
  status.replaceChildren(el('span', 'error', message));
  $('hits').replaceChildren();
  $('pager').hidden = true;
  renderChips();
}

function renderResults(results) {
  renderChips();
  renderStatus(results);
  renderHits(results.hits);
  renderPager(results);
  renderHistogram(results.histogram);
  renderFacets(results.facets);
}

function renderStatus(results) {
  const status = $('status');
  if (!state.q.trim() && !hasFilters()) {
    status.replaceChildren(welcome(results.facets));
    return;
  }
  if (!results.hits.length) {
    const words = results.offset ? 'No more passages match.' : 'No passages match.';
    status.replaceChildren(el('p', 'empty', words, ' Try fewer words, or remove a filter.'));
    return;
  }
  const first = results.offset + 1;
  const last = results.offset + results.hits.length;
  const histogram = results.histogram || { buckets: [], undated: 0 };
  const articles = histogram.buckets.reduce((sum, b) => sum + b.articles, histogram.undated);
  const line = el('p', null,
    // An estimate (total_exact false: see the JSON output in README) says so.
    el('strong', null, (results.total_exact === false ? 'about ' : '') + plural(results.total, 'passage')),
    results.total_full < results.total
      ? ` match, ${numberFormat.format(results.total_full)} with every word`
      : ` in ${plural(articles, 'article')}`,
    el('span', 'dot', '·'), `showing ${first}–${last}`);
  status.replaceChildren(line);
  if (results.undated_excluded) {
    status.append(el('p', 'note',
      `${plural(results.undated_excluded, 'matching article')} without a published date left out by the date filter.`));
  }
}

const SYNTAX = [
  ['night tram', 'both words, in any order (plans finds plan)'],
  ['"night tram"', 'the exact phrase'],
  ['harbour -strike', 'harbour but not strike'],
  ['ferry OR tram', 'either word'],
  ['title:storm', 'a word in the headline'],
];

/** The start page: what to type, and who is quoted most. */
function welcome(facets) {
  const card = el('div', 'welcome',
    el('h1', null, 'Who said what, and when'),
    el('p', null, 'Search every passage of the index. Narrow the results by who speaks, who is named and when it was published.'));
  const table = el('dl', 'syntax');
  for (const [example, meaning] of SYNTAX) {
    const button = el('button', 'example', example);
    button.type = 'button';
    button.addEventListener('click', () => navigate(() => { state.q = example; syncInputs(); }));
    table.append(el('dt', null, button), el('dd', null, meaning));
  }
  card.append(table);
  const quoted = ((facets && facets.speakers) || []).slice(0, 6);
  if (quoted.length) {
    const row = el('div', 'hit-footer', el('span', 'label', 'Most quoted'));
    for (const count of quoted) row.append(nameButton(count.name, 'speaker'));
    card.append(row);
  }
  return card;
}

function renderHits(hits) {
  const list = $('hits');
  list.replaceChildren(...hits.map(renderHit));
}

function renderHit(hit) {
  const item = el('li', 'hit');
  const top = meta(hit);
  if (hit.similar > 0) {
    top.append(el('span', 'badge similar', `+${hit.similar} similar`));
  }
  item.append(top);

  const link = el('a', 'hit-title', highlighted(hit.title || hit.path, hit.title_highlights));
  link.href = articleUrl(hit.article_id, hit.passage);
  link.addEventListener('click', (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    openArticle(hit.article_id, hit.passage);
  });
  item.append(el('h3', null, link));

  const snippet = el('p', 'snippet', highlighted(hit.snippet, hit.highlights));
  item.append(snippet);

  const who = [...hit.speakers, ...hit.org_speakers];
  const footer = el('div', 'hit-footer');
  if (who.length) {
    footer.append(el('span', 'label', who.length === 1 ? 'Speaker' : 'Speakers'));
    for (const name of who) footer.append(nameButton(name, 'speaker'));
  }
  if (hit.missing && hit.missing.length) {
    footer.append(el('span', 'missing', `missing: ${hit.missing.join(', ')}`));
  }
  if (footer.childNodes.length) item.append(footer);
  return item;
}

/** A name that adds itself as a filter when clicked. */
function nameButton(name, kind) {
  const button = el('button', `name ${kind}`, name);
  button.type = 'button';
  button.title = kind === 'speaker' ? `Only articles where ${name} speaks` : `Only articles naming ${name}`;
  button.addEventListener('click', () => addFilter(kind, name));
  return button;
}

function listFor(kind) {
  return kind === 'speaker' ? state.speakers : kind === 'source' ? state.sources : state.entities;
}

function addFilter(kind, name) {
  navigate(() => {
    const list = listFor(kind);
    if (!list.some((n) => n.toLowerCase() === name.toLowerCase())) list.push(name);
  });
}

function removeFilter(kind, name) {
  navigate(() => {
    const list = listFor(kind);
    const at = list.indexOf(name);
    if (at >= 0) list.splice(at, 1);
  });
}

function renderChips() {
  const chips = [];
  const chip = (label, value, onRemove) => {
    const remove = el('button', 'chip-remove', '×');
    remove.type = 'button';
    remove.setAttribute('aria-label', `Remove ${label.toLowerCase()} ${value}`);
    remove.addEventListener('click', onRemove);
    chips.push(el('span', 'chip', el('span', 'chip-label', label), el('span', 'chip-value', value), remove));
  };
  for (const name of state.speakers) chip('Speaker', name, () => removeFilter('speaker', name));
  for (const name of state.entities) chip('Named', name, () => removeFilter('entity', name));
  for (const name of state.sources) chip('Source', name, () => removeFilter('source', name));
  if (state.since) chip('From', state.since, () => navigate(() => { state.since = ''; syncInputs(); }));
  if (state.until) chip('To', state.until, () => navigate(() => { state.until = ''; syncInputs(); }));
  if (chips.length > 1) {
    const clear = el('button', 'clear', 'Clear all');
    clear.type = 'button';
    clear.addEventListener('click', () => navigate(() => {
      state.speakers = [];
      state.entities = [];
      state.sources = [];
      state.since = '';
      state.until = '';
      syncInputs();
    }));
    chips.push(clear);
  }
  $('chips').replaceChildren(...chips);
}

function renderPager(results) {
  const pager = $('pager');
  const hasPrev = results.offset > 0;
  // Partial matches are counted only once a page reaches them, so an
  // uncounted remainder may still hold more.
  const hasNext = results.hits.length === results.limit
    && (results.offset + results.limit < results.total || results.total_partial === null);
  pager.hidden = !hasPrev && !hasNext;
  $('prev').disabled = !hasPrev;
  $('next').disabled = !hasNext;
  $('page-info').textContent = `Page ${Math.floor(results.offset / results.limit) + 1}`;
}

function goToOffset(offset) {
  const change = () => { state.offset = Math.max(0, offset); };
  change.keepOffset = true;
  navigate(change);
  window.scrollTo({ top: 0 });
}

// ---------------------------------------------------------------- histogram

function renderHistogram(histogram) {
  const box = $('histogram');
  if (!histogram || !histogram.buckets.length) {
    box.replaceChildren(histogram && histogram.undated
      ? el('p', 'hint', `${plural(histogram.undated, 'matching article')}, none dated.`)
      : '');
    return;
  }
  const max = Math.max(1, ...histogram.buckets.map((b) => b.articles));
  const bars = el('div', 'bars');
  for (const bucket of histogram.buckets) {
    const bar = el('button', 'bar');
    bar.type = 'button';
    const active = state.since === bucket.period && state.until === bucket.period;
    if (active) bar.classList.add('active');
    bar.title = `${bucket.period}: ${plural(bucket.articles, 'article')}`;
    bar.setAttribute('aria-label', bar.title);
    const fill = el('span', 'fill');
    fill.style.height = bucket.articles ? `${Math.max(6, (100 * bucket.articles) / max)}%` : '0';
    bar.append(fill);
    bar.disabled = bucket.articles === 0;
    bar.addEventListener('click', () => navigate(() => {
      if (active) {
        state.since = '';
        state.until = '';
      } else {
        state.since = bucket.period;
        state.until = bucket.period;
      }
      syncInputs();
    }));
    bars.append(bar);
  }
  const first = histogram.buckets[0].period;
  const last = histogram.buckets[histogram.buckets.length - 1].period;
  const axis = el('div', 'axis', el('span', null, first), el('span', null, first === last ? '' : last));
  const total = histogram.buckets.reduce((sum, b) => sum + b.articles, 0);
  const caption = el('p', 'hint',
    `${plural(total, 'matching article')} by ${histogram.period}`,
    histogram.undated ? `, ${numberFormat.format(histogram.undated)} undated` : '',
    '. Click a bar to keep only that ', histogram.period, '.');
  box.replaceChildren(bars, axis, caption);
}

// ---------------------------------------------------------------- facets

const FACETS = [
  ['speakers', 'Speakers', 'speaker'],
  ['persons', 'People', 'entity'],
  ['organizations', 'Organisations', 'entity'],
  ['places', 'Places', 'entity'],
];

function renderFacets(facets) {
  const box = $('facets');
  const sections = [];
  for (const [key, title, kind] of FACETS) {
    const names = (facets && facets[key]) || [];
    if (!names.length) continue;
    const list = el('ul', 'facet-list');
    for (const count of names) {
      const chosen = listFor(kind).some((n) => n.toLowerCase() === count.name.toLowerCase());
      const button = el('button', `facet${chosen ? ' active' : ''}`,
        el('span', 'facet-name', count.name),
        count.kind === 'org_speaker' ? el('span', 'tag', 'org') : null,
        el('span', 'count', numberFormat.format(count.articles)));
      button.type = 'button';
      button.dataset.kind = kind;
      button.dataset.name = count.name;
      button.title = `${plural(count.articles, 'article')}, ${plural(count.passages, 'passage')}`;
      button.addEventListener('click', () => (chosen ? removeFilter(kind, count.name) : addFilter(kind, count.name)));
      list.append(el('li', null, button));
    }
    sections.push(el('div', `facet-group facet-${key}`, el('h2', null, title), list));
  }
  box.hidden = sections.length === 0;
  box.replaceChildren(...sections);
}

// ---------------------------------------------------------------- article

function articleUrl(id, passage) {
  const params = searchParams();
  if (state.offset) params.set('offset', String(state.offset));
  params.set('article', id);
  if (passage !== null && passage !== undefined) params.set('passage', String(passage));
  return `/?${params}`;
}

let openedFromResults = false;

function openArticle(id, passage) {
  state.article = id;
  state.passage = passage;
  openedFromResults = true;
  writeUrl(true);
  render();
}

function closeArticle() {
  if (openedFromResults) {
    history.back();
    return;
  }
  state.article = null;
  state.passage = null;
  writeUrl(true);
  render();
}

let shownArticle = null;

async function showArticle() {
  const view = $('article');
  $('search-view').hidden = true;
  $('article-view').hidden = false;
  const key = `${state.article}#${state.passage}`;
  if (shownArticle === key) return;
  shownArticle = key;
  view.replaceChildren(el('p', 'status', 'Loading…'));
  try {
    const article = await getJson('/api/article', new URLSearchParams({ id: state.article }));
    if (shownArticle !== key) return;
    renderArticle(article);
  } catch (error) {
    view.replaceChildren(el('p', 'status error', error.message));
  }
}

function renderArticle(article) {
  const view = $('article');
  document.title = `${article.title} – newsdex`;
  const speakers = [...article.speakers, ...article.org_speakers];
  const colour = new Map(speakers.map((name, i) => [name, i % SPEAKER_COLOURS]));

  const header = el('header', 'article-header', meta(article), el('h1', null, article.title), el('p', 'path', article.path));
  const cast = el('div', 'cast');
  if (speakers.length) {
    const legend = el('div', 'cast-row', el('span', 'label', 'Speakers'));
    for (const name of speakers) {
      const button = nameButton(name, 'speaker');
      button.classList.add(`c${colour.get(name)}`);
      legend.append(button);
    }
    cast.append(legend);
  }
  const named = [...article.persons, ...article.organizations, ...article.places];
  if (named.length) {
    const row = el('div', 'cast-row', el('span', 'label', 'Named'));
    for (const name of named) row.append(nameButton(name, 'entity'));
    cast.append(row);
  }

  const body = el('div', 'passages');
  let focus = null;
  for (const passage of article.passages) {
    const who = [...passage.speakers, ...passage.org_speakers];
    const side = el('div', 'who');
    for (const name of who) side.append(el('span', `speaker-tag c${colour.get(name) ?? 0}`, name));
    const row = el('div', 'passage', side, el('p', 'text', passage.text));
    row.dataset.passage = String(passage.passage);
    if (who.length) {
      row.classList.add('spoken', `c${colour.get(who[0]) ?? 0}`);
    }
    if (passage.passage === state.passage) {
      row.classList.add('focus');
      focus = row;
    }
    body.append(row);
  }
  view.replaceChildren(header, cast, body);
  if (focus) focus.scrollIntoView({ block: 'center' });
  else window.scrollTo({ top: 0 });
}

// ---------------------------------------------------------------- wiring

function syncInputs() {
  if ($('q').value !== state.q) $('q').value = state.q;
  $('since').value = state.since;
  $('until').value = state.until;
}

function render() {
  if (state.article) {
    showArticle();
  } else {
    shownArticle = null;
    $('article-view').hidden = true;
    $('search-view').hidden = false;
  }
  runSearch();
}

const DATE_SHAPE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function dateInput(id, key) {
  const input = $(id);
  let timer = null;
  const apply = (always) => {
    const value = input.value.trim();
    if (value === state[key]) return;
    if (!always && value && !DATE_SHAPE.test(value)) return;
    state[key] = value;
    state.offset = 0;
    writeUrl(false);
    runSearch();
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => apply(false), TYPING_DELAY_MS * 2);
  });
  input.addEventListener('change', () => {
    clearTimeout(timer);
    apply(true);
  });
}

async function loadStats() {
  try {
    const stats = await getJson('/api/stats', new URLSearchParams());
    $('stats').textContent = `${plural(stats.articles, 'article')} · ${plural(stats.passages, 'passage')}`;
    $('stats').title = `${stats.index} · newsdex ${stats.version}`;
  } catch (_) {
    $('stats').textContent = '';
  }
}

function start() {
  readUrl();
  syncInputs();
  $('q').addEventListener('input', () => {
    state.q = $('q').value;
    state.offset = 0;
    if (state.article) {
      state.article = null;
      state.passage = null;
      shownArticle = null;
      $('article-view').hidden = true;
      $('search-view').hidden = false;
    }
    scheduleSearch();
  });
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    state.q = $('q').value;
    writeUrl(true);
    render();
  });
  dateInput('since', 'since');
  dateInput('until', 'until');
  $('prev').addEventListener('click', () => goToOffset(state.offset - PAGE_SIZE));
  $('next').addEventListener('click', () => goToOffset(state.offset + PAGE_SIZE));
  $('back').addEventListener('click', closeArticle);
  $('home').addEventListener('click', (event) => {
    event.preventDefault();
    navigate(() => {
      state.q = '';
      state.speakers = [];
      state.entities = [];
      state.sources = [];
      state.since = '';
      state.until = '';
      syncInputs();
    });
  });
  window.addEventListener('popstate', () => {
    readUrl();
    syncInputs();
    openedFromResults = false;
    render();
  });
  document.addEventListener('keydown', (event) => {
    const typing = event.target instanceof HTMLInputElement;
    if (event.key === '/' && !typing) {
      event.preventDefault();
      $('q').focus();
    } else if (event.key === 'Escape' && state.article) {
      closeArticle();
    }
  });
  loadStats();
  render();
}

start();
