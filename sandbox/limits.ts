/**
 * Fairness and limits: one tenant hammering the sandbox must not stall another.
 *
 * - **Per-tenant concurrency with a bounded queue** (`TenantLimiter`): each tenant has at most
 *   `concurrency` API requests executing and `queue` waiting behind them (FIFO); past that the
 *   answer is 429 with `Retry-After` and the contract error body. Each tenant has its own slots,
 *   so a full tenant never delays another one's admission.
 * - **Fair database scheduling** (`fairDb`): PGlite runs one statement at a time, so whoever is
 *   first in its queue wins. Every statement (or transaction) is queued in its tenant's lane and
 *   the lanes take turns (round-robin): tenant B's single query waits for at most one statement of
 *   each other busy tenant, not for tenant A's whole backlog.
 * - **Statement timeouts**: on PostgreSQL the server's `statement_timeout` (it cancels the
 *   statement); PGlite cannot interrupt a statement (the WASM engine runs on the JS thread: a timer
 *   cannot fire while it runs, checked with 0.5.x, and it ignores `statement_timeout`), so there the
 *   limit is checked when the statement returns and its result is discarded. Either way the request
 *   answers 503 `service_unavailable` with `Retry-After`, never a hang or a 500; the queries a
 *   request can make are bounded by design (paged lists, range caps, the streamed export's chunks).
 *
 * The lane of a statement comes from the request that runs it (AsyncLocalStorage); statements
 * outside any API request (seeding, the control API, authentication before the tenant is known)
 * share the `system` lane and are not subject to the statement timeout.
 */
import {AsyncLocalStorage} from 'node:async_hooks';
import type {Db, Queryable} from './db.js';
import {ApiError, errorResponse} from './http.js';

export interface Limits {
  /** API requests of one tenant executing at once (`SANDBOX_TENANT_CONCURRENCY`). */
  concurrency: number;
  /** API requests of one tenant waiting for a slot (`SANDBOX_TENANT_QUEUE`); past it 429. */
  queue: number;
  /** Longest database statement of an API request in ms (`SANDBOX_STATEMENT_TIMEOUT_MS`); 0 = none. */
  statementTimeoutMs: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {concurrency: 8, queue: 100, statementTimeoutMs: 30_000};

const ENV: Record<keyof Limits, [name: string, min: number]> = {
  concurrency: ['SANDBOX_TENANT_CONCURRENCY', 1],
  queue: ['SANDBOX_TENANT_QUEUE', 0],
  statementTimeoutMs: ['SANDBOX_STATEMENT_TIMEOUT_MS', 0],
};

/** The defaults, overridden by the environment, overridden by `options`; a bad value throws with its name. */
export function resolveLimits(options: Partial<Limits> = {}, env: NodeJS.ProcessEnv = process.env): Limits {
  const limits = {...DEFAULT_LIMITS};
  for (const key of Object.keys(ENV) as (keyof Limits)[]) {
    const [name, min] = ENV[key];
    const raw = env[name];
    const value = options[key] ?? (raw === undefined || raw === '' ? limits[key] : Number(raw));
    if (!Number.isInteger(value) || value < min) throw new Error(`${options[key] === undefined ? name : key} must be an integer >= ${min} (got ${String(options[key] ?? raw)})`);
    limits[key] = value;
  }
  return limits;
}

// ---------------------------------------------------------------------------------------------
// The request's lane

interface LaneContext {
  lane: string;
  statementTimeoutMs: number;
}
const lanes = new AsyncLocalStorage<LaneContext>();
const SYSTEM: LaneContext = {lane: 'system', statementTimeoutMs: 0};

/** Runs `fn` with its database statements in `lane`, under `statementTimeoutMs`. */
export const inLane = <T>(lane: string, statementTimeoutMs: number, fn: () => T): T => lanes.run({lane, statementTimeoutMs}, fn);

/** The current lane, to re-enter later (a stream's pull runs in its reader's context, not the request's). */
export const currentLane = (): LaneContext => lanes.getStore() ?? SYSTEM;
export const withLane = <T>(context: LaneContext, fn: () => T): T => lanes.run(context, fn);

// ---------------------------------------------------------------------------------------------
// Per-tenant admission

interface TenantSlots {
  running: number;
  waiting: {grant(): void}[];
}

/** What `admit` gives a request: a slot to release, or the answer when it got none. */
export type Admission = {release(): void; refused?: undefined} | {refused: Response};

export class TenantLimiter {
  #tenants = new Map<string, TenantSlots>();
  /** Moving average of how long a request holds its slot (for Retry-After). */
  #averageMs = 50;

