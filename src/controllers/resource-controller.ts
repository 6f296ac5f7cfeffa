/**
 * `ResourceController`: one resource an element loads from the API, with everything around it in
 * one place: the client (through `ApiController`), the `@lit/task` `Task` (its signal aborts the
 * request when the arguments change or the element leaves), and `reload()`.
 *
 * ```ts
 * class ResellerUserList extends ConnectionMixin(LitElement) {
 *   readonly #users = new ResourceController(this, {
 *     args: () => [this.customerId] as const,
 *     load: (client, [id], {signal, fresh}) => (id > 0 ? client.listUsers(id, {signal, fresh}) : initialState),
 *   });
 *   reload() { return this.#users.reload(); }
 *   render() { return this.#users.task.render({pending: …, complete: …, error: …}); }
 * }
 * ```
 *
 * The task runs again when the client changes (another token, API base or provider), when one of
 * `args()` changes, and on `reload()`, which also skips the client's cache for that one load
 * (`fresh: true`). Several resources of one element share its client: pass the first one's `api`.
 *
 * **Warm cache**: when `load` answers synchronously (a value, or the very promise a client read
 * answered from its fresh cache: `client.settled()`; `mapLoaded()` keeps that synchronous through a
 * transformation), the value is the element's in the same update: no loading state is rendered and
 * no second update follows. Otherwise the `Task` runs the load as before.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {Task, TaskStatus, initialState, shallowArrayEquals} from '@lit/task';
import {NOT_SETTLED, type ResellerClient} from '../api/client.js';
import {ApiController, type ApiHost} from './api-controller.js';

export interface LoadOptions {
  /** Aborted when the arguments change, on `reload()` and when the element leaves the page. */
  signal: AbortSignal;
  /** True for the load that `reload()` started: skip the client's cache. */
  fresh: boolean;
}

/** Where a resource gets its client: an `ApiController`, or anything with a current `client`. */
export interface ClientHolder {
  readonly client: ResellerClient;
}

export interface ResourceOptions<A extends readonly unknown[], T> {
  /** The element's client, shared with its other resources and actions (default: a new `ApiController` on the host). */
  api?: ClientHolder;
  /** What the resource depends on besides the client; a change loads it again. */
  args: () => A;
  /** Loads it. Return `initialState` (from `@lit/task`) when there is nothing to load (e.g. no id yet). */
  load: (client: ResellerClient, args: A, options: LoadOptions) => Promise<T | typeof initialState> | T | typeof initialState;
  /** Called with each loaded value. */
  onComplete?: (value: T) => void;
}

type Loaded<T> = Promise<T | typeof initialState> | T | typeof initialState;
type Args<A extends readonly unknown[]> = readonly [ResellerClient, number, ...A];

/**
 * `map(value)` of what `answer` resolves to: synchronously when `client` answered it from its cache
 * (so a `load` that reshapes a cached read still answers in the element's first update), else
 * `answer.then(map)`.
 */
export function mapLoaded<T, U>(client: ResellerClient, answer: Promise<T>, map: (value: T) => U): U | Promise<U> {
  const value = client.settled(answer);
  return value === NOT_SETTLED ? answer.then(map) : map(value);
}

export class ResourceController<A extends readonly unknown[], T> implements ReactiveController {
  /** Where the client comes from (shared with the element's other resources and actions). */
  readonly api: ClientHolder;
  /**
   * The Lit task that runs loads that are not answered synchronously: `run()`, `taskComplete`.
   * Read `status`, `value`, `error` and `latest` from the controller: a load answered from the
   * cache never goes through the task.
   */
  readonly task: Task<Args<A>, T>;
  readonly #host: ReactiveControllerHost;
  readonly #options: ResourceOptions<A, T>;
  #reloads = 0;
  #fresh = false;
  /** The running load is a `refresh()`: keep showing the last value (and hide its failure). */
  #quiet = false;
  #quietNext = false;
  #last: T | undefined;
  /** The last completed value, kept while the next load runs (undefined after a failure). */
  #latest: T | undefined;
  #previousArgs: Args<A> | undefined;
  /** The load the task is about to run (started by `hostUpdate`, which saw it was not synchronous). */
  #started: {promise: Promise<T | typeof initialState>; abort: AbortController} | undefined;
  /** Set when the current value was answered synchronously (not by the task). */
  #sync: {status: TaskStatus; value: T | undefined} | undefined;

