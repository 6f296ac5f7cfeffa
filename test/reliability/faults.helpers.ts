/**
 * The fault matrix's driver: every element mounted in a `<reseller-provider>` whose client has a
 * short timeout and quick retries, each fault injected through the sandbox (PUT /__sandbox/faults),
 * and the same checks for every cell:
 *
 * - a clear message in a live region (role alert/status, aria-live; the element's shadow tree and
 *   the toast stacks), or for a transparent recovery (401 + refresh) the data and no error;
 * - loads: a retry control that works once the fault is cleared;
 * - saves: every typed value still in its field;
 * - the request log: GETs retried on 502/503/504 and network errors only, no POST/PUT repeated
 *   without its Idempotency-Key (one key across a call's retries), PATCH/DELETE never repeated;
 * - no uncaught exception, unhandled rejection or console error on the page.
 */
import {fixture, html} from '@open-wc/testing';
import '../../src/define/index.js';
import type {ProviderClientOptions, ResellerProvider} from '../../src/elements/provider/provider.js';
import {clearFaults, clearRequests, requests, setFaults, type FaultRule, type RecordedRequest, type Tenant} from '../helpers/sandbox.js';
import {waitFor} from '../helpers/wait.js';
import {cell, deepElements, describeProblems, guardPage, liveTexts, unclearReason} from './matrix.js';

export const TIMEOUT_MS = 700;
export const CLIENT_OPTIONS: ProviderClientOptions = {
  timeoutMs: TIMEOUT_MS,
  retry: {retries: 2, baseDelayMs: 10, maxDelayMs: 40, jitter: 0, maxRetryAfterMs: 300},
  cacheTtlMs: 0,
};

/** One fault column: its rule (path and method added per scenario) and what the element must do. */
export interface Fault {
  column: string;
  rule: Omit<FaultRule, 'path' | 'method'>;
  /** 'error': a message (and for loads a working retry); 'recover': the data, no message; 'access': a message, no retry needed. */
  expect: 'error' | 'recover' | 'access';
  /** GET attempts the client must make for one load (retries), when fixed. */
  getAttempts?: number;
  /**
   * `getAttempts` is a minimum: Chromium itself sends a GET again once when its connection is
   * reset before an answer (below the client), so a dropped connection is seen up to twice per try.
   */
  atLeast?: boolean;
}

export const LOAD_FAULTS: Fault[] = [
  {column: 'offline', rule: {drop: true}, expect: 'error', getAttempts: 3, atLeast: true},
  {column: 'timeout', rule: {delay_ms: TIMEOUT_MS + 800}, expect: 'error'},
  {column: '500', rule: {status: 500}, expect: 'error', getAttempts: 1},
  {column: '502', rule: {status: 502}, expect: 'error', getAttempts: 3},
  {column: '503', rule: {status: 503}, expect: 'error', getAttempts: 3},
  {column: '504', rule: {status: 504}, expect: 'error', getAttempts: 3},
  {column: '429 Retry-After', rule: {status: 429, retry_after: 30}, expect: 'error', getAttempts: 1},
  {column: 'malformed JSON', rule: {body: 'malformed'}, expect: 'error', getAttempts: 1},
  {column: 'schema-invalid', rule: {body: 'invalid'}, expect: 'error', getAttempts: 1},
  {column: '401 + refresh', rule: {status: 401, times: 1}, expect: 'recover', getAttempts: 2},
  {column: '401 twice', rule: {status: 401}, expect: 'access'},
  {column: '403', rule: {status: 403}, expect: 'access', getAttempts: 1},
  {column: '404', rule: {status: 404}, expect: 'access', getAttempts: 1},
];

export interface Mounted<E extends HTMLElement = HTMLElement> {
  el: E;
  provider: ResellerProvider;
  refreshes: () => number;
}