  constructor(readonly limits: Limits) {}

  /**
   * Waits for one of the tenant's slots. Refused with 429 when its queue is full, with 499 when
   * the client goes away while waiting (the request is removed from the queue).
   */
  async admit(tenant: string, signal: AbortSignal): Promise<Admission> {
    let slots = this.#tenants.get(tenant);
    if (!slots) this.#tenants.set(tenant, (slots = {running: 0, waiting: []}));
    if (slots.running < this.limits.concurrency) {
      slots.running++;
      return {release: this.#releaser(tenant, slots)};
    }
    if (slots.waiting.length >= this.limits.queue) {
      const seconds = Math.max(1, Math.ceil(((slots.waiting.length / this.limits.concurrency) * this.#averageMs) / 1000));
      const message = `Too many requests for this tenant: ${slots.running} running and ${slots.waiting.length} queued (the limits); retry after ${seconds} s`;
      return {refused: errorResponse(new ApiError(429, message), {'retry-after': String(seconds)})};
    }
    const granted = await new Promise<boolean>((resolve) => {
      const waiter = {
        grant: () => {
          signal.removeEventListener('abort', abandon);
          resolve(true);
        },
      };
      const abandon = () => {
        const i = slots.waiting.indexOf(waiter);
        if (i >= 0) slots.waiting.splice(i, 1);
        resolve(false);
      };
      if (signal.aborted) return resolve(false);
      signal.addEventListener('abort', abandon, {once: true});
      slots.waiting.push(waiter);
    });
    if (!granted) {
      this.#forgetIfIdle(tenant, slots);
      return {refused: errorResponse(new ApiError(499, 'Client closed the request', undefined, 'client_closed_request'))};
    }
    return {release: this.#releaser(tenant, slots)};
  }

  #releaser(tenant: string, slots: TenantSlots): () => void {
    const started = performance.now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#averageMs = this.#averageMs * 0.9 + (performance.now() - started) * 0.1;
      const next = slots.waiting.shift();
      if (next) return next.grant(); // the slot passes on: `running` stays
      slots.running--;
      this.#forgetIfIdle(tenant, slots);
    };
  }

  #forgetIfIdle(tenant: string, slots: TenantSlots): void {
    if (slots.running === 0 && slots.waiting.length === 0 && this.#tenants.get(tenant) === slots) this.#tenants.delete(tenant);
  }
}

// ---------------------------------------------------------------------------------------------
// Streamed answers keep their slot until the last byte

const streamed = new WeakSet<Response>();

/** A streamed answer: the request keeps its tenant slot until the body is done or cancelled. */
export function streamingResponse(body: ReadableStream<Uint8Array>, init: ResponseInit): Response {
  const response = new Response(body, init);
  streamed.add(response);
  return response;
}

/**
 * Releases the slot now, or, for a streamed answer, when its body ends, fails or is cancelled
 * (returns the response to send instead).
 */
export function releaseAfter(response: Response | undefined, release: () => void): Response | undefined {
  if (!response || !streamed.has(response) || !response.body) {
    release();
    return undefined;
  }
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const {done, value} = await reader.read();
        if (done) {
          release();
          controller.close();
        } else controller.enqueue(value);
      } catch (err) {
        release();
        controller.error(err);
      }
    },
    async cancel(reason) {
      release();
      await reader.cancel(reason);
    },
  });
  return new Response(body, {status: response.status, statusText: response.statusText, headers: response.headers});
}

// ---------------------------------------------------------------------------------------------
// Fair database scheduling and statement timeouts

