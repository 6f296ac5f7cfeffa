/**
 * The HTTP engine under `ResellerClient` (internal: the package exports the client, not this). The
 * client's endpoint methods describe each call as a `RequestSpec`; this file does everything else.
 *
 * One validated fetch path for every call: network → status → JSON → schema (the contract's zod
 * schemas, named in the spec), each failure a typed error from `errors.ts`. The schemas (and zod)
 * are a lazy chunk: every request starts loading them (once, `load-contract.ts`) in parallel with
 * the fetch, and the body is checked when both are there. On top of it:
 *
 * - **Retries**: GETs are retried at most `retry.retries` (2) times, with exponential backoff and
 *   jitter, on network errors and 502/503/504. POST and PUT are retried the same way only when they
 *   carry an `Idempotency-Key`; the client makes one per logical call (`crypto.randomUUID()`) and
 *   keeps it across retries, unless the caller passes `idempotencyKey: false`. PATCH and DELETE are
 *   never retried. Timeouts are not retried.
 * - **429**: any method waits out `Retry-After` (at most `retry.maxRetryAfterMs`, 10 s) and tries
 *   again, up to `retry.retries` times; a longer Retry-After, or retries used up → `RateLimitError`.
 * - **401**: the client asks `getToken()` for a fresh token, one call shared by every request that
 *   got a 401 with the same token, and retries each of them once. A second 401 (or no `getToken`)
 *   → `AuthError`, reported once per token through `onAuthError`.
 * - **Optimistic concurrency**: every object the client returns from a call that answered an
 *   `ETag` is remembered; `client.etagOf(customer)` gives it back. `updateCustomer(id, patch,
 *   {etag})` sends it as `If-Match`; a stale one answers 412 → `ConflictError`.
 * - **Dedupe and cache**: identical concurrent GETs (method + URL + token generation) share one
 *   request; results are kept `cacheTtlMs` (5 s) and dropped when a mutation touches the same
 *   resource (PATCH /customers/5 drops /customers/5, /customers?…, /usage…). A caller's abort only
 *   aborts the shared request when no other caller still waits for it. Every caller gets its own
 *   copy of the data, so mutating a result never leaks into the cache.
 * - **Aborts**: every call takes `{signal}`; an abort rejects with the signal's reason (an
 *   `AbortError`) and is never reported to `onRequestError`.
 *
 * The token lives only in a private field: never in a URL, attribute, log, storage or error message.
 */
import type * as z from 'zod/mini';
import {API_BASE_PATH} from '../contract/constants.js';
import {loadContract, type Contract} from '../contract/load-contract.js';
import {
  AuthError, HttpError, NetworkError, ResellerApiError, SchemaError, TimeoutError,
  formatPath, httpErrorFor, isAbortError,
} from './errors.js';

/** The API base when none is given, on the page's origin. */
export const DEFAULT_BASE_URL = API_BASE_PATH;

export interface RetryOptions {
  /** Extra attempts after the first, for retryable failures (default 2). */
  retries?: number;
  /** Delay before the first retry; doubles each time (default 250 ms). */
  baseDelayMs?: number;
  /** Upper bound of one backoff delay (default 4 000 ms). */
  maxDelayMs?: number;
  /** Random extra delay, as a fraction of the delay (default 0.25). */
  jitter?: number;
  /** The longest `Retry-After` the client waits out (default 10 000 ms); longer → give up. */
  maxRetryAfterMs?: number;
}

/** Hooks for failures a host may want to know about. */
export interface ResellerClientObserver {
  /** Authentication failed for good (after one refresh). Called once per token. */
  onAuthError?: (error: AuthError) => void;
  /** A request failed after its retries (abort and auth failures excepted). Once per real request. */
  onRequestError?: (error: ResellerApiError) => void;
}

/** How the API authenticates the caller (see `ResellerClientOptions.auth`). */
export type AuthMode = 'token' | 'cookie';

