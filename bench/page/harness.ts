/**
 * The in-page side of `npm run bench` (bundled by bench/lib/server.mjs, driven by run.mjs through
 * `page.evaluate(() => window.bench.…)`). Every function returns plain JSON.
 */
import type {CustomerListQuery} from '../../src/contract/schemas.js';
import type {ResellerCustomerDetail} from '../../src/elements/customer-detail/customer-detail.js';
import type {ResellerCustomerTable} from '../../src/elements/customer-table/customer-table.js';
import type {ResellerProvider} from '../../src/elements/provider/provider.js';
import {CHART_CONTENDERS, WIDTH as CHART_WIDTH, type ChartData} from './charts.js';
import {treeSignature, vanillaSameDom} from './baseline-same-dom.js';
import {CONTENDERS, kitTable, tableShows, type Contender, type Mounted, type RenderData} from './contenders.js';
import {settle, timeToPaint, whenDom, type Timing} from './measure.js';
import * as transcript from './transcript.js';

/** A long cache: the render benchmark must never wait on the network. */
const CACHE_TTL_MS = 60 * 60_000;

let data: RenderData | undefined;
let provider: ResellerProvider | undefined;
let stage: HTMLElement | undefined;

const queryFor = (perPage: number, sort: 'id' | 'name'): CustomerListQuery => ({page: 1, per_page: perPage as 25 | 50 | 75 | 100, sort, order: 'asc'});

function contender(name: string): Contender {
  const found = CONTENDERS.find((c) => c.name === name);
  if (!found) throw new Error(`unknown contender "${name}" (known: ${CONTENDERS.map((c) => c.name).join(', ')})`);
  return found;
}

function newProvider(token: string, cacheTtlMs?: number): ResellerProvider {
  const el = document.createElement('reseller-provider');
  el.token = token;
  if (cacheTtlMs !== undefined) el.clientOptions = {cacheTtlMs};
  return el;
}

/** Page 1 by id and by name, through the provider's client: the kit's cache is warm afterwards. */
async function setup(token: string, perPage: number) {
  provider?.remove();
  provider = newProvider(token, CACHE_TTL_MS);
  stage = document.createElement('div');
  stage.id = 'stage';
  provider.append(stage);
  document.body.append(provider);
  const client = provider.client;
  const [byId, byName] = await Promise.all([client.listCustomers(queryFor(perPage, 'id')), client.listCustomers(queryFor(perPage, 'name'))]);
  data = {byId: byId.data, byName: byName.data, total: byId.total};
  return {rows: byId.data.length, total: byId.total, firstById: byId.data[0]?.id ?? null, firstByName: byName.data[0]?.name ?? null};
}

function ready(): {data: RenderData; stage: HTMLElement} {
  if (!data || !stage) throw new Error('bench.setup() first');
  return {data, stage};
}

/** One first-render sample: mount (timed), then unmount (not timed). */
async function firstRender(name: string): Promise<Timing> {
  const {data: d, stage: s} = ready();
  const c = contender(name);
  await settle();
  let mounted: Mounted | undefined;
  const timing = await timeToPaint(async () => (mounted = await c.mount(s, d)));
  mounted!.unmount();
  return timing;
}

/** One re-sort sample: mount and let it paint (not timed), click Name (timed), unmount. */
async function resort(name: string): Promise<Timing> {
  const {data: d, stage: s} = ready();
  const mounted = await contender(name).mount(s, d);
  await settle();
  await settle();
  const timing = await timeToPaint(() => mounted.resort());
  mounted.unmount();
  return timing;
}

/** The harness's own floor: a change that does nothing, timed the same way. */
async function noop(): Promise<Timing> {
  await settle();
  return timeToPaint(() => Promise.resolve());
}

let kept: Mounted | undefined;

/** Mounts one contender and leaves it (memory); `unmountKept` removes it. */
async function mountKept(name: string): Promise<void> {
  const {data: d, stage: s} = ready();
  kept = await contender(name).mount(s, d);
  await settle();
}

function unmountKept(): void {
  kept?.unmount();
  kept = undefined;
}

/** `count` mount/unmount cycles of one contender (each waits for its rows and a painted frame). */
async function cycles(name: string, count: number): Promise<void> {
  const {data: d, stage: s} = ready();
  const c = contender(name);
  for (let i = 0; i < count; i++) {
    const mounted = await c.mount(s, d);
    await settle();
    mounted.unmount();
  }
  await settle();
}

/**
 * Time to data: a new provider (new client, empty cache) with a table is inserted; timed to the
 * rows painted. Resource Timing gives the request's own share (start → response end).
 */