  constructor(host: ApiHost | ReactiveControllerHost, options: ResourceOptions<A, T>) {
    this.#host = host;
    this.#options = options;
    this.api = options.api ?? new ApiController(host as ApiHost);
    this.task = new Task(host, {
      // Run by hostUpdate() (when the load is not answered synchronously), by reload() and refresh().
      autoRun: false,
      args: () => this.#args(),
      task: (args, {signal}) => {
        const started = this.#started;
        this.#started = undefined;
        if (started) {
          signal.addEventListener('abort', () => started.abort.abort(signal.reason), {once: true});
          return started.promise;
        }
        return this.#load(args, signal);
      },
      onComplete: (value) => {
        if (this.#sync) return;
        this.#complete(value);
      },
      onError: () => {
        if (!this.#sync) this.#latest = undefined;
      },
    });
    host.addController(this);
  }

  hostUpdate(): void {
    // One flat array, compared item by item: a new client, a reload or any changed argument loads.
    const args = this.#args();
    const previous = this.#previousArgs;
    this.#previousArgs = args;
    if (previous && shallowArrayEquals(previous, args)) return;
    const abort = new AbortController();
    let loaded: Loaded<T>;
    try {
      loaded = this.#load(args, abort.signal);
    } catch (error) {
      loaded = Promise.reject(error as Error); // the task shows it as it did
    }
    const value = loaded instanceof Promise ? this.api.client.settled(loaded) : loaded;
    if (value === NOT_SETTLED) {
      this.#sync = undefined;
      this.#started = {promise: loaded as Promise<T | typeof initialState>, abort};
      void this.task.run(args);
      return;
    }
    // Answered now (from the cache): no loading state, no second update. A load still running for
    // earlier arguments is stopped, as a new task run would.
    this.task.abort();
    if (value === initialState) {
      this.#sync = {status: TaskStatus.INITIAL, value: undefined};
    } else {
      this.#sync = {status: TaskStatus.COMPLETE, value: value as T};
      this.#complete(value as T);
    }
  }

  /** The client to use now (for the element's actions: saves, deletes, downloads). */
  get client(): ResellerClient {
    return this.api.client;
  }

  get status(): TaskStatus {
    return this.#sync ? this.#sync.status : this.task.status;
  }

  /** The loaded value, or undefined unless the last load completed. */
  get value(): T | undefined {
    if (this.#sync) return this.#sync.value;
    if (this.task.status === TaskStatus.COMPLETE) return this.task.value;
    return this.#quiet ? this.#last : undefined;
  }

  /** The last completed value, also while the next load runs (what `task.value` was); undefined after a failure. */
  get latest(): T | undefined {
    return this.#latest;
  }

  /** The last load's error, or undefined unless it failed (a failed `refresh()` keeps the last value instead). */
  get error(): unknown {
    return !this.#sync && this.task.status === TaskStatus.ERROR && !this.#quiet ? this.task.error : undefined;
  }

  /** Runs the load again now, through the cache (what `task.run()` did). */
  run(): Promise<void> {
    this.#sync = undefined;
    this.#previousArgs = this.#args();
    return this.task.run(this.#previousArgs);
  }

  /**
   * Loads again from the server, skipping the client's cache, once the host has updated (so
   * properties set in the same tick count). Resolves when that load settled (never rejects: the
   * element shows a failure itself).
   */
  reload(): Promise<unknown> {
    return this.#again(false);
  }

  /**
   * Like `reload()`, but in place (a live update): until the new value arrives `value` stays the
   * last one (no loading state), and if the load fails the last value stays.
   */
  refresh(): Promise<unknown> {
    return this.#again(true);
  }

  #args(): Args<A> {
    return [this.api.client, this.#reloads, ...this.#options.args()] as const;
  }

  #load([client, , ...args]: Args<A>, signal: AbortSignal): Loaded<T> {
    const fresh = this.#fresh;
    this.#quiet = this.#quietNext && this.#last !== undefined;
    this.#fresh = this.#quietNext = false;
    return this.#options.load(client, args as unknown as A, {signal, fresh});
  }

  #complete(value: T): void {
    this.#last = this.#latest = value;
    this.#quiet = false;
    this.#options.onComplete?.(value);
  }

  #again(quiet: boolean): Promise<unknown> {
    this.#quietNext = quiet;
    this.#fresh = true;
    this.#reloads++;
    this.#host.requestUpdate();
    return this.#host.updateComplete.then(() => this.task.taskComplete).catch(() => {});
  }
}
