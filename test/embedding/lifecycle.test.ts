/**
 * SPA life cycle against the sandbox: what a host router does to the kit's elements.
 *
 * - 50 route changes inside one `<reseller-provider>` (three pages that together hold every element
 *   that loads data), then everything unmounted: listeners on global targets, pending timers,
 *   active observers and requests in flight are back where they were before the first mount; the
 *   sandbox saw exactly one page's worth of requests per mount; nothing threw or logged an error.
 * - 50 route changes that unmount each page before its data arrived (aborts on the way out).
 * - Moving elements in the DOM: no reload, no loading state, nothing typed lost; moving into another
 *   provider loads from that provider's tenant.
 * - `customer-id` changed many times quickly: only the last customer is ever shown; the earlier
 *   requests were aborted.
 * - Two providers on one page (side by side and nested): each element talks to its own tenant.
 *
 * `./instrument.js` is imported first, so it counts everything the kit does (see that file). The
 * tests' own polling uses the real timers (`until`), so only the kit's timers are counted.
 */
import {errors, fetchedSince, inFlightNow, outcomes, snapshot, until, type Snapshot} from './instrument.js';
import {expect} from '@open-wc/testing';
import '../../src/define/index.js';
import type {ResellerProvider} from '../../src/elements/provider/provider.js';
import type {ResellerCustomerDetail} from '../../src/elements/customer-detail/customer-detail.js';
import type {ResellerCustomerTable} from '../../src/elements/customer-table/customer-table.js';
import type {Customer, CustomerPage} from '../../src/contract/schemas.js';
import {api} from '../helpers/api.js';
import {API_BASE, clearFaults, clearRequests, createTenant, requests, setFaults, type RecordedRequest, type Tenant} from '../helpers/sandbox.js';

const CYCLES = 50;

/** Whether anything under `root` (through shadow roots) is loading. */
function busy(root: ParentNode): boolean {
  for (const el of root.querySelectorAll('*')) {
    if (el.matches('[aria-busy="true"], [part~="loading"]')) return true;
    if (el.shadowRoot && busy(el.shadowRoot)) return true;
  }
  return false;
}

/** Every element under `root`, through shadow roots. */
function deepAll(root: ParentNode): Element[] {
  return [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? deepAll(el.shadowRoot) : [])]);
}

/** Whether the path of selectors matches under `root`, each step inside the previous one's shadow root. */
function deepQuery(root: ParentNode, [step, ...rest]: string[]): boolean {
  const matches = deepAll(root).filter((el) => el.matches(step!));
  if (!rest.length) return matches.length > 0;
  return matches.some((el) => !!el.shadowRoot && deepQuery(el.shadowRoot, rest));
}

/** Every kit element under `root` (through shadow roots). */
function kitElements(root: ParentNode): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    if (el.localName.startsWith('reseller-')) found.push(el);
    if (el.shadowRoot) found.push(...kitElements(el.shadowRoot));
  }
  return found;
}

/** Nothing in flight, nothing loading, every element rendered: two polls (20 ms apart) in a row. */
async function settle(root: ParentNode, message: string): Promise<void> {
  let quiet = 0;
  await until(() => {
    const ok = inFlightNow() === 0 && !busy(root) && kitElements(root).every((el) => el.localName === 'reseller-provider' || !!el.shadowRoot?.childElementCount);
    quiet = ok ? quiet + 1 : 0;
    return quiet >= 2;
  }, message);
}

/** Lets pending work finish after an unmount: nothing in flight for a few polls. */
async function drain(): Promise<void> {
  let quiet = 0;
  await until(() => {
    quiet = inFlightNow() === 0 ? quiet + 1 : 0;
    return quiet >= 5;
  }, 'requests drain');
}

function make(tag: string, attrs: Record<string, string | number> = {}): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

async function mountProvider(tenant: Tenant, clientOptions?: ResellerProvider['clientOptions']): Promise<ResellerProvider> {
  const provider = document.createElement('reseller-provider');
  provider.token = tenant.token;
  if (clientOptions) provider.clientOptions = clientOptions;
  document.body.append(provider);
  await provider.updateComplete;
  return provider;
}

const customersOf = async (tenant: Tenant) => (await api<CustomerPage>(tenant, 'GET', '/customers?per_page=100')).data;