/**
 * Takes turns between lanes, at most `capacity` units running at once. Start-time fair queueing:
 * a unit's tag is one past its lane's previous tag, and never below the tag of the unit that
 * started last; the smallest tag starts next (ties: the lane seen first). A lane that just ran therefore
 * waits for every other lane's next unit, however many units it has queued.
 */
export class FairScheduler {
  #lanes = new Map<string, {last: number; queue: {tag: number; start(): void}[]}>();
  /** The tag of the unit that started last. */
  #clock = 0;
  #running = 0;

  constructor(readonly capacity: number) {}

  run<T>(lane: string, fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let state = this.#lanes.get(lane);
      if (!state) this.#lanes.set(lane, (state = {last: 0, queue: []}));
      const tag = Math.max(this.#clock, state.last + 1);
      state.last = tag;
      state.queue.push({
        tag,
        start: () => {
          this.#running++;
          let result: Promise<T>;
          try {
            result = fn();
          } catch (err) {
            result = Promise.reject(err);
          }
          void result.then(resolve, reject).finally(() => {
            this.#running--;
            this.#pump();
          });
        },
      });
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#running < this.capacity) {
      let best: {tag: number; start(): void}[] | null = null;
      for (const [lane, {last, queue}] of this.#lanes) {
        if (!queue.length) {
          if (last < this.#clock) this.#lanes.delete(lane); // nothing to remember: its next unit starts at the clock anyway
          continue;
        }
        if (!best || queue[0]!.tag < best[0]!.tag) best = queue;
      }
      if (!best) return;
      const unit = best.shift()!;
      this.#clock = unit.tag;
      unit.start();
    }
  }
}

/** PostgreSQL's "canceling statement due to statement timeout". */
const QUERY_CANCELED = '57014';

/** 503 with Retry-After (the kit's client retries a GET by itself). */
class StatementTimeout extends ApiError {
  constructor(ms: number) {
    super(503, `A database statement took longer than the sandbox's statement timeout (${ms} ms)`, undefined, undefined, {'retry-after': '1'});
  }
}

/**
 * The database seen by requests: statements scheduled fairly between lanes (one at a time on
 * PGlite, `capacity` on PostgreSQL) and held to the lane's statement timeout.
 */
export function fairDb(db: Db, capacity = db.kind === 'pglite' ? 1 : 10): Db {
  const scheduler = new FairScheduler(capacity);
  const timed = <T>(context: LaneContext, run: () => Promise<T>): Promise<T> => {
    const limit = context.statementTimeoutMs;
    if (!limit) return run();
    const started = performance.now();
    return run().then(
      (result) => {
        // PGlite: the statement could not be interrupted; it still fails as it would on PostgreSQL.
        if (db.kind === 'pglite' && performance.now() - started > limit) throw new StatementTimeout(limit);
        return result;
      },
      (err: unknown) => {
        if ((err as {code?: string}).code === QUERY_CANCELED) throw new StatementTimeout(limit);
        throw err;
      },
    );
  };
  const bounded = (context: LaneContext, q: Queryable): Queryable => ({
    query: (sql, params) => timed(context, () => q.query(sql, params)),
  });
  return {
    kind: db.kind,
    get trigram() {
      return db.trigram;
    },
    set trigram(value) {
      db.trigram = value;
    },
    query: (sql, params) => {
      const context = currentLane();
      return scheduler.run(context.lane, () => timed(context, () => db.query(sql, params)));
    },
    exec: (sql) => {
      const context = currentLane();
      return scheduler.run(context.lane, () => timed(context, () => db.exec(sql)));
    },
    tx: (fn) => {
      const context = currentLane();
      return scheduler.run(context.lane, () =>
        db.tx(async (q) => {
          // On PostgreSQL the timeout is a connection setting: work outside requests (seeding) lifts it.
          if (db.kind === 'postgres' && !context.statementTimeoutMs) await q.query('SET LOCAL statement_timeout = 0');
          return fn(bounded(context, q));
        }),
      );
    },
    exclusive: (fn) => db.exclusive(fn),
    close: () => db.close(),
  };
}
