/**
 * The live channel: usage and transcription-status events per reseller, kept in memory.
 *
 * - **Events** get an id from a counter per reseller (tenant) and go into a bounded ring buffer
 *   (`bufferSize`, default 500) and to every open stream of that reseller. Nobody else sees them:
 *   a stream or a poll reads only its own tenant's channel. RESELLEE sessions get 403, as for the
 *   usage reads the events carry.
 * - **`GET /events` with `Accept: text/event-stream`**: a Server-Sent Events stream. With a
 *   `Last-Event-ID` header it first replays the buffered events after that id; an id older than
 *   the buffer, newer than the last event (the sandbox restarted) or not a number gets one `reset`
 *   event instead (read everything again). A comment line (`: ping`) every `heartbeatMs` keeps
 *   proxies from closing an idle stream; after `maxStreamMs` the server ends the stream and the
 *   client reconnects with its last id (which authenticates the session again).
 * - **Connection limits**: at most `connectionsPerTenant` open streams per reseller and
 *   `connections` in all; past either, 429 with `Retry-After` (the client polls meanwhile).
 *   A stream holds none of the tenant's request slots (limits.ts): it does no database work.
 * - **`GET /events?after=<id>` otherwise**: the same events as JSON for polling, with a weak ETag
 *   (`If-None-Match` → 304 while nothing new happened).
 * - **Simulation** (`POST /__sandbox/simulate`, control API): creates transcriptions for a
 *   customer and completes them one by one over time, updating usage, as a real backend would.
 */
import type {Hono} from 'hono';
import * as z from 'zod/mini';
import {EventQuery, Id, type LiveEvent, type Transcript, type UsageChange} from '../src/contract/schemas.js';
import {type Env, requireReseller} from './context.js';
import type {Queryable} from './db.js';
import {ApiError, errorResponse, JSON_LIMIT, NO_STORE, parseJson, readLimited, validate} from './http.js';
import {billingPeriod, quotaOf, todayUtc} from './model.js';
import {TRANSCRIPT_COLUMNS, transcriptObject, type TranscriptRow} from './routes/transcripts.js';

export interface LiveOptions {
  /** Events kept per reseller for resume and polling (`SANDBOX_LIVE_BUFFER`). */
  bufferSize: number;
  /** Interval of the `: ping` comment on an idle stream, ms (`SANDBOX_LIVE_HEARTBEAT_MS`). */
  heartbeatMs: number;
  /** Longest life of one stream, ms; the client then reconnects with Last-Event-ID. */
  maxStreamMs: number;
  /** Open streams per reseller (`SANDBOX_LIVE_CONNECTIONS_PER_TENANT`). */
  connectionsPerTenant: number;
  /** Open streams in all (`SANDBOX_LIVE_CONNECTIONS`). */
  connections: number;
}

export const DEFAULT_LIVE: Readonly<LiveOptions> = {bufferSize: 500, heartbeatMs: 15_000, maxStreamMs: 300_000, connectionsPerTenant: 10, connections: 200};

const ENV: Partial<Record<keyof LiveOptions, string>> = {
  bufferSize: 'SANDBOX_LIVE_BUFFER',
  heartbeatMs: 'SANDBOX_LIVE_HEARTBEAT_MS',
  connectionsPerTenant: 'SANDBOX_LIVE_CONNECTIONS_PER_TENANT',
  connections: 'SANDBOX_LIVE_CONNECTIONS',
};

/** The defaults, overridden by the environment, overridden by `options`; a bad value throws with its name. */
export function resolveLive(options: Partial<LiveOptions> = {}, env: NodeJS.ProcessEnv = process.env): LiveOptions {
  const out = {...DEFAULT_LIVE};
  for (const key of Object.keys(DEFAULT_LIVE) as (keyof LiveOptions)[]) {
    const name = ENV[key];
    const raw = name ? env[name] : undefined;
    const value = options[key] ?? (raw === undefined || raw === '' ? out[key] : Number(raw));
    if (!Number.isInteger(value) || value < 1) throw new Error(`${options[key] === undefined && name ? name : `live.${key}`} must be an integer >= 1 (got ${String(options[key] ?? raw)})`);
    out[key] = value;
  }
  return out;
}

/** Gets each event; `null` means: drop the connection (the control API's `DELETE /__sandbox/live`). */
type Listener = (event: LiveEvent | null) => void;

interface Channel {
  /** The last id given out (0: none yet). */
  last: number;
  /** The newest `bufferSize` events, oldest first. */
  buffer: LiveEvent[];
  listeners: Set<Listener>;
}

/** What a resume from `after` gets: the events after it, or a reset. */
export interface Since {
  events: LiveEvent[];
  reset: boolean;
  last: number;
}