const key = (r: RecordedRequest) => `${r.method} ${r.path}${r.query ? `?${r.query}` : ''}`;
function tally(list: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of list) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}
const sorted = (m: Map<string, number>) => [...m].sort(([a], [b]) => a.localeCompare(b));

/** The leak-relevant part of a snapshot, with a readable account of what differs. */
function leaks(before: Snapshot, after: Snapshot) {
  const extraListeners = [...after.listeners];
  for (const l of before.listeners) extraListeners.splice(extraListeners.indexOf(l), extraListeners.includes(l) ? 1 : 0);
  const oldTimers = new Set(before.timers.map((t) => t.id));
  const newTimers = after.timers.filter((t) => !oldTimers.has(t.id));
  return {
    listeners: extraListeners,
    kitTimers: newTimers.filter((t) => t.blame !== 'other'),
    otherTimers: newTimers.filter((t) => t.blame === 'other'),
    observers: after.observers.length - before.observers.length,
    inFlight: after.inFlight,
  };
}

/**
 * Pending timers the kit may legitimately leave after everything is unmounted and settled. None:
 * the client's cache expiry is a timestamp checked on read (`expires > Date.now()`), not a timer;
 * request timeouts are cleared in `finally`; search debounces and toasts are cleared on disconnect.
 * (A retry back-off sleep outlives an abort by at most its delay, ≤ 4 s, but no request here fails.)
 */
const KIT_TIMER_ALLOWANCE = 0;