/** `tag` inside a provider (token, getToken counting refreshes, the matrix's client options). */
export async function mountInProvider<E extends HTMLElement>(tenant: Tenant, tag: string, attrs: Record<string, string | number> = {}): Promise<Mounted<E>> {
  const el = document.createElement(tag) as E;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  const provider = document.createElement('reseller-provider');
  let refreshes = 0;
  provider.token = tenant.token;
  provider.getToken = () => {
    refreshes++;
    return tenant.token;
  };
  provider.clientOptions = CLIENT_OPTIONS;
  provider.append(el);
  await fixture(html`<div class="matrix-host">${provider}</div>`);
  return {el, provider, refreshes: () => refreshes};
}

/** Error/state blocks and alerts shown now (loading blocks excepted), deep. */
export function shownMessages(el: Element): string[] {
  return liveTexts(el).filter((t) => !/^Loading/i.test(t));
}

/** Clicks every visible retry button inside `el` (deep). Returns how many. */
export function clickRetries(el: Element): number {
  const buttons = deepElements(el).filter((n): n is HTMLButtonElement => n instanceof HTMLButtonElement && (n.part?.contains('retry-button') ?? false));
  for (const b of buttons) b.click();
  return buttons.length;
}

/** The request log's problems: a POST/PUT repeated without a key, PATCH/DELETE repeated (beyond a 401's refresh). */
export function writeProblems(log: RecordedRequest[], {browserResends = false} = {}): string[] {
  const out: string[] = [];
  const byPath = new Map<string, RecordedRequest[]>();
  for (const r of log) {
    if (r.method === 'GET') continue;
    const key = `${r.method} ${r.path}`;
    byPath.set(key, [...(byPath.get(key) ?? []), r]);
  }
  for (const [key, list] of byPath) {
    const method = key.split(' ')[0];
    if ((method === 'POST' || method === 'PUT') && list.length > 1 && list.some((r) => !r.idempotency_key)) out.push(`${key} repeated without an Idempotency-Key (${list.length}×)`);
    // A 401 changed nothing on the server: the one retry after a token refresh is safe.
    const applied = list.filter((r) => r.status !== 401);
    // Chromium itself sends a request again when its connection is reset before an answer (one
    // fetch, two to four arrivals; the `drop` fault): below the client, so not counted there.
    if ((method === 'PATCH' || method === 'DELETE') && applied.length > 1 && !browserResends) out.push(`${key} repeated ${applied.length}× (never retried)`);
  }
  return out;
}

export interface LoadScenario {
  row: string;
  tag: string;
  attrs: Record<string, string | number>;
  /** The GET path the fault hits (after /api/v3/reseller). */
  path: string;
  loaded: (el: HTMLElement) => boolean;
  /** Elements that degrade silently by design (brand-logo): the fallback shown instead of a message. */
  degraded?: (el: HTMLElement) => boolean;
  reload?: (el: HTMLElement) => void;
  /**
   * Elements that show one resource by id (the transcript viewer): what a 404 must show, a "not
   * found" state rather than an access or load error (no retry: the id will not come back).
   */
  notFound?: (el: HTMLElement) => boolean;
}

const shadow = (el: HTMLElement, selector: string) => !!el.shadowRoot?.querySelector(selector);
export const has = (selector: string) => (el: HTMLElement) => shadow(el, selector);

