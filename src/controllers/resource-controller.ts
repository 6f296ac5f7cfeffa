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
 */
import type {ReactiveControllerHost} from 'lit';
import {Task, TaskStatus, type initialState} from '@lit/task';
import type {ResellerClient} from '../api/client.js';
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

export class ResourceController<A extends readonly unknown[], T> {
  /** Where the client comes from (shared with the element's other resources and actions). */
  readonly api: ClientHolder;
  /** The Lit task: `render()`, `status`, `value`, `error`, `taskComplete`, `run()`. */
  readonly task: Task<readonly [ResellerClient, number, ...A], T>;
  readonly #host: ReactiveControllerHost;
  #reloads = 0;
  #fresh = false;
  /** The running load is a `refresh()`: keep showing the last value (and hide its failure). */
  #quiet = false;
  #quietNext = false;
  #last: T | undefined;

  constructor(host: ApiHost | ReactiveControllerHost, options: ResourceOptions<A, T>) {
    this.#host = host;
    this.api = options.api ?? new ApiController(host as ApiHost);
    this.task = new Task(host, {
      // One flat array, compared item by item: a new client, a reload or any changed argument runs it.
      args: () => [this.api.client, this.#reloads, ...options.args()] as const,
      task: ([client, , ...args], {signal}) => {
        const fresh = this.#fresh;
        this.#quiet = this.#quietNext && this.#last !== undefined;
        this.#fresh = this.#quietNext = false;
        return options.load(client, args as unknown as A, {signal, fresh});
      },
      onComplete: (value) => {
        this.#last = value;
        this.#quiet = false;
        options.onComplete?.(value);
      },
    });
  }

  /** The client to use now (for the element's actions: saves, deletes, downloads). */
  get client(): ResellerClient {
    return this.api.client;
  }

  get status(): TaskStatus {
    return this.task.status;
  }

  /** The loaded value, or undefined unless the last load completed. */
  get value(): T | undefined {
    if (this.task.status === TaskStatus.COMPLETE) return this.task.value;
    return this.#quiet ? this.#last : undefined;
  }

  /** The last load's error, or undefined unless it failed (a failed `refresh()` keeps the last value instead). */
  get error(): unknown {
    return this.task.status === TaskStatus.ERROR && !this.#quiet ? this.task.error : undefined;
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

  #again(quiet: boolean): Promise<unknown> {
    this.#quietNext = quiet;
    this.#fresh = true;
    this.#reloads++;
    this.#host.requestUpdate();
    return this.#host.updateComplete.then(() => this.task.taskComplete).catch(() => {});
  }
}