describe('SPA life cycle', () => {
  let provider: ResellerProvider | null = null;
  const extraProviders: HTMLElement[] = [];
  afterEach(() => {
    provider?.remove();
    provider = null;
    for (const p of extraProviders.splice(0)) p.remove();
  });

  it(`${CYCLES} route changes through every loading element leak no listener, timer, observer or request, and ask each URL once per mount`, async function () {
    this.timeout(90_000);
    const started = performance.now();
    const tenant = await createTenant({customers: 3});
    const [first] = await customersOf(tenant);
    const id = first!.id;
    // The cache is off so every mount's requests reach the sandbox and can be counted exactly
    // (with the default 5 s cache a quick remount asks nothing at all; see the next test for it).
    provider = await mountProvider(tenant, {cacheTtlMs: 0});
    const outlet = make('main');
    provider.append(outlet);
    // Three routes; each element with what it shows once loaded (found through shadow roots).
    const LIST_SHOWN = ['table[part~="table"][aria-busy="false"], [part~="state"]:not([part~="loading"])'];
    const routes: [tag: string, attrs: Record<string, number>, shows: string[]][][] = [
      [
        ['reseller-customer-table', {}, ['tbody tr[part~="row"]']],
        ['reseller-usage-dashboard', {}, ['[part~="totals"]']],
      ],
      [
        ['reseller-customer-detail', {'customer-id': id}, ['reseller-subscription-panel', '[part~="plan"]']],
        ['reseller-usage-chart', {'customer-id': id}, ['[part~="chart-area"][aria-busy="false"]']],
      ],
      [
        ['reseller-token-manager', {'customer-id': id}, LIST_SHOWN],
        ['reseller-user-list', {'customer-id': id}, LIST_SHOWN],
        ['reseller-transcription-list', {'customer-id': id}, LIST_SHOWN],
        ['reseller-brand-logo', {}, ['[part~="image"], [part~="name"]']],
      ],
    ];
    const pages = routes.map((route) => () => route.map(([tag, attrs]) => make(tag, attrs)));
    const missing = (page: number) => routes[page]!.filter(([tag, , shows]) => {
      const el = outlet.querySelector(tag);
      return !el || !deepQuery(el.shadowRoot!, shows);
    }).map(([tag]) => tag);
    // The timer counter sees a pending timer, and forgets a cleared one.
    const probe = window.setTimeout(() => {}, 60_000);
    expect(snapshot().timers.map((t) => t.id), 'a pending timer is counted').to.include(probe);
    window.clearTimeout(probe);
    expect(snapshot().timers.map((t) => t.id), 'a cleared timer is not').to.not.include(probe);
    await clearRequests(tenant.token);
    const errorsBefore = errors.length;
    const before = snapshot();
    let afterFirstRound: Snapshot | null = null;
    const perPage: string[][] = [[], [], []];
    const mounts = [0, 0, 0];
    let seen = 0;
    /** The most seen while a page was mounted and loaded (for the figures). */
    const peak = {listeners: 0, observers: 0};

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const page = cycle % pages.length;
      outlet.replaceChildren(...pages[page]!());
      mounts[page]!++;
      await until(() => !missing(page).length, `page ${page} shows its data in cycle ${cycle}`).catch((error: Error) => {
        throw new Error(`${error.message}: not shown: ${missing(page).join(', ')}`);
      });
      await settle(outlet, `page ${page} settles in cycle ${cycle}`);
      for (const el of kitElements(outlet)) await (el as HTMLElement & {updateComplete?: Promise<unknown>}).updateComplete;
      const mounted = snapshot();
      peak.listeners = Math.max(peak.listeners, mounted.listeners.length);
      peak.observers = Math.max(peak.observers, mounted.observers.length);
      if (page === 1) {
        // The counters see the kit: the detail listens for beforeunload, the chart observes its size.
        const now = snapshot();
        expect(now.listeners, 'counted while mounted').to.include('window beforeunload');
        expect(now.observers.map((o) => `${o.kind} ${o.blame}`), 'counted while mounted').to.include('ResizeObserver kit');
      }
      if (cycle < pages.length) {
        // The first round tells what one mount of each page asks.
        const log = await requests(tenant.token);
        perPage[page] = log.slice(seen).map(key);
        seen = log.length;
        expect(perPage[page], `page ${page} asked something`).to.not.be.empty;
      }
      if (cycle === pages.length - 1) {
        outlet.replaceChildren();
        await drain();
        afterFirstRound = snapshot();
      }
    }
    outlet.replaceChildren();
    await drain();
    const after = snapshot();

    // Nothing left behind.
    const first3 = leaks(before, afterFirstRound!);
    const all = leaks(before, after);
    const report = {
      listeners: {before: before.listeners.length, afterFirstRound: afterFirstRound!.listeners.length, after: after.listeners.length},
      timers: {before: before.timers.length, after: after.timers.length, kit: all.kitTimers.length},
      observers: {before: before.observers.length, after: after.observers.length},
      inFlight: after.inFlight,
      fetches: after.fetches - before.fetches,
      peakWhileMounted: peak,
      ms: Math.round(performance.now() - started),
    };
    console.log(`life cycle figures: ${JSON.stringify(report)}`);
    expect(first3.listeners, 'global listeners after one round').to.deep.equal([]);
    expect(all.listeners, 'global listeners after 50 cycles').to.deep.equal([]);
    expect(all.kitTimers.map((t) => t.stack), 'pending timers of the kit').to.have.length.at.most(KIT_TIMER_ALLOWANCE);
    expect(all.otherTimers.map((t) => t.stack), 'pending timers of anything else').to.deep.equal([]);
    expect(all.observers, 'active observers').to.equal(0);
    expect(all.inFlight, 'requests in flight').to.equal(0);

    // Exactly one page's worth of requests per mount, nothing retried or doubled.
    const expected = new Map<string, number>();
    perPage.forEach((list, page) => {
      for (const [k, n] of tally(list)) expected.set(k, (expected.get(k) ?? 0) + n * mounts[page]!);
    });
    const log = await requests(tenant.token);
    // 304: the browser revalidating GET /branding (ETag, no-cache) from its own HTTP cache; fetch sees a 200.
    expect(log.filter((r) => r.status !== 200 && !(r.status === 304 && r.path === '/branding')).map((r) => `${r.status} ${r.path}`), 'every request answered 200 (or a revalidated /branding)').to.deep.equal([]);
    expect(sorted(tally(log.map(key))), 'what the sandbox saw').to.deep.equal(sorted(expected));
    const total = [...expected.values()].reduce((a, b) => a + b, 0);
    expect(log).to.have.length(total);
    const pageFetches = fetchedSince(before.fetches).filter((u) => u.includes(API_BASE));
    expect(pageFetches, 'what the page fetched (the sandbox log plus nothing)').to.have.length(total);
    expect(errors.slice(errorsBefore), 'errors on the page').to.deep.equal([]);
  });

  it('with the default cache one mount asks every URL once: the detail and its tab share the customer', async () => {
    const tenant = await createTenant({customers: 2});
    const [first] = await customersOf(tenant);
    provider = await mountProvider(tenant);
    await clearRequests(tenant.token);
    const detail = make('reseller-customer-detail', {'customer-id': first!.id});
    provider.append(detail, make('reseller-usage-chart', {'customer-id': first!.id}), make('reseller-brand-logo'));
    await settle(provider, 'the page settles');
    const keys = (await requests(tenant.token)).map(key);
    const twice = [...tally(keys)].filter(([, n]) => n > 1);
    expect(twice, `asked more than once: ${keys.join(', ')}`).to.deep.equal([]);
    expect(keys).to.include(`GET /customers/${first!.id}`);
    expect(keys).to.include(`GET /customers/${first!.id}/subscription`);
  });

  it(`${CYCLES} route changes that leave before the data arrives: the abandoned loads finish, nothing is left, no errors`, async () => {
    const tenant = await createTenant({customers: 2});
    const [first] = await customersOf(tenant);
    const id = first!.id;
    provider = await mountProvider(tenant, {cacheTtlMs: 0});
    const outlet = make('main');
    provider.append(outlet);
    await setFaults(tenant.token, [{method: 'GET', delay_ms: 150}]);
    await clearRequests(tenant.token);
    const errorsBefore = errors.length;
    const failedBefore = outcomes.failed;
    const before = snapshot();
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      outlet.replaceChildren(
        make('reseller-customer-table'),
        make('reseller-customer-detail', {'customer-id': id}),
        make('reseller-usage-chart', {'customer-id': id}),
        make('reseller-token-manager', {'customer-id': id}),
      );
      // Until the requests have left, then away: the router navigates on.
      await until(() => inFlightNow() > 0, `cycle ${cycle} starts loading`);
      await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    }
    outlet.replaceChildren();
    await drain();
    const after = snapshot();
    const log = await requests(tenant.token);
    await clearFaults(tenant.token);
    const result = leaks(before, after);
    const fetches = fetchedSince(before.fetches).filter((u) => u.includes(API_BASE)).length;
    console.log(`abandoned loads: ${CYCLES * 4} element mounts, ${fetches} fetches (a remount joins a read still in flight), ${log.length} reached the sandbox`);
    expect(result.listeners).to.deep.equal([]);
    expect(result.kitTimers.map((t) => t.stack)).to.have.length.at.most(KIT_TIMER_ALLOWANCE);
    expect(result.otherTimers.map((t) => t.stack)).to.deep.equal([]);
    expect(result.observers).to.equal(0);
    expect(result.inFlight).to.equal(0);
    // Loads of a page that was left are not aborted (Lit's Task does not abort on disconnect): they
    // finish and are dropped with the element, and a quick remount shares the read still in flight,
    // so there are fewer fetches than mounts and none failed or was retried.
    expect(fetches, 'at most one read per element mount').to.be.at.most(CYCLES * 4);
    expect(log.length, 'every fetch reached the sandbox once').to.equal(fetches);
    expect(outcomes.failed - failedBefore, 'failed fetches').to.equal(0);
    expect(errors.slice(errorsBefore), 'errors on the page').to.deep.equal([]);
  });

  it('moving elements within the page keeps their data and edits and asks nothing again', async () => {
    const tenant = await createTenant({customers: 3});
    const [first] = await customersOf(tenant);
    provider = await mountProvider(tenant, {cacheTtlMs: 0}); // any reload would reach the sandbox
    const left = make('section');
    const right = make('aside');
    provider.append(left, right);
    const detail = make('reseller-customer-detail', {'customer-id': first!.id}) as ResellerCustomerDetail;
    const table = make('reseller-customer-table') as ResellerCustomerTable;
    const chart = make('reseller-usage-chart', {'customer-id': first!.id});
    left.append(detail, table, chart);
    await settle(provider, 'the page settles');
    const name = detail.shadowRoot!.querySelector<HTMLInputElement>('#name')!;
    name.value = 'Moved Along BV';
    name.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
    await detail.updateComplete;
    expect(detail.dirty).to.be.true;
    const before = snapshot();
    const asked = (await requests(tenant.token)).length;
    const rows = table.shadowRoot!.querySelectorAll('tbody tr[part~="row"]').length;

    for (let i = 0; i < 5; i++) {
      (i % 2 ? left : right).append(detail, table, chart);
      for (const el of [detail, table, chart] as HTMLElement[]) await (el as unknown as {updateComplete: Promise<unknown>}).updateComplete;
      expect(busy(provider), `no loading state after move ${i}`).to.be.false;
    }
    await settle(provider, 'the page settles after the moves');
    expect((await requests(tenant.token)).length, 'nothing asked again').to.equal(asked);
    expect(detail.shadowRoot!.querySelector<HTMLInputElement>('#name')!.value, 'the edit is kept').to.equal('Moved Along BV');
    expect(detail.dirty).to.be.true;
    expect(table.shadowRoot!.querySelectorAll('tbody tr[part~="row"]')).to.have.length(rows);
    const after = snapshot();
    expect(after.listeners).to.deep.equal(before.listeners);
    expect(after.observers.length, 'the chart observes its size once, not once per move').to.equal(before.observers.length);
  });

  it('moving the detail while it saves keeps the save going: the customer is updated and the form says so', async () => {
    const tenant = await createTenant({customers: 2});
    const [first] = await customersOf(tenant);
    provider = await mountProvider(tenant);
    const left = make('section');
    const right = make('aside');
    provider.append(left, right);
    const detail = make('reseller-customer-detail', {'customer-id': first!.id}) as ResellerCustomerDetail;
    left.append(detail);
    await settle(provider, 'the detail settles');
    const name = detail.shadowRoot!.querySelector<HTMLInputElement>('#name')!;
    name.value = 'Saved While Moving BV';
    name.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
    await detail.updateComplete;
    await setFaults(tenant.token, [{method: 'PATCH', path: '/customers/*', delay_ms: 400}]);
    let updated = '';
    detail.addEventListener('reseller-customer-updated', (e) => (updated = e.detail.customer.name));
    const saves = outcomes.aborted;
    detail.shadowRoot!.querySelector<HTMLButtonElement>('[part~="update"]')!.click();
    await until(() => fetchedSince(0).some((u) => u.startsWith('PATCH ')) && inFlightNow() > 0, 'the save has left');
    right.append(detail); // the host's layout moves it (a side panel becomes the main column)
    await until(() => inFlightNow() === 0 && detail.shadowRoot!.querySelector('[part~="update"]')?.getAttribute('aria-busy') === 'false', 'the save settles');
    await clearFaults(tenant.token);
    expect(outcomes.aborted - saves, 'the save was not aborted by the move').to.equal(0);
    await until(() => updated !== '', 'the updated event');
    expect(updated).to.equal('Saved While Moving BV');
    expect(detail.dirty, 'the form is saved').to.be.false;
    expect((await api<Customer>(tenant, 'GET', `/customers/${first!.id}`)).name).to.equal('Saved While Moving BV');
  });

  it('moving the subscription panel while it changes the plan keeps the change going', async () => {
    const tenant = await createTenant({customers: 1});
    const [first] = await customersOf(tenant);
    provider = await mountProvider(tenant);
    const left = make('section');
    const right = make('aside');
    provider.append(left, right);
    const panel = make('reseller-subscription-panel', {'customer-id': first!.id});
    left.append(panel);
    await settle(provider, 'the panel settles');
    const select = panel.shadowRoot!.querySelector<HTMLSelectElement>('[part~="plan-select"]')!;
    const plan = [...select.options].map((o) => o.value).find((v) => v && v !== first!.plan && v !== 'enterprise')!;
    select.value = plan;
    select.dispatchEvent(new Event('change', {bubbles: true}));
    await (panel as HTMLElement & {updateComplete: Promise<unknown>}).updateComplete;
    panel.shadowRoot!.querySelector<HTMLButtonElement>('[part~="change-button"]')!.click();
    const dialog = () => panel.shadowRoot!.querySelector('reseller-confirm-dialog')!.shadowRoot!;
    await until(() => !!dialog().querySelector('dialog')?.open, 'the confirmation opens');
    await setFaults(tenant.token, [{method: 'PUT', path: '/customers/*/subscription', delay_ms: 400}]);
    let changed = '';
    panel.addEventListener('reseller-subscription-change', (e) => (changed = e.detail.subscription.plan));
    const aborted = outcomes.aborted;
    dialog().querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    await until(() => fetchedSince(0).some((u) => u.startsWith('PUT ')) && inFlightNow() > 0, 'the change has left');
    right.append(panel);
    await until(() => inFlightNow() === 0 && panel.shadowRoot!.querySelector('[part~="change-button"]')?.getAttribute('aria-busy') === 'false', 'the change settles');
    await clearFaults(tenant.token);
    expect(outcomes.aborted - aborted, 'the change was not aborted by the move').to.equal(0);
    await until(() => changed !== '', 'the change event');
    expect(changed).to.equal(plan);
    expect((await api<{plan: string}>(tenant, 'GET', `/customers/${first!.id}/subscription`)).plan).to.equal(plan);
  });

  it('moving the inline customer form while it creates keeps the create going', async () => {
    const tenant = await createTenant({customers: 1});
    provider = await mountProvider(tenant);
    const left = make('section');
    const right = make('aside');
    provider.append(left, right);
    const form = make('reseller-customer-form', {inline: ''});
    left.append(form);
    await settle(provider, 'the form settles');
    form.shadowRoot!.querySelector<HTMLInputElement>('#name')!.value = 'Created While Moving BV';
    form.shadowRoot!.querySelector<HTMLInputElement>('#email')!.value = 'moving@example.com';
    await setFaults(tenant.token, [{method: 'POST', path: '/customers', delay_ms: 400}]);
    let created = '';
    form.addEventListener('reseller-customer-created', (e) => (created = e.detail.customer.name));
    const aborted = outcomes.aborted;
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await until(() => fetchedSince(0).some((u) => /^POST .*\/customers$/.test(u)) && inFlightNow() > 0, 'the create has left');
    right.append(form);
    await until(() => inFlightNow() === 0 && form.shadowRoot!.querySelector('[part~="submit"]')?.getAttribute('aria-busy') === 'false', 'the create settles');
    await clearFaults(tenant.token);
    expect(outcomes.aborted - aborted, 'the create was not aborted by the move').to.equal(0);
    await until(() => created !== '', 'the created event');
    expect(created).to.equal('Created While Moving BV');
    expect((await customersOf(tenant)).map((c) => c.name)).to.include('Created While Moving BV');
  });

  it('moving an element into another provider loads from that provider’s tenant', async () => {
    const [a, b] = await Promise.all([createTenant({customers: 2}), createTenant({customers: 4})]);
    const [idsA, idsB] = (await Promise.all([customersOf(a), customersOf(b)])).map((list) => list.map((c) => c.id));
    provider = await mountProvider(a);
    const other = await mountProvider(b);
    extraProviders.push(other);
    const table = make('reseller-customer-table') as ResellerCustomerTable;
    provider.append(table);
    await settle(table.shadowRoot!, 'tenant A rows');
    const ids = () => [...table.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr[part~="row"]')].map((tr) => Number(tr.dataset.id));
    expect(ids()).to.deep.equal(idsA);
    await Promise.all([clearRequests(a.token), clearRequests(b.token)]);
    other.append(table);
    await until(() => ids().join() === idsB!.join(), 'tenant B rows after the move');
    expect((await requests(a.token)).map(key)).to.deep.equal([]);
    expect((await requests(b.token)).map(key)).to.deep.equal(['GET /customers?order=asc&page=1&per_page=25&sort=id']);
  });

  it('customer-id changed quickly many times: the last one wins, earlier requests are aborted, no stale customer is ever shown', async () => {
    const tenant = await createTenant({customers: 12});
    const customers = await customersOf(tenant);
    const byId = new Map<number, Customer>(customers.map((c) => [c.id, c]));
    provider = await mountProvider(tenant);
    // Every customer read takes 600 ms, so each switch happens while the previous one is loading.
    await setFaults(tenant.token, [{method: 'GET', path: '/customers/*', delay_ms: 600}]);
    const detail = make('reseller-customer-detail', {'customer-id': customers[0]!.id}) as ResellerCustomerDetail;
    const shown = new Set<string>();
    const record = () => {
      const root = detail.shadowRoot;
      const idText = root?.querySelector('[part~="id"]')?.textContent?.trim();
      if (!idText) return;
      const heading = root!.querySelector('[part~="heading"]')?.textContent?.trim();
      const panel = root!.querySelector('reseller-subscription-panel')?.getAttribute('customer-id');
      shown.add(`${idText} ${heading} panel=${panel ?? '-'}`);
    };
    const watcher = new MutationObserver(record);
    const mark = snapshot().fetches;
    provider.append(detail);
    await detail.updateComplete;
    watcher.observe(detail.shadowRoot!, {subtree: true, childList: true, characterData: true, attributes: true});
    const abortedBefore = outcomes.aborted;
    const switches = customers.slice(1).map((c) => c.id);
    for (const id of switches) {
      const current = detail.customerId;
      await until(() => fetchedSince(mark).some((u) => u.endsWith(`/customers/${current}`)), `the read of ${current} has left`);
      detail.customerId = id;
      await detail.updateComplete;
    }
    const last = switches.at(-1)!;
    await settle(detail.shadowRoot!, 'the last customer shows');
    await until(() => !!detail.shadowRoot!.querySelector('reseller-subscription-panel'), 'the subscription tab of the last customer');
    await settle(detail.shadowRoot!, 'the tab settles');
    record();
    watcher.disconnect();
    await clearFaults(tenant.token);
    expect(detail.customerId).to.equal(last);
    expect(detail.shadowRoot!.querySelector('[part~="heading"]')!.textContent!.trim()).to.equal(byId.get(last)!.name);
    expect(detail.shadowRoot!.querySelector<HTMLInputElement>('#email')!.value).to.equal(byId.get(last)!.email);
    expect([...shown], 'the only customer ever shown').to.deep.equal([`${last} ${byId.get(last)!.name} panel=${last}`]);
    // The first read and each superseded one were aborted by the next switch.
    expect(outcomes.aborted - abortedBefore, 'aborted reads').to.equal(switches.length);
    const reads = (await requests(tenant.token)).map(key).filter((k) => /^GET \/customers\/\d+$/.test(k));
    expect(reads.at(-1)).to.equal(`GET /customers/${last}`);
    expect(reads.filter((k) => k === `GET /customers/${last}`), 'the last customer read once (the tab shares it)').to.have.length(1);
  });

  it('two providers on one page, side by side and nested: each element talks to its own tenant', async () => {
    const [a, b] = await Promise.all([createTenant({customers: 2}), createTenant({customers: 3})]);
    const [listA, listB] = await Promise.all([customersOf(a), customersOf(b)]);
    await Promise.all([clearRequests(a.token), clearRequests(b.token)]);
    provider = await mountProvider(a);
    const sideB = await mountProvider(b);
    extraProviders.push(sideB);
    const nestedB = document.createElement('reseller-provider');
    nestedB.token = b.token;
    const tableA = make('reseller-customer-table');
    const detailA = make('reseller-customer-detail', {'customer-id': listA[0]!.id});
    const tableB = make('reseller-customer-table');
    const detailNested = make('reseller-customer-detail', {'customer-id': listB[1]!.id});
    const wrongTenant = make('reseller-customer-detail', {'customer-id': listB[0]!.id});
    nestedB.append(detailNested);
    provider.append(tableA, detailA, nestedB, wrongTenant);
    sideB.append(tableB);
    await settle(document.body, 'both providers settle');
    const rowIds = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr[part~="row"]')].map((tr) => Number(tr.dataset.id));
    const heading = (el: HTMLElement) => el.shadowRoot!.querySelector('[part~="heading"]')?.textContent?.trim();
    expect(rowIds(tableA)).to.deep.equal(listA.map((c) => c.id));
    expect(rowIds(tableB)).to.deep.equal(listB.map((c) => c.id));
    expect(heading(detailA)).to.equal(listA[0]!.name);
    expect(heading(detailNested), 'the nearest provider wins').to.equal(listB[1]!.name);
    expect(wrongTenant.shadowRoot!.querySelector('[part~="state"]')?.textContent, 'tenant A cannot read B’s customer').to.contain('not found');
    const pathsA = (await requests(a.token)).map(key);
    const pathsB = (await requests(b.token)).map(key);
    expect(pathsA).to.include(`GET /customers/${listA[0]!.id}`).and.to.include(`GET /customers/${listB[0]!.id}`);
    expect(pathsA).to.not.include(`GET /customers/${listB[1]!.id}`);
    expect(pathsB).to.include(`GET /customers/${listB[1]!.id}`);
    expect(pathsB.filter((p) => p.startsWith('GET /customers?')), 'one table each').to.have.length(1);
    expect(pathsA.filter((p) => p.startsWith('GET /customers?'))).to.have.length(1);
  });
});