/** One load cell: fault → message (+ retry) or recovery, checks, record. */
export async function loadCell(suite: string, tenant: Tenant, s: LoadScenario, fault: Fault): Promise<void> {
  await clearFaults(tenant.token);
  await clearRequests(tenant.token);
  await setFaults(tenant.token, [{...fault.rule, method: 'GET', path: s.path}]);
  const guard = guardPage();
  await cell(suite, 'Faults', s.row, fault.column, `GET ${s.path} ${JSON.stringify(fault.rule)}`, async (note) => {
    let problems = '';
    let firstLoad: RecordedRequest[] | undefined;
    try {
      const {el, refreshes} = await mountInProvider(tenant, s.tag, s.attrs);
      const errorShown = () => shownMessages(el).length > 0 && !!deepElements(el).some((n) => n.getAttribute('role') === 'alert' || n.part?.contains('state'));
      if (fault.expect === 'recover') {
        await waitFor(() => s.loaded(el), `${s.row} loads after one 401 and a token refresh`);
        if (refreshes() < 1) throw new Error('getToken was not called after the 401');
        const errors = shownMessages(el).filter((t) => /error|could not|failed|not /i.test(t));
        if (errors.length) throw new Error(`an error shows after a successful refresh: ${errors.join(' | ')}`);
        note('refreshed once, data shown, no error');
      } else if (s.degraded) {
        await waitFor(() => s.degraded!(el), `${s.row} falls back`);
        await clearFaults(tenant.token);
        s.reload?.(el);
        await waitFor(() => s.loaded(el), `${s.row} shows the data after reload()`);
        note('falls back to the organization name (no message by design), reload() recovers');
      } else {
        await waitFor(errorShown, `${s.row} shows a message`);
        const messages = shownMessages(el);
        const unclear = messages.map(unclearReason).filter(Boolean);
        if (unclear.length) throw new Error(`unclear message: ${unclear.join('; ')}`);
        note(`message: "${messages.join(' / ').slice(0, 160)}"`);
        if (fault.column === '404' && s.notFound) {
          if (!s.notFound(el)) throw new Error(`a 404 shows "${messages.join(' / ').slice(0, 160)}", not the element's "not found" state`);
          if (deepElements(el).some((n) => n.part?.contains('retry-button'))) throw new Error('a 404 offers a retry: the id will not come back');
          note('the "not found" state, no retry');
        }
        if (fault.expect === 'error') {
          firstLoad = await requests(tenant.token);
          await clearFaults(tenant.token);
          if (clickRetries(el) === 0) throw new Error('no retry control');
          await waitFor(() => s.loaded(el), `${s.row} loads after retry`);
          note('retry works');
        }
      }
      if (fault.getAttempts !== undefined && fault.expect !== 'recover' && !s.degraded) {
        // The first load's attempts, per distinct query (a dashboard asks for two ranges).
        const perQuery = new Map<string, number>();
        for (const r of firstLoad ?? (await requests(tenant.token))) {
          if (r.method === 'GET' && r.path === s.path) perQuery.set(r.query, (perQuery.get(r.query) ?? 0) + 1);
        }
        const counts = [...perQuery.values()];
        const max = Math.max(0, ...counts);
        const ok = fault.atLeast ? counts.length > 0 && counts.every((n) => n >= fault.getAttempts!) : max === fault.getAttempts && counts.every((n) => n <= fault.getAttempts!);
        if (!ok) throw new Error(`GET ${s.path} attempts per query: ${counts.join(',')}, expected ${fault.atLeast ? 'at least ' : ''}${fault.getAttempts}`);
        note(`GET attempts ${counts.join(',')}`);
      }
      const writes = writeProblems(await requests(tenant.token));
      if (writes.length) throw new Error(writes.join('; '));
    } finally {
      problems = describeProblems(guard.stop());
    }
    if (problems) throw new Error(problems);
  });
}

// ---- saves ----------------------------------------------------------------------------------------

export const SAVE_FAULTS: Fault[] = [
  {column: 'offline', rule: {drop: true}, expect: 'error'},
  {column: 'timeout', rule: {delay_ms: TIMEOUT_MS + 800}, expect: 'error'},
  {column: '500', rule: {status: 500}, expect: 'error'},
  {column: '502', rule: {status: 502}, expect: 'error'},
  {column: '503', rule: {status: 503}, expect: 'error'},
  {column: '504', rule: {status: 504}, expect: 'error'},
  {column: '429 Retry-After', rule: {status: 429, retry_after: 30}, expect: 'error'},
  {column: 'malformed JSON', rule: {body: 'malformed'}, expect: 'error'},
  {column: 'schema-invalid', rule: {body: 'invalid'}, expect: 'error'},
  {column: '401 + refresh', rule: {status: 401, times: 1}, expect: 'recover'},
  {column: '401 twice', rule: {status: 401}, expect: 'error'},
  {column: '403', rule: {status: 403}, expect: 'error'},
  {column: '404', rule: {status: 404}, expect: 'error'},
  {column: '412', rule: {status: 412}, expect: 'error'},
];

