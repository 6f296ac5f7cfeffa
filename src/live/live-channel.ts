/**
 * The live channel: one event stream per client (so one per `<reseller-provider>`), shared by every
 * subscriber. Loaded lazily, only when something subscribes (it is not on any first-paint path).
 *
 * - **Reference-counted**: the stream opens on the first subscriber and closes after the last one
 *   leaves.
 * - **Streams with fetch** (`client.openEventStream()`): the token goes in the Authorization
 *   header like every call, never in the URL (which `EventSource` would need).
 * - **Reconnects** with exponential backoff (1 s doubling to 30 s, with jitter) and `Last-Event-ID`,
 *   so nothing is missed; an event whose id was already delivered is dropped, so nothing arrives twice.
 * - **Falls back to polling** (`GET /events?after=`, every `pollMs`) after two failed stream
 *   attempts in a row or when the answer is not an event stream (a buffering proxy), and tries the
 *   stream again every `streamRetryMs`.
 * - **Pauses** while the page is hidden (`visibilitychange`) and while none of the subscribed
 *   elements is connected; resumes from the last id.
 * - A `reset` event (the server no longer has the events since the last id) reaches every
 *   subscriber: read the data again.
 *
 * The SSE parsing is ours (~30 lines, below): the kit reads one server's well-formed `id`/`event`/
 * `data` lines, which does not need a dependency in every partner's lockfile.
 */
import type {ResellerClient} from '../api/client.js';
import {HttpError} from '../api/errors.js';
import {loadContract} from '../contract/load-contract.js';
import type {LiveEvent} from '../contract/schemas.js';

export type LiveListener = (event: LiveEvent) => void;
/** What the channel is doing: nothing to do, paused (hidden page / no connected element), or reading. */
export type LiveMode = 'idle' | 'paused' | 'connecting' | 'streaming' | 'polling' | 'stopped';

export interface LiveChannelOptions {
  /** Interval of the polling fallback, ms (default 5,000). */
  pollMs?: number;
  /** While polling, try the stream again after this long, ms (default 30,000). */
  streamRetryMs?: number;
  /** Longest wait between two reconnection attempts, ms (default 30,000). */
  maxBackoffMs?: number;
}

const channels = new WeakMap<ResellerClient, LiveChannel>();

/** The client's live channel (one per client: the elements under one provider share it). */
export function liveChannel(client: ResellerClient, options?: LiveChannelOptions): LiveChannel {
  let channel = channels.get(client);
  if (!channel) channels.set(client, (channel = new LiveChannel(client, options)));
  return channel;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, {once: true});
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });

export class LiveChannel {
  /** The id of the last event delivered (sent as Last-Event-ID / `after` when reconnecting). */
  lastEventId: string | null = null;
  /** What the channel is doing now. */
  mode: LiveMode = 'idle';
  readonly #client: ResellerClient;
  readonly #options: Required<LiveChannelOptions>;
  /** Subscribers and the element each one belongs to (none: always counts as connected). */
  readonly #subscribers = new Map<LiveListener, Element | undefined>();
  #run: AbortController | null = null;
  readonly #onVisibility = () => this.refresh();

  constructor(client: ResellerClient, options: LiveChannelOptions = {}) {
    this.#client = client;
    this.#options = {pollMs: 5000, streamRetryMs: 30_000, maxBackoffMs: 30_000, ...options};
  }

  /** Adds a subscriber (of `element`, if given); the returned function removes it. */
  subscribe(listener: LiveListener, element?: Element): () => void {
    this.#subscribers.set(listener, element);
    if (this.#subscribers.size === 1) document.addEventListener('visibilitychange', this.#onVisibility);
    this.refresh();
    return () => {
      if (!this.#subscribers.delete(listener)) return;
      if (!this.#subscribers.size) document.removeEventListener('visibilitychange', this.#onVisibility);
      this.refresh();
    };
  }

  /** Opens or closes the connection as the subscribers, their elements and the page's visibility say. */
  refresh(): void {
    const wanted = this.#subscribers.size > 0 && document.visibilityState !== 'hidden'
      && [...this.#subscribers.values()].some((element) => !element || element.isConnected);
    if (wanted && !this.#run && this.mode !== 'stopped') {
      const run = (this.#run = new AbortController());
      void this.#loop(run.signal);
    } else if (!wanted && this.#run) {
      this.#run.abort();
      this.#run = null;
    }
    if (!this.#run && this.mode !== 'stopped') this.mode = this.#subscribers.size ? 'paused' : 'idle';
  }

  #deliver(event: LiveEvent): void {
    if (event.type !== 'reset' && this.lastEventId !== null && Number(event.id) <= Number(this.lastEventId)) return; // already delivered
    this.lastEventId = event.id;
    for (const listener of [...this.#subscribers.keys()]) {
      try {
        listener(event);
      } catch (error) {
        console.error('reseller-elements live listener failed:', error);
      }
    }
  }

  async #loop(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      if (failures >= 2) {
        this.mode = 'polling';
        failures = (await this.#poll(signal)) ? 1 : failures; // one more stream failure → polling again
        continue;
      }
      this.mode = 'connecting';
      try {
        const response = await this.#client.openEventStream(this.lastEventId, signal);
        if (!(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
          await response.body?.cancel();
          failures = 2; // not a stream (a buffering proxy): poll
          continue;
        }
        this.mode = 'streaming';
        failures = 0;
        await this.#read(response.body!, signal);
      } catch (error) {
        if (signal.aborted) break;
        if (error instanceof HttpError && (error.status === 401 || error.status === 403 || error.status === 404)) {
          this.mode = 'stopped'; // no access: nothing to retry until the client changes
          this.#run = null;
          return;
        }
        failures++;
        const backoff = Math.min(this.#options.maxBackoffMs, 1000 * 2 ** (failures - 1));
        await sleep(backoff * (0.5 + Math.random() / 2), signal);
      }
    }
  }

  /** Polls until it is time to try the stream again; false when aborted. */
  async #poll(signal: AbortSignal): Promise<boolean> {
    const until = Date.now() + this.#options.streamRetryMs;
    while (!signal.aborted && Date.now() < until) {
      try {
        const page = await this.#client.pollEvents(this.lastEventId ? {after: this.lastEventId} : {}, {signal});
        if (page.reset) this.#deliver({id: page.last_id, type: 'reset', usage: null, transcript: null});
        for (const event of page.data) this.#deliver(event);
        if (this.lastEventId === null || page.reset) this.lastEventId = page.last_id;
      } catch {
        if (signal.aborted) break;
      }
      await sleep(this.#options.pollMs, signal);
    }
    return !signal.aborted;
  }

  /** Reads Server-Sent Events until the stream ends (then the loop reconnects) or the run stops. */
  async #read(body: ReadableStream<Uint8Array>, signal: AbortSignal): Promise<void> {
    const {LiveEvent} = await loadContract(); // every event is checked against the contract
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const stop = () => void reader.cancel().catch(() => {});
    signal.addEventListener('abort', stop, {once: true});
    let buffer = '';
    try {
      for (;;) {
        const {done, value} = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, {stream: true}).replace(/\r\n?/g, '\n');
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('data:')) data += (data ? '\n' : '') + line.slice(line[5] === ' ' ? 6 : 5);
          }
          if (!data) continue; // a comment (heartbeat) or a retry hint
          let parsed;
          try {
            parsed = LiveEvent.safeParse(JSON.parse(data));
          } catch {
            continue; // not JSON: not ours
          }
          if (parsed.success) this.#deliver(parsed.data);
        }
      }
    } finally {
      signal.removeEventListener('abort', stop);
    }
  }
}