export interface ResellerClientOptions extends ResellerClientObserver {
  /** API base URL, absolute or relative to the page (default `/api/v3/reseller`). */
  baseUrl?: string | null;
  /** Bearer token. Kept in a private field only. */
  token?: string | null;
  /**
   * Returns a fresh token. Called when there is no token yet, and once (shared) after a 401.
   */
  getToken?: (() => Promise<string> | string) | null;
  /**
   * How the API authenticates the caller: `'token'` (default) a bearer token from `token` or
   * `getToken`; `'cookie'` the browser's cookies (a session or a same-origin proxy): requests go
   * with `credentials: 'include'` and need no token. The elements send nothing until a client has
   * one or the other (see `configured`).
   */
  auth?: AuthMode | null;
  /** A `fetch` to use instead of the global one (for partners that wrap it). */
  fetch?: typeof fetch;
  /** Time limit of one attempt, body included (default 30 000 ms; 0 for none). */
  timeoutMs?: number;
  /** Retry tuning, or `false` for no retries at all. */
  retry?: RetryOptions | false;
  /** How long GET results are reused (default 5 000 ms; 0 turns the cache off, dedupe stays). */
  cacheTtlMs?: number;
  /** Every request waits for this first (the provider controller uses it while a provider loads). */
  ready?: Promise<unknown>;
}

/** Options every call takes. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** Options of a GET. */
export interface GetOptions extends CallOptions {
  /** Skip the cache and any request already in flight (a "reload"). */
  fresh?: boolean;
}

/** Options of a POST or PUT. */
export interface WriteOptions extends CallOptions {
  /** Your own Idempotency-Key, or `false` to send none (then the call is never retried). */
  idempotencyKey?: string | false;
}

/** Options of a conditional update. */
export interface UpdateOptions extends CallOptions {
  /**
   * The ETag the edit is based on, sent as `If-Match`: `client.etagOf(customer)` of the customer
   * the form was filled from. Without it the update is unconditional.
   */
  etag?: string | null;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** The name of a response schema in the contract (loaded lazily, so named rather than referenced). */
type SchemaName = {[K in keyof Contract]: Contract[K] extends z.ZodMiniType ? K : never}[keyof Contract];
type Query = Record<string, string | number | boolean | null | undefined | readonly string[]>;

/** One call as an endpoint method describes it. */
export interface RequestSpec {
  method: Method;
  /** Path under the base, without query. */
  path: string;
  query?: object;
  json?: unknown;
  raw?: Blob;
  schema?: SchemaName;
  binary?: boolean;
  idempotencyKey?: string;
  ifMatch?: string | null;
  ttlMs?: number;
}

interface Result {
  value: unknown;
  etag: string | null;
}

interface Flight {
  controller: AbortController;
  promise: Promise<Result>;
  waiters: number;
  path: string;
  /** Invalidated while in flight: its result is not cached. */
  stale: boolean;
}

interface CacheEntry {
  result: Result;
  expires: number;
  path: string;
}

const DEFAULT_RETRY: Required<RetryOptions> = {retries: 2, baseDelayMs: 250, maxDelayMs: 4000, jitter: 0.25, maxRetryAfterMs: 10_000};
const RETRY_STATUSES = new Set([502, 503, 504]);
/** What `settled()` answers for a promise that was not answered from the cache. */
export const NOT_SETTLED: unique symbol = Symbol('not settled');
/** Cache lifetime of what rarely changes (plans, the caller's role). */
export const LONG_TTL_MS = 5 * 60_000;

export class HttpEngine {
  readonly baseUrl: string;
  #token: string | null;
  /** Bumped on every token change; part of the dedupe/cache key. */
  #generation = 0;
  #getToken: (() => Promise<string> | string) | null;
  #refreshing: Promise<void> | null = null;
  #authReportedFor = -1;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  readonly #retry: Required<RetryOptions>;
  readonly #ttlMs: number;
  readonly #ready: Promise<unknown> | undefined;
  readonly #cookie: boolean;
  readonly #observers = new Set<ResellerClientObserver>();
  readonly #flights = new Map<string, Flight>();
  readonly #cache = new Map<string, CacheEntry>();
  readonly #etags = new WeakMap<object, string>();
  /** Promises answered from the cache, with their values (see `settled`). */
  readonly #answered = new WeakMap<Promise<unknown>, unknown>();