export class LiveHub {
  readonly options: LiveOptions;
  readonly #channels = new Map<number, Channel>();
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  readonly #simulations = new Map<number, number>();
  #open = 0;
  #closed = false;

  constructor(options: Partial<LiveOptions> = {}) {
    this.options = resolveLive(options);
  }

  #channel(tenantId: number): Channel {
    let ch = this.#channels.get(tenantId);
    if (!ch) this.#channels.set(tenantId, (ch = {last: 0, buffer: [], listeners: new Set()}));
    return ch;
  }

  /** Records an event for the tenant and hands it to its open streams. */
  publish(tenantId: number, type: 'usage' | 'transcript', payload: {usage?: UsageChange; transcript?: Transcript}): LiveEvent {
    const ch = this.#channel(tenantId);
    const event: LiveEvent = {id: String(++ch.last), type, usage: payload.usage ?? null, transcript: payload.transcript ?? null};
    ch.buffer.push(event);
    if (ch.buffer.length > this.options.bufferSize) ch.buffer.splice(0, ch.buffer.length - this.options.bufferSize);
    for (const listener of ch.listeners) listener(event);
    return event;
  }

  /** The events after `after` (a decimal id; anything else, or an id outside what is kept, is a reset). */
  since(tenantId: number, after: string | null): Since {
    const ch = this.#channel(tenantId);
    if (after === null) return {events: [], reset: false, last: ch.last};
    const n = /^\d{1,15}$/.test(after) ? Number(after) : NaN;
    const oldest = ch.buffer.length ? Number(ch.buffer[0]!.id) : ch.last + 1;
    if (!(n <= ch.last) || n < oldest - 1) return {events: [], reset: true, last: ch.last};
    return {events: ch.buffer.filter((e) => Number(e.id) > n), reset: false, last: ch.last};
  }

  /** Open streams of the tenant (all tenants when omitted). */
  connections(tenantId?: number): number {
    return tenantId === undefined ? this.#open : this.#channels.get(tenantId)?.listeners.size ?? 0;
  }

  /** Takes a stream slot and listens, or says why not; the returned function gives both back. */
  attach(tenantId: number, listener: Listener): (() => void) | string {
    if (this.#closed) return 'The sandbox is shutting down';
    const ch = this.#channel(tenantId);
    if (ch.listeners.size >= this.options.connectionsPerTenant) return `At most ${this.options.connectionsPerTenant} event streams per reseller are open at once; close one (a page needs one per provider) or poll`;
    if (this.#open >= this.options.connections) return `At most ${this.options.connections} event streams are open on this sandbox; retry later or poll`;
    ch.listeners.add(listener);
    this.#open++;
    let attached = true;
    return () => {
      if (!attached) return;
      attached = false;
      ch.listeners.delete(listener);
      this.#open--;
    };
  }

  /** Drops every open stream of the tenant abruptly (as a network failure would); answers how many. */
  drop(tenantId: number): number {
    const listeners = [...(this.#channels.get(tenantId)?.listeners ?? [])];
    for (const listener of listeners) listener(null);
    return listeners.length;
  }

  /** A timer that the hub clears on close (the simulation's steps). */
  later(ms: number, fn: () => void): void {
    if (this.#closed) return;
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      fn();
    }, ms);
    this.#timers.add(timer);
  }

  /** Running simulations of the tenant: a counter the simulation keeps. */
  simulations(tenantId: number, delta = 0): number {
    const n = (this.#simulations.get(tenantId) ?? 0) + delta;
    if (n > 0) this.#simulations.set(tenantId, n);
    else this.#simulations.delete(tenantId);
    return n;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Stops the simulations and ends every stream. */
  close(): void {
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    for (const ch of this.#channels.values()) {
      for (const listener of [...ch.listeners]) listener({id: String(ch.last), type: 'reset', usage: null, transcript: null});
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reading what an event carries

/** The transcript as `GET /transcripts` lists it. */
export async function transcriptOf(db: Queryable, id: number): Promise<Transcript | null> {
  const {rows} = await db.query<TranscriptRow>(`SELECT ${TRANSCRIPT_COLUMNS} FROM transcripts t JOIN customers c ON c.id = t.customer_id WHERE t.id = $1`, [id]);
  return rows[0] ? (transcriptObject(rows[0]) as Transcript) : null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** A customer's usage today and this period, as the usage reads answer it. */
export async function usageOf(db: Queryable, customerId: number, day = todayUtc()): Promise<UsageChange | null> {
  const {rows} = await db.query<{plan: string; quota_minutes: number | null; audio_minutes: number; transcriptions: number; period_minutes: number}>(
    `SELECT c.plan, c.quota_minutes,
       coalesce((SELECT audio_minutes FROM usage_daily WHERE customer_id = c.id AND day = $2::date), 0)::float8 AS audio_minutes,
       coalesce((SELECT transcriptions FROM usage_daily WHERE customer_id = c.id AND day = $2::date), 0)::int AS transcriptions,
       coalesce((SELECT sum(audio_minutes) FROM usage_daily WHERE customer_id = c.id AND day >= $3::date), 0)::float8 AS period_minutes
     FROM customers c WHERE c.id = $1`,
    [customerId, day, billingPeriod(day).start],
  );
  const r = rows[0];
  if (!r) return null;
  return {customer_id: customerId, day, audio_minutes: round1(r.audio_minutes), transcriptions: r.transcriptions, period_minutes: round1(r.period_minutes), quota_minutes: quotaOf(r.plan, r.quota_minutes)};
}

/**
 * Marks a transcript done now: its documents, today's usage, and the two events (status, then
 * usage). The one place where a transcript finishes after it was created (the control API's
 * transcripts and the simulation).
 */
export async function completeTranscript(db: Queryable, live: LiveHub, tenantId: number, id: number, formats: readonly string[] = ['txt']): Promise<void> {
  const {rows} = await db.query<{customer_id: number; duration_seconds: number}>(
    `UPDATE transcripts SET status = 'done', completed_at = now() WHERE id = $1 AND tenant_id = $2 AND status <> 'done' RETURNING customer_id, duration_seconds`,
    [id, tenantId],
  );
  const t = rows[0];
  if (!t) return; // deleted with its customer meanwhile, or already done
  await db.query(
    `INSERT INTO usage_daily (customer_id, day, audio_minutes, transcriptions) VALUES ($1, (now() AT TIME ZONE 'UTC')::date, $2, 1)
     ON CONFLICT (customer_id, day) DO UPDATE SET audio_minutes = usage_daily.audio_minutes + $2, transcriptions = usage_daily.transcriptions + 1`,
    [t.customer_id, t.duration_seconds / 60],
  );
  for (const format of formats) {
    await db.query(`INSERT INTO documents (tenant_id, customer_id, transcript_id, format, created_at) VALUES ($1, $2, $3, $4, now())`, [tenantId, t.customer_id, id, format]);
  }
  await publishTranscript(db, live, tenantId, id);
  const usage = await usageOf(db, t.customer_id);
  if (usage) live.publish(tenantId, 'usage', {usage});
}

/** Publishes a transcript's current state (created, or its status changed). */
export async function publishTranscript(db: Queryable, live: LiveHub, tenantId: number, id: number): Promise<void> {
  const transcript = await transcriptOf(db, id);
  if (transcript) live.publish(tenantId, 'transcript', {transcript});
}

// ---------------------------------------------------------------------------------------------
// GET /events

const encoder = new TextEncoder();
const frame = (e: LiveEvent): string => `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`;

export function eventRoutes(api: Hono<Env>): void {
  api.get('/events', (c) => {
    const p = requireReseller(c);
    const {live} = c.get('deps');
    if ((c.req.header('accept') ?? '').includes('text/event-stream')) return stream(live, p.tenantId, c.req.header('last-event-id') ?? null, c.req.raw.signal);
    const {after} = validate(EventQuery, c.req.query(), 'Invalid query parameters');
    const since = live.since(p.tenantId, after ?? null);
    const etag = `W/"${after ?? ''}-${since.last}"`;
    if (c.req.header('if-none-match') === etag) return new Response(null, {status: 304, headers: {...NO_STORE, etag}});
    return Response.json({data: since.events, last_id: String(since.last), reset: since.reset}, {headers: {...NO_STORE, etag}});
  });
}

function stream(live: LiveHub, tenantId: number, lastEventId: string | null, signal: AbortSignal): Response {
  const {heartbeatMs, maxStreamMs} = live.options;
  const pending: string[] = [];
  let push: ((text: string) => void) | null = null;
  let cleanup = () => {};
  let finished = false;
  const send = (text: string) => (push ? push(text) : pending.push(text));
  const end = (last?: string) => {
    if (finished) return;
    finished = true;
    if (last) send(last);
    cleanup();
  };
  let fail: () => void = () => {};
  const detach = live.attach(tenantId, (event) => {
    if (event === null) fail();
    else if (event.type === 'reset') end(frame(event)); // the sandbox is closing
    else send(frame(event));
  });
  if (typeof detach === 'string') return errorResponse(new ApiError(429, detach), {'retry-after': '5'});
  const since = live.since(tenantId, lastEventId);
  // The opening: a retry hint for EventSource-style clients, a comment so the headers and first
  // bytes go out at once, then the replay (or the reset).
  pending.push(`retry: 2000\n: connected\n\n`);
  if (since.reset) pending.push(frame({id: String(since.last), type: 'reset', usage: null, transcript: null}));
  for (const e of since.events) pending.push(frame(e));
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      push = (text) => controller.enqueue(encoder.encode(text));
      for (const text of pending.splice(0)) push(text);
      const heartbeat = setInterval(() => push?.(': ping\n\n'), heartbeatMs);
      const lifetime = setTimeout(() => end(), maxStreamMs);
      const onAbort = () => end();
      fail = () => {
        finished = true;
        controller.error(new Error('Stream dropped through the control API'));
        cleanup();
      };
      signal.addEventListener('abort', onAbort, {once: true});
      cleanup = () => {
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        signal.removeEventListener('abort', onAbort);
        detach();
        push = null;
        try {
          controller.close();
        } catch {
          // already closed or cancelled
        }
      };
      if (signal.aborted) end();
    },
    cancel() {
      finished = true;
      cleanup();
    },
  });
  return new Response(body, {
    status: 200,
    headers: {...NO_STORE, 'content-type': 'text/event-stream; charset=utf-8', 'x-accel-buffering': 'no'},
  });
}

// ---------------------------------------------------------------------------------------------
// POST /__sandbox/simulate and GET /__sandbox/live

/** Simulations one reseller may run at once. */
export const MAX_SIMULATIONS = 5;

const Simulation = z.object({
  customer_id: Id,
  /** Transcriptions to create (each starts `processing`), 1–50. */
  count: z._default(z.int().check(z.minimum(1), z.maximum(50)), 5),
  /** Time between two completions, ms (the first completes after one interval), 50–60,000. */
  interval_ms: z._default(z.int().check(z.minimum(50), z.maximum(60_000)), 2000),
  /** Length of each transcription, seconds, 1–86,400 (its minutes count in usage when done). */
  duration_seconds: z._default(z.int().check(z.minimum(1), z.maximum(86_400)), 600),
  /** Every n-th transcription fails instead of finishing (0: none fail), 0–50. */
  fail_every: z._default(z.int().check(z.minimum(0), z.maximum(50)), 0),
});

export function liveControlRoutes(app: Hono<Env>): void {
  app.get('/__sandbox/live', (c) => {
    const p = requireReseller(c);
    const {live} = c.get('deps');
    return c.json({connections: live.connections(p.tenantId), simulations: live.simulations(p.tenantId), last_id: live.since(p.tenantId, null).last}, 200, NO_STORE);
  });

  app.delete('/__sandbox/live', (c) => {
    const p = requireReseller(c);
    return c.json({dropped: c.get('deps').live.drop(p.tenantId)}, 200, NO_STORE);
  });

  app.post('/__sandbox/simulate', async (c) => {
    const p = requireReseller(c);
    const {db, live} = c.get('deps');
    const input = validate(Simulation, parseJson(c.req.raw, await readLimited(c.req.raw, JSON_LIMIT)));
    const owner = await db.query(`SELECT 1 FROM customers WHERE id = $1 AND tenant_id = $2`, [input.customer_id, p.tenantId]);
    if (!owner.rows.length) throw new ApiError(404, 'Customer not found');
    if (live.simulations(p.tenantId) >= MAX_SIMULATIONS) {
      return errorResponse(new ApiError(429, `At most ${MAX_SIMULATIONS} simulations per reseller run at once`), {'retry-after': String(Math.ceil(input.interval_ms / 1000) || 1)});
    }
    const ids: number[] = [];
    for (let i = 0; i < input.count; i++) {
      const {rows} = await db.query<{id: number}>(
        `INSERT INTO transcripts (tenant_id, customer_id, title, language, status, duration_seconds, created_at, completed_at)
         VALUES ($1, $2, $3, 'en', 'processing', $4, now(), NULL) RETURNING id`,
        [p.tenantId, input.customer_id, `Simulated call ${i + 1} of ${input.count}`, input.duration_seconds],
      );
      ids.push(rows[0]!.id);
      await publishTranscript(db, live, p.tenantId, rows[0]!.id);
    }
    live.simulations(p.tenantId, 1);
    const step = (i: number) => {
      live.later(input.interval_ms, () => {
        const id = ids[i]!;
        const fails = input.fail_every > 0 && (i + 1) % input.fail_every === 0;
        const work = fails
          ? db.query(`UPDATE transcripts SET status = 'failed' WHERE id = $1 AND tenant_id = $2`, [id, p.tenantId]).then(() => publishTranscript(db, live, p.tenantId, id))
          : completeTranscript(db, live, p.tenantId, id);
        work.catch((err: unknown) => {
          if (!live.closed) console.error('[sandbox] simulation step failed:', err);
        }).finally(() => {
          if (i + 1 < ids.length && !live.closed) step(i + 1);
          else live.simulations(p.tenantId, -1);
        });
      });
    };
    step(0);
    return c.json({transcript_ids: ids, interval_ms: input.interval_ms}, 202, NO_STORE);
  });
}