/** Upload-only columns. */
export const UPLOAD_FAULTS: Fault[] = [
  {column: '413', rule: {status: 413}, expect: 'error'},
  {column: '415', rule: {status: 415}, expect: 'error'},
];

/** The 422 column: `fields` names one of the scenario's own fields. */
export const fault422 = (fields: Record<string, string>): Fault => ({column: '422 (fields)', rule: {status: 422, message: 'Some fields are invalid', fields}, expect: 'error'});

/** Texts of role=alert nodes inside `el` (deep) and of the toast stacks' alert regions. */
export function alertTexts(el: Element): string[] {
  const texts: string[] = [];
  const scan = (root: Element) => {
    for (const n of deepElements(root)) if (n.getAttribute('role') === 'alert' || n.getAttribute('aria-live') === 'assertive') texts.push((n.textContent ?? '').replace(/\s+/g, ' ').trim());
  };
  scan(el);
  for (const region of document.querySelectorAll('reseller-toast-region')) scan(region);
  return texts.filter((t) => t !== '');
}

export interface SaveScenario<C = unknown> {
  row: string;
  tag: string;
  attrs: Record<string, string | number>;
  method: string;
  /** The path the fault hits (globs allowed). */
  path: string;
  /** Ready to edit. */
  ready: (el: HTMLElement) => boolean;
  /** Per-cell setup through the API (a token to revoke, a logo removed, ...). */
  setup?: () => Promise<C>;
  /** Enters values as an operator would; resolves with what is in the fields then. */
  fill: (el: HTMLElement, ctx: C) => Promise<void>;
  /** The field values now (the "nothing typed lost" check). */
  values: (el: HTMLElement) => string[];
  /** Saves (and confirms where the element asks). */
  submit: (el: HTMLElement, ctx: C) => Promise<void>;
  /** Whether the save landed (through the API) and the element shows it. */
  done: (el: HTMLElement, ctx: C) => Promise<boolean>;
}