  constructor(options: ResellerClientOptions = {}) {
    const base = options.baseUrl || DEFAULT_BASE_URL;
    // Resolved as fetch() resolves: against the document's base URL (a srcdoc iframe's is its
    // parent's; its location is about:srcdoc, which no relative URL resolves against).
    const origin = (globalThis as {document?: Document}).document?.baseURI ?? (globalThis as {location?: Location}).location?.href;
    this.baseUrl = new URL(base, origin).href.replace(/\/+$/, '');
    this.#token = options.token || null;
    this.#getToken = options.getToken ?? null;
    const f = options.fetch;
    this.#fetch = f ? (input, init) => f(input, init) : (input, init) => fetch(input, init);
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#retry = options.retry === false ? {...DEFAULT_RETRY, retries: 0} : {...DEFAULT_RETRY, ...options.retry};
    this.#ttlMs = options.cacheTtlMs ?? 5_000;
    this.#ready = options.ready;
    this.#cookie = options.auth === 'cookie';
    if (options.onAuthError || options.onRequestError) {
      this.#observers.add({onAuthError: options.onAuthError, onRequestError: options.onRequestError});
    }
  }

  // -------------------------------------------------------------------------------------------
  // Client state

  /** Whether the client has a token or a way to get one. */
  get hasCredentials(): boolean {
    return this.#token !== null || this.#getToken !== null;
  }

  /** Whether the client may send requests: it has credentials, or the API authenticates by cookie. */
  get configured(): boolean {
    return this.#cookie || this.hasCredentials;
  }

  /** Replaces the token (for example after the host's own login); drops cached results. */
  setToken(token: string | null): void {
    this.#token = token || null;
    this.#generation++;
    this.#cache.clear();
    this.#flights.clear();
  }

  /** Adds failure hooks (the provider uses this); returns the function that removes them. */
  subscribe(observer: ResellerClientObserver): () => void {
    this.#observers.add(observer);
    return () => this.#observers.delete(observer);
  }

  /**
   * The ETag the server sent with this object (a customer from `getCustomer` or `updateCustomer`),
   * for `updateCustomer(id, patch, {etag})`. Objects from lists have none.
   */
  etagOf(value: object | null | undefined): string | undefined {
    return value ? this.#etags.get(value) : undefined;
  }

  /**
   * Drops cached GET results whose path starts with `path` (all when omitted), so the next read
   * asks the server. Requests in flight finish for their callers but are not reused.
   */
  invalidate(path = ''): void {
    this.#drop((p) => p.startsWith(path));
  }

  // -------------------------------------------------------------------------------------------
  // Requests (what the endpoint methods call)