async function timeToData(token: string, perPage: number, expectedIds: string[]) {
  await settle();
  performance.clearResourceTimings();
  const p = newProvider(token);
  const table = document.createElement('reseller-customer-table');
  table.setAttribute('per-page', String(perPage));
  p.append(table);
  let inserted = 0;
  const timing = await timeToPaint(async () => {
    inserted = performance.now();
    document.body.append(p);
    await whenDom(table.shadowRoot!, () => tableShows(table, expectedIds), 30_000, 'the table rows');
  });
  const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const list = entries.find((e) => /\/api\/v3\/reseller\/customers\?/.test(e.name));
  const chunks = entries.filter((e) => e.initiatorType === 'script' || /\.js(\?|$)/.test(e.name));
  p.remove();
  return {
    ...timing,
    request: list ? {start: list.startTime - inserted, end: list.responseEnd - inserted, duration: list.responseEnd - list.startTime} : null,
    lazyChunks: chunks.map((e) => ({name: new URL(e.name).pathname, start: e.startTime - inserted, end: e.responseEnd - inserted})),
  };
}

/** The settled state of every kit element on the page (for the request-count scenarios). */
function busyElements(): number {
  let busy = 0;
  for (const el of document.querySelectorAll<ResellerCustomerTable>('reseller-customer-table')) {
    if (!el.shadowRoot?.querySelector('tbody tr[data-id]')) busy++;
  }
  for (const el of document.querySelectorAll<ResellerCustomerDetail>('reseller-customer-detail')) {
    if (!el.shadowRoot?.querySelector('form[part~="form"]')) busy++;
  }
  return busy;
}

/**
 * `count` elements of one kind on one page: all in one provider (`shared`), or each with its own
 * `api-base` and token (no provider, so each has its own client). Resolves when all show data.
 */