/** One save cell: fault → message, values kept, writes not repeated without a key; then the save works. */
export async function saveCell<C>(suite: string, tenant: Tenant, s: SaveScenario<C>, fault: Fault): Promise<void> {
  await clearFaults(tenant.token);
  const ctx = (await s.setup?.()) as C;
  const guard = guardPage();
  await cell(suite, 'Faults', s.row, fault.column, `${s.method} ${s.path} ${JSON.stringify(fault.rule)}`, async (note) => {
    let problems = '';
    try {
      const {el, refreshes} = await mountInProvider(tenant, s.tag, s.attrs);
      await waitFor(() => s.ready(el), `${s.row} is ready to edit`);
      await s.fill(el, ctx);
      const typed = s.values(el);
      await clearRequests(tenant.token);
      await setFaults(tenant.token, [{...fault.rule, method: s.method, path: s.path}]);
      await s.submit(el, ctx);
      if (fault.expect === 'recover') {
        await waitFor(() => s.done(el, ctx), `${s.row} saves after one 401 and a token refresh`);
        if (refreshes() < 1) throw new Error('getToken was not called after the 401');
        const errors = alertTexts(el);
        if (errors.length) throw new Error(`an error shows after a successful refresh: ${errors.join(' | ')}`);
        note('refreshed once, saved, no error');
      } else {
        const fields = fault.rule.fields ?? {};
        const fieldShown = () => Object.values(fields).some((text) => fieldMessage(el, text));
        await waitFor(() => alertTexts(el).length > 0 || fieldShown(), `${s.row} shows a message in an alert or next to the field`, {timeout: 12_000});
        const messages = alertTexts(el);
        const unclear = messages.map(unclearReason).filter(Boolean);
        if (unclear.length) throw new Error(`unclear message: ${unclear.join('; ')}`);
        if (messages.length) note(`message: "${messages.join(' / ').slice(0, 160)}"`);
        if (Object.keys(fields).length) {
          const inAlert = Object.values(fields).every((text) => alertTexts(el).some((t) => t.includes(text)));
          if (!fieldShown() && !inAlert) throw new Error(`the server's field message shows neither next to its field nor in the alert: ${JSON.stringify(fields)}`);
          note(fieldShown() ? 'field message next to the field (aria-invalid, aria-describedby)' : 'field message in the alert');
        }
        const kept = s.values(el);
        if (JSON.stringify(kept) !== JSON.stringify(typed)) throw new Error(`typed values lost: ${JSON.stringify(typed)} → ${JSON.stringify(kept)}`);
        note('values kept');
        const writes = writeProblems(await requests(tenant.token), {browserResends: !!fault.rule.drop});
        if (writes.length) throw new Error(writes.join('; '));
        if (fault.rule.drop) note('PATCH/DELETE arrivals not counted: Chromium resends a reset request itself');
        const keyed = (await requests(tenant.token)).filter((r) => r.method === s.method && (r.method === 'POST' || r.method === 'PUT'));
        if (keyed.length) note(`${keyed.length} ${s.method}(s), ${new Set(keyed.map((r) => r.idempotency_key)).size} key(s)`);
        await clearFaults(tenant.token);
        // As an operator would: try again once nothing is busy any more.
        const busy = () => deepElements(el).filter((n) => n.getAttribute('aria-busy') === 'true').map((n) => `<${n.localName} part="${n.getAttribute('part') ?? ''}">`);
        await waitFor(() => busy().length === 0, `${s.row} is idle after the failed save`, {observe: busy});
        await s.submit(el, ctx);
        try {
          await waitFor(() => s.done(el, ctx), `${s.row} saves once the fault is gone`);
        } catch (error) {
          const log = (await requests(tenant.token)).filter((r) => r.method === s.method).map((r) => `${r.path} ${r.status} key=${r.idempotency_key?.slice(0, 8) ?? '-'}`);
          throw new Error(`${(error as Error).message}; ${s.method} log: ${log.join(', ')}; alerts: ${alertTexts(el).join(' / ')}`);
        }
        note('saving again works');
      }
      const writes = writeProblems(await requests(tenant.token));
      if (writes.length && fault.expect === 'recover') throw new Error(writes.join('; '));
    } finally {
      problems = describeProblems(guard.stop());
    }
    if (problems) throw new Error(problems);
  });
}

/** Sets an input's value as typing does (input + change events). */
export async function typeValue(input: HTMLInputElement | HTMLSelectElement, value: string): Promise<void> {
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
  input.dispatchEvent(new Event('change', {bubbles: true}));
  await new Promise((r) => requestAnimationFrame(r));
}

/**
 * Whether `text` shows as a field's message: an input/select/textarea with aria-invalid="true"
 * whose aria-describedby names a node with that text (deep, each shadow root on its own).
 */
export function fieldMessage(el: Element, text: string): boolean {
  return deepElements(el).some((n) => {
    if (!(n instanceof HTMLInputElement || n instanceof HTMLSelectElement || n instanceof HTMLTextAreaElement)) return false;
    if (n.getAttribute('aria-invalid') !== 'true') return false;
    const root = n.getRootNode() as ShadowRoot | Document;
    return (n.getAttribute('aria-describedby') ?? '').split(/\s+/).some((id) => id && root.getElementById?.(id)?.textContent?.includes(text));
  });
}