  /**
   * A GET answered from the cache, a request in flight, or a new request. A cache hit answers an
   * already resolved promise whose value {@link settled} gives synchronously.
   */
  get<T>(spec: RequestSpec, options: GetOptions = {}): Promise<T> {
    try {
      const signal = options.signal;
      if (signal?.aborted) throw abortReason(signal);
      const key = `GET ${this.#url(spec)} #${this.#generation}`;
      let flight: Flight | undefined;
      if (!options.fresh) {
        const hit = this.#cache.get(key);
        if (hit && hit.expires > Date.now()) {
          const value = this.#deliver(hit.result);
          const answer = Promise.resolve(value);
          this.#answered.set(answer, value);
          return answer as Promise<T>;
        }
        if (hit) this.#cache.delete(key);
        flight = this.#flights.get(key);
      } else {
        const old = this.#flights.get(key);
        if (old) old.stale = true;
      }
      flight ??= this.#startFlight(key, spec);
      return this.#wait(flight, key, signal).then((result) => this.#deliver(result) as T);
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  /**
   * The value of a promise `get()` answered from the cache (already resolved), or `NOT_SETTLED`
   * for any other promise: what lets an element render cached data in its first update.
   */
  settled<T>(answer: Promise<T>): T | typeof NOT_SETTLED {
    return this.#answered.has(answer) ? (this.#answered.get(answer) as T) : NOT_SETTLED;
  }

  // -------------------------------------------------------------------------------------------
  // Shared GETs, cache, invalidation

  #startFlight(key: string, spec: RequestSpec): Flight {
    const controller = new AbortController();
    const flight: Flight = {controller, waiters: 0, path: spec.path, stale: false, promise: undefined!};
    flight.promise = this.#run(spec, controller.signal).then((value) => value as Result);
    flight.promise.then((result) => {
      const ttl = spec.ttlMs ?? this.#ttlMs;
      if (!flight.stale && ttl > 0 && this.#ttlMs > 0) {
        this.#sweep();
        this.#cache.set(key, {result, expires: Date.now() + ttl, path: spec.path});
      }
    }, () => {}).finally(() => {
      if (this.#flights.get(key) === flight) this.#flights.delete(key);
    });
    this.#flights.set(key, flight);
    return flight;
  }

  /** Waits for a shared request; this caller's abort only aborts it when nobody else waits. */
  #wait(flight: Flight, key: string, signal: AbortSignal | undefined): Promise<Result> {
    flight.waiters++;
    if (!signal) return flight.promise;
    return new Promise<Result>((resolve, reject) => {
      let settled = false;
      const onAbort = () => {
        if (settled) return;
        settled = true;
        reject(abortReason(signal));
        if (--flight.waiters === 0) {
          if (this.#flights.get(key) === flight) this.#flights.delete(key);
          flight.stale = true;
          flight.controller.abort(abortReason(signal));
        }
      };
      signal.addEventListener('abort', onAbort, {once: true});
      flight.promise.then(
        (result) => { if (!settled) { settled = true; signal.removeEventListener('abort', onAbort); resolve(result); } },
        (error: unknown) => { if (!settled) { settled = true; signal.removeEventListener('abort', onAbort); reject(error); } },
      );
    });
  }

  /** A private copy for each caller, with its ETag remembered (a schema-parsed JSON body: {@link copyJson}). */
  #deliver(result: Result): unknown {
    const value = result.value;
    if (value === null || typeof value !== 'object' || value instanceof Blob) return value;
    const copy = copyJson(value) as object;
    if (result.etag) this.#etags.set(copy, result.etag);
    return copy;
  }

  #sweep(): void {
    if (this.#cache.size < 200) return;
    const now = Date.now();
    for (const [key, entry] of this.#cache) if (entry.expires <= now) this.#cache.delete(key);
  }

  #drop(matches: (path: string) => boolean): void {
    for (const [key, entry] of this.#cache) if (matches(entry.path)) this.#cache.delete(key);
    for (const [key, flight] of this.#flights) {
      if (matches(flight.path)) {
        flight.stale = true;
        this.#flights.delete(key);
      }
    }
  }

  /**
   * Drops what a mutation of `path` may have changed: the resource, its sub-resources (not for a
   * POST to a collection), its ancestors (the lists it appears in), and for customer-level
   * changes the usage and transcript views that show customers; tokens also drop token lists.
   */
  #invalidateFor(method: Method, path: string): void {
    const customerLevel = /^\/customers(\/[^/]+(\/subscription)?)?$/.test(path);
    // A plan change alters the customer's usage view too: drop everything under the customer.
    const customer = customerLevel && method !== 'POST' ? /^\/customers\/[^/]+/.exec(path)?.[0] : undefined;
    const tokens = path === '/tokens' || path.startsWith('/tokens/');
    this.#drop((p) =>
      p === path ||
      (method !== 'POST' && p.startsWith(`${path}/`)) ||
      path.startsWith(`${p}/`) ||
      (customer !== undefined && p.startsWith(`${customer}/`)) ||
      (customerLevel && (p.startsWith('/usage') || p.startsWith('/transcripts'))) ||
      (tokens && /^\/customers\/[^/]+\/tokens$/.test(p)),
    );
  }

  // -------------------------------------------------------------------------------------------
  // Writes

  /** A POST or PUT with an `Idempotency-Key` (the caller's, a new one, or none with `false`). */
  write<T>(spec: RequestSpec, options: WriteOptions = {}): Promise<T> {
    const key = options.idempotencyKey;
    if (key !== false) spec.idempotencyKey = key || uuid();
    return this.mutate(spec, options);
  }