async function mountMany(options: {token: string; kind: 'table' | 'detail'; count: number; shared: boolean; perPage: number; customerId: number}) {
  const {token, kind, count, shared, perPage, customerId} = options;
  const host = shared ? newProvider(token) : document.createElement('div');
  host.id = 'many';
  for (let i = 0; i < count; i++) {
    if (kind === 'table') {
      const table = document.createElement('reseller-customer-table');
      table.setAttribute('per-page', String(perPage));
      if (!shared) {
        table.setAttribute('api-base', '/api/v3/reseller');
        table.token = token;
      }
      host.append(table);
    } else {
      const detail = document.createElement('reseller-customer-detail');
      detail.setAttribute('customer-id', String(customerId));
      if (!shared) {
        detail.setAttribute('api-base', '/api/v3/reseller');
        detail.token = token;
      }
      host.append(detail);
    }
  }
  const start = performance.now();
  document.body.append(host);
  // Mutations inside shadow roots do not reach an observer on the document: poll (not a timing).
  const deadline = start + 30_000;
  while (busyElements() > 0) {
    if (performance.now() > deadline) throw new Error(`${busyElements()} of ${count} ${kind} element(s) still without data after 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return {ms: performance.now() - start};
}

function unmountMany(): void {
  document.getElementById('many')?.remove();
}

// ---------------------------------------------------------------------------------------------
// Charts: 365 daily points from the tenant's GET /usage, fetched once through the provider's
// client (so the kit's chart reads them from the warm cache), fed to every chart contender.

let chartData: ChartData | undefined;
let chartStage: HTMLElement | undefined;

async function chartSetup(days: number) {
  const {stage: s} = ready();
  const to = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  const usage = await provider!.client.getUsage({from, to});
  chartData = {from: usage.from, to: usage.to, daily: usage.daily};
  chartStage?.remove();
  chartStage = document.createElement('div');
  chartStage.id = 'chart-stage';
  chartStage.style.width = `${CHART_WIDTH}px`;
  s.append(chartStage);
  return {points: usage.daily.length, from: usage.from, to: usage.to, nonZeroDays: usage.daily.filter((p) => p.audio_minutes > 0).length};
}

function chartContender(name: string) {
  const found = CHART_CONTENDERS.find((c) => c.name === name);
  if (!found) throw new Error(`unknown chart contender "${name}" (known: ${CHART_CONTENDERS.map((c) => c.name).join(', ')})`);
  return found;
}

/** One chart sample: mount (timed to paint), then unmount (not timed). */
async function chartRender(name: string): Promise<Timing> {
  if (!chartData || !chartStage) throw new Error('bench.chartSetup() first');
  const c = chartContender(name);
  const d = chartData;
  const s = chartStage;
  await settle();
  let mounted: {unmount(): void} | undefined;
  const timing = await timeToPaint(async () => (mounted = await c.mount(s, d)));
  mounted!.unmount();
  return timing;
}

function chartContenders() {
  return CHART_CONTENDERS.map(({name, kind, series, description}) => ({name, kind, series, description}));
}

// ---------------------------------------------------------------------------------------------
// Interaction (INP): the Node side clicks for real (Playwright → CDP Input.dispatchMouseEvent);
// here the Event Timing API reports each interaction's duration (input → next paint).

interface EventEntry extends PerformanceEntry {
  interactionId: number;
  processingStart: number;
  processingEnd: number;
}

let eventEntries: EventEntry[] = [];
let eventObserver: PerformanceObserver | undefined;
let inpTable: ResellerCustomerTable | undefined;

/** Page 2 by id and page 1 by name descending too: every click of the INP run is served from the cache. */
async function inpSetup(perPage: number) {
  if (!provider) throw new Error('bench.setup() first');
  const client = provider.client;
  await Promise.all([
    client.listCustomers({page: 2, per_page: perPage as 100, sort: 'id', order: 'asc'}),
    client.listCustomers({page: 1, per_page: perPage as 100, sort: 'name', order: 'desc'}),
  ]);
  if (!eventObserver) {
    eventObserver = new PerformanceObserver((list) => eventEntries.push(...(list.getEntries() as EventEntry[])));
    eventObserver.observe({type: 'event', durationThreshold: 16, buffered: true} as PerformanceObserverInit);
  }
}

/** Mounts a fresh 100-row kit table for the INP clicks (id order, page 1). */
async function inpMount(perPage: number) {
  const {data: d, stage: s} = ready();
  inpTable?.remove();
  const table = document.createElement('reseller-customer-table');
  table.setAttribute('per-page', String(perPage));
  s.append(table);
  await whenDom(table.shadowRoot!, () => tableShows(table, d.byId.map((c) => String(c.id))), 30_000, 'the INP table rows');
  inpTable = table;
  await settle();
  await settle();
  eventEntries = [];
}

function inpUnmount() {
  inpTable?.remove();
  inpTable = undefined;
}

/**
 * The interactions reported since the last call: per interactionId, the longest of its entries
 * (pointerdown, pointerup, click, keydown, keyup: the interaction's duration, rounded to 8 ms by
 * the browser), and the rows' state afterwards. Entries shorter than 16 ms are not reported.
 */
async function inpTake() {
  await settle();
  await settle();
  eventEntries.push(...((eventObserver?.takeRecords() ?? []) as EventEntry[]));
  const byId = new Map<number, {duration: number; types: string[]; processing: number}>();
  for (const e of eventEntries) {
    if (!e.interactionId) continue;
    const cur = byId.get(e.interactionId) ?? {duration: 0, types: [], processing: 0};
    cur.duration = Math.max(cur.duration, e.duration);
    cur.processing = Math.max(cur.processing, e.processingEnd - e.processingStart);
    cur.types.push(e.name);
    byId.set(e.interactionId, cur);
  }
  eventEntries = [];
  const root = inpTable?.shadowRoot;
  return {
    interactions: [...byId.values()],
    state: {
      firstRow: root?.querySelector<HTMLElement>('tbody tr[data-id]')?.dataset.id ?? null,
      rows: root?.querySelectorAll('tbody tr[data-id]').length ?? 0,
      menuOpen: root?.querySelector('#row-menu')?.matches(':popover-open') ?? false,
      sort: root?.querySelector('th[aria-sort]')?.getAttribute('data-sort') ?? null,
    },
  };
}

/**
 * Whether "vanilla, same DOM" still builds the kit table's shadow tree: the two trees' elements
 * (tag, attributes and own text, in document order, `treeSignature`) after mounting, and again after a re-sort. Throws on the first
 * difference, so a change to the kit's markup fails the render section until the baseline follows.
 */
async function sameDomCheck() {
  const {data: d, stage: s} = ready();
  const trees = [];
  for (const name of [kitTable.name, vanillaSameDom.name]) {
    const mounted = await contender(name).mount(s, d);
    const root = s.lastElementChild!.shadowRoot!;
    const first = treeSignature(root);
    await mounted.resort();
    trees.push({name, first, sorted: treeSignature(root), sortedBy: root.querySelector('th[aria-sort]')?.getAttribute('data-sort'), firstRow: root.querySelector<HTMLElement>('tbody tr')?.dataset.id});
    mounted.unmount();
  }
  const [kit, same] = trees as [(typeof trees)[0], (typeof trees)[0]];
  for (const when of ['first', 'sorted'] as const) {
    const at = kit[when].findIndex((tag, i) => tag !== same[when][i]);
    if (at >= 0 || kit[when].length !== same[when].length) {
      const i = at >= 0 ? at : Math.min(kit[when].length, same[when].length);
      throw new Error(`"${vanillaSameDom.name}" differs from the kit table (${when === 'first' ? 'first render' : 'after a re-sort'}): ${kit[when].length} vs ${same[when].length} elements; element ${i}: kit ${kit[when][i]}, baseline ${same[when][i]}`);
    }
  }
  if (kit.sortedBy !== same.sortedBy || kit.firstRow !== same.firstRow) throw new Error(`"${vanillaSameDom.name}" re-sorts differently from the kit table`);
  return {elements: kit.first.length, elementsAfterResort: kit.sorted.length};
}

function contenders() {
  return CONTENDERS.map(({name, kind, description}) => ({name, kind, description}));
}

export const harness = {...transcript, setup, contenders, chartSetup, chartRender, chartContenders, inpSetup, inpMount, inpUnmount, inpTake, noop, firstRender, resort, sameDomCheck, mountKept, unmountKept, cycles, timeToData, mountMany, busyElements, unmountMany};
export type Harness = typeof harness;

declare global {
  interface Window {
    bench: Harness;
  }
}