  /** A request that changes data: drops what it may change from the cache, before and after. */
  async mutate<T>(spec: RequestSpec, options: CallOptions = {}): Promise<T> {
    this.#invalidateFor(spec.method, spec.path);
    try {
      const result = (await this.#run(spec, options.signal)) as Result;
      return this.#deliver(result) as T;
    } finally {
      this.#invalidateFor(spec.method, spec.path);
    }
  }

  /** A binary GET (a download), never cached or shared. */
  blob(spec: RequestSpec, options?: CallOptions): Promise<Blob> {
    return this.#run({...spec, binary: true}, options?.signal) as Promise<Blob>;
  }

  /**
   * Opens a streamed GET (the live channel's Server-Sent Events) with the session's credentials in
   * the Authorization header, the 401 refresh included, and answers the response with its body
   * unread once it is 2xx; otherwise the typed error. Never cached, retried or timed out: the
   * caller reconnects.
   */
  async stream(path: string, headers: Record<string, string>, signal: AbortSignal): Promise<Response> {
    const spec: RequestSpec = {method: 'GET', path};
    if (this.#ready) await abortable(this.#ready, signal);
    let refreshed = false;
    for (;;) {
      if (this.#token === null && this.#getToken) await this.#refresh(this.#generation, signal, 'GET', path);
      const generation = this.#generation;
      const sent = this.#token ? {...headers, authorization: `Bearer ${this.#token}`} : headers;
      let response: Response;
      try {
        // `cache: 'no-store'`: Firefox holds its HTTP-cache entry for a URL while a response to it is
        // still arriving, so a second stream of the same URL (another provider, another tab, a
        // reconnect while the old one lingers) waited for the first to end and never left the browser.
        response = await this.#fetch(this.#url(spec), {headers: sent, signal, cache: 'no-store', ...(this.#cookie ? {credentials: 'include' as const} : {})});
      } catch (error) {
        if (signal.aborted) throw abortReason(signal);
        throw new NetworkError('GET', path, error);
      }
      if (response.ok) return response;
      const body = await response.text().catch(() => '');
      if (response.status === 401 && !refreshed && this.#getToken) {
        refreshed = true;
        await this.#refresh(generation, signal, 'GET', path);
        continue;
      }
      const error = await this.#httpError(spec, response, body, path, parseRetryAfter(response.headers.get('retry-after')), loadContract());
      this.#report(error);
      throw error;
    }
  }

  // -------------------------------------------------------------------------------------------
  // The fetch path

  /** Runs a request with retries and the 401 refresh; reports final failures. Blob or Result. */
  async #run(spec: RequestSpec, signal: AbortSignal | undefined): Promise<Result | Blob> {
    try {
      return await this.#attempts(spec, signal);
    } catch (error) {
      if (!isAbortError(error) && !(signal?.aborted)) this.#report(error);
      throw error;
    }
  }

  #report(error: unknown): void {
    if (error instanceof AuthError) {
      if (this.#authReportedFor === this.#generation) return;
      this.#authReportedFor = this.#generation;
      for (const o of this.#observers) safely(() => o.onAuthError?.(error));
    } else if (error instanceof ResellerApiError) {
      for (const o of this.#observers) safely(() => o.onRequestError?.(error));
    }
  }

  async #attempts(spec: RequestSpec, signal: AbortSignal | undefined): Promise<Result | Blob> {
    // The schemas load while the request runs (a resolved promise after the first time).
    const contract = loadContract();
    contract.catch(() => {}); // awaited (and reported) only once a response needs it
    if (this.#ready) await abortable(this.#ready, signal);
    const shown = this.#shownPath(spec);
    const retryable = spec.method === 'GET' || ((spec.method === 'POST' || spec.method === 'PUT') && !!spec.idempotencyKey);
    const {retries, maxRetryAfterMs} = this.#retry;
    let failures = 0;
    let limited = 0;
    let refreshed = false;
    for (;;) {
      if (this.#token === null && this.#getToken) await this.#refresh(this.#generation, signal, spec.method, shown);
      const generation = this.#generation;
      let response: Response;
      let body: string | Blob;
      try {
        [response, body] = await this.#once(spec, signal, shown);
      } catch (error) {
        if (error instanceof NetworkError && retryable && failures < retries) {
          await sleep(this.#backoff(failures++), signal);
          continue;
        }
        throw error;
      }
      const status = response.status;
      if (response.ok) return this.#parse(spec, response, body, shown, contract);
      if (status === 401 && !refreshed && this.#getToken) {
        refreshed = true;
        await this.#refresh(generation, signal, spec.method, shown);
        continue;
      }
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      if (status === 429 && limited < retries && (retryAfterMs ?? 0) <= maxRetryAfterMs) {
        await sleep(retryAfterMs ?? this.#backoff(limited), signal);
        limited++;
        continue;
      }
      if (RETRY_STATUSES.has(status) && retryable && failures < retries && (retryAfterMs ?? 0) <= maxRetryAfterMs) {
        await sleep(retryAfterMs ?? this.#backoff(failures), signal);
        failures++;
        continue;
      }
      throw await this.#httpError(spec, response, body, shown, retryAfterMs, contract);
    }
  }

  /** One attempt, body read included, under the time limit. */
  async #once(spec: RequestSpec, signal: AbortSignal | undefined, shown: string): Promise<[Response, string | Blob]> {
    const headers: Record<string, string> = {accept: spec.binary ? '*/*' : 'application/json'};
    if (this.#token) headers.authorization = `Bearer ${this.#token}`;
    if (spec.idempotencyKey) headers['idempotency-key'] = spec.idempotencyKey;
    if (spec.ifMatch) headers['if-match'] = spec.ifMatch;
    let body: BodyInit | undefined;
    if (spec.raw) {
      body = spec.raw;
      headers['content-type'] = spec.raw.type || 'application/octet-stream';
    } else if (spec.json !== undefined) {
      body = JSON.stringify(spec.json);
      headers['content-type'] = 'application/json';
    }
    const timer = new AbortController();
    const timeoutMs = this.#timeoutMs;
    const handle = timeoutMs > 0 ? setTimeout(() => timer.abort(new DOMException('Timed out', 'TimeoutError')), timeoutMs) : undefined;
    const linked = linkSignals(signal, timer.signal);
    try {
      const response = await this.#fetch(this.#url(spec), {method: spec.method, headers, body, signal: linked.signal, ...(this.#cookie ? {credentials: 'include' as const} : {})});
      const content = response.ok && spec.binary ? await response.blob() : await response.text();
      return [response, content];
    } catch (error) {
      if (signal?.aborted) throw abortReason(signal);
      if (timer.signal.aborted) throw new TimeoutError(spec.method, shown, timeoutMs);
      throw new NetworkError(spec.method, shown, error);
    } finally {
      clearTimeout(handle);
      linked.dispose();
    }
  }

  async #parse(spec: RequestSpec, response: Response, body: string | Blob, shown: string, contract: Promise<Contract>): Promise<Result | Blob> {
    if (body instanceof Blob) return body;
    const etag = response.headers.get('etag');
    if (!spec.schema) return {value: undefined, etag};
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (error) {
      throw new SchemaError(spec.method, shown, '', [], error);
    }
    let schema: z.ZodMiniType;
    try {
      schema = (await contract)[spec.schema];
    } catch (error) {
      throw new NetworkError(spec.method, shown, error); // the schemas' chunk did not load
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${formatPath(i.path) || '(root)'}: ${i.message}`);
      throw new SchemaError(spec.method, shown, formatPath(parsed.error.issues[0]?.path ?? []), issues);
    }
    return {value: parsed.data, etag};
  }

  async #httpError(
    spec: RequestSpec, response: Response, body: string | Blob, shown: string, retryAfterMs: number | null, contract: Promise<Contract>,
  ): Promise<HttpError> {
    let code = `http_${response.status}`;
    let message = `${spec.method} ${shown} failed with ${response.status}`;
    let fields: Record<string, string> | undefined;
    let fieldCodes: Record<string, string> | undefined;
    if (typeof body === 'string' && body) {
      try {
        const json: unknown = JSON.parse(body);
        const parsed = (await contract).ErrorBody.safeParse(json);
        if (parsed.success) {
          ({code, message, fields, field_codes: fieldCodes} = parsed.data.error);
        }
      } catch {
        // not JSON (or the schemas did not load): keep the generic message
      }
    }
    return httpErrorFor({method: spec.method, path: shown, status: response.status, code, message, fields, fieldCodes, retryAfterMs});
  }

  /** One `getToken()` call shared by every request whose token was `generation`. */
  async #refresh(generation: number, signal: AbortSignal | undefined, method: string, shown: string): Promise<void> {
    if (generation !== this.#generation) return; // someone already refreshed since
    if (!this.#refreshing) {
      const getToken = this.#getToken!;
      this.#refreshing = (async () => {
        try {
          const token = await getToken();
          this.setToken(typeof token === 'string' ? token : null);
        } finally {
          this.#refreshing = null;
        }
      })();
    }
    try {
      await abortable(this.#refreshing, signal);
    } catch (error) {
      if (isAbortError(error) && signal?.aborted) throw error;
      throw new AuthError({method, path: shown, status: 401, code: 'token_refresh_failed', message: 'Could not get a fresh token'});
    }
  }

  #backoff(attempt: number): number {
    const {baseDelayMs, maxDelayMs, jitter} = this.#retry;
    const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
    return delay * (1 + jitter * Math.random());
  }

  #url(spec: RequestSpec): string {
    return this.baseUrl + spec.path + queryString(spec.query as Query | undefined);
  }

  #shownPath(spec: RequestSpec): string {
    return spec.path + queryString(spec.query as Query | undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** `?a=1&b=x`, keys sorted (a stable dedupe key), empty values left out, arrays as repeated parameters. */
function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const key of Object.keys(query).sort()) {
    const value = query[key];
    // An array repeats its parameter (`metadata=a:1&metadata=b:2`).
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== undefined && v !== null && v !== '') params.append(key, String(v));
    }
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Retry-After as milliseconds (seconds or an HTTP date), or null. */
function parseRetryAfter(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** One signal that aborts with either input; `AbortSignal.any` where the engine has it. */
function linkSignals(a: AbortSignal | undefined, b: AbortSignal): {signal: AbortSignal; dispose: () => void} {
  if (!a) return {signal: b, dispose: () => {}};
  const any = (AbortSignal as {any?: (signals: AbortSignal[]) => AbortSignal}).any;
  if (typeof any === 'function') return {signal: any.call(AbortSignal, [a, b]), dispose: () => {}};
  const controller = new AbortController();
  const onA = () => controller.abort(a.reason);
  const onB = () => controller.abort(b.reason);
  if (a.aborted) onA();
  else if (b.aborted) onB();
  else {
    a.addEventListener('abort', onA, {once: true});
    b.addEventListener('abort', onB, {once: true});
  }
  return {
    signal: controller.signal,
    dispose: () => {
      a.removeEventListener('abort', onA);
      b.removeEventListener('abort', onB);
    },
  };
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return abortable(new Promise<void>((resolve) => setTimeout(resolve, ms)), signal);
}

/** `promise`, or the signal's abort reason as soon as it aborts (the promise itself keeps going). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, {once: true});
    promise.then(
      (v) => { signal.removeEventListener('abort', onAbort); resolve(v); },
      (e: unknown) => { signal.removeEventListener('abort', onAbort); reject(e); },
    );
  });
}

function uuid(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function safely(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    queueMicrotask(() => { throw error; });
  }
}

/**
 * A deep copy of a schema-parsed JSON body (plain objects, arrays, strings, numbers, booleans,
 * null): about ten times faster than `structuredClone` for a year of daily usage points, which a
 * chart reads from the cache on every mount. A `__proto__` key in the server's data stays an
 * own property (as `JSON.parse` makes it), never the copy's prototype.
 */
function copyJson(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyJson(value[i]);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = copyJson((value as Record<string, unknown>)[key]);
    if (key === '__proto__') Object.defineProperty(out, key, {value: item, enumerable: true, writable: true, configurable: true});
    else out[key] = item;
  }
  return out;
}
