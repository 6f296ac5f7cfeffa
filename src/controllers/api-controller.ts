/**
 * `ApiController`: how every element gets its `ResellerClient`.
 *
 * ```ts
 * class ResellerCustomerDetail extends LitElement {
 *   @property({attribute: 'api-base'}) apiBase: string | null = null;
 *   @property({attribute: false}) token: string | null = null;
 *   @property({attribute: false}) getToken: (() => Promise<string>) | null = null;
 *   @property({type: Number, attribute: 'customer-id'}) customerId = 0;
 *
 *   #api = new ApiController(this);
 *   #customer = new Task(this, {
 *     args: () => [this.#api.client, this.customerId] as const,
 *     task: ([client, id], {signal}) => client.getCustomer(id, {signal}),
 *   });
 * }
 * ```
 *
 * Where the client comes from, first match wins:
 * 1. the element's own config: its `api-base` attribute, `token` or `getToken` property (any set);
 * 2. the nearest `<reseller-provider>` (context, subscribed: a new client re-renders the host, so
 *    a task with the client in its `args` runs again);
 * 3. while a `<reseller-provider>` around the element is not defined yet: a client whose requests
 *    wait (they are aborted when the provider's client arrives and the task runs again);
 * 4. a default client: `/api/v3/reseller` on the page's origin, no token (cookie-authenticated
 *    proxies work this way).
 *
 * Clients built here (1, 4) report failures as `ResellerRequestErrorEvent`/`ResellerAuthErrorEvent`
 * from the host element; a provider's client reports them from the provider.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {ContextEvent as ContextRequestEvent} from '@lit/context';
import {ResellerClient, type ResellerClientOptions} from '../api/client.js';
import {AuthError, ForbiddenError, type ResellerApiError} from '../api/errors.js';
import {clientContext} from '../context/client-context.js';
import {ResellerAuthErrorEvent, ResellerRequestErrorEvent} from '../events.js';

/** What an element that uses `ApiController` may declare (all optional). */
export interface ApiHost extends ReactiveControllerHost, HTMLElement {
  /** The element's own `api-base` attribute. */
  apiBase?: string | null;
  /** The element's own token (property only). */
  token?: string | null;
  /** The element's own token source (property only). */
  getToken?: (() => Promise<string> | string) | null;
}

/** Where the current client comes from. */
export type ClientSource = 'own' | 'provider' | 'pending' | 'default';

/** Result of a role check: a RESELLER token, another role, or no valid token at all. */
export type ResellerAccess = 'granted' | 'denied' | 'unauthenticated';

const PROVIDER_TAG = 'reseller-provider';

export class ApiController implements ReactiveController {
  readonly #host: ApiHost;
  readonly #options: Omit<ResellerClientOptions, 'baseUrl' | 'token' | 'getToken'>;
  /** Whether a provider answered the context request. */
  #answered = false;
  #provided: ResellerClient | undefined;
  #unsubscribe: (() => void) | undefined;
  #waitingForProvider = false;
  #own: ResellerClient | undefined;
  #ownKey: readonly unknown[] = [];
  #default: ResellerClient | undefined;
  #pending: ResellerClient | undefined;

  /**
   * @param options client options for clients built here (timeouts, retry, cache, fetch); a
   *   provider's client has its own.
   */
  constructor(host: ApiHost, options: Omit<ResellerClientOptions, 'baseUrl' | 'token' | 'getToken'> = {}) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The client to use now. Put it in a task's `args` so a new client runs the task again. */
  get client(): ResellerClient {
    switch (this.source) {
      case 'own':
        return this.#ownClient();
      case 'provider':
        return this.#provided!;
      case 'pending':
        return (this.#pending ??= new ResellerClient({...this.#options, ready: new Promise(() => {})}));
      default:
        return (this.#default ??= this.#build({}));
    }
  }

  /** Where `client` comes from now. */
  get source(): ClientSource {
    const host = this.#host;
    if (host.apiBase || host.token || host.getToken) return 'own';
    if (this.#provided) return 'provider';
    if (this.#waitingForProvider || (this.#answered && !this.#provided)) return 'pending';
    return 'default';
  }

  /** Whether the caller is a reseller (`GET /me`, cached per token). */
  access(options: {signal?: AbortSignal} = {}): Promise<ResellerAccess> {
    return resellerAccess(this.client, options);
  }

  hostConnected(): void {
    // Ask the (possibly new) surroundings afresh; until then the last provider's client stays, so
    // an update of a detached element (a lazy module resolving after removal) never swaps in the
    // token-less default client and fires an unauthenticated request.
    this.#provided = undefined;
    this.#request();
    if (!this.#answered && hasUndefinedProviderAround(this.#host)) {
      this.#waitingForProvider = true;
      void customElements.whenDefined(PROVIDER_TAG).then(() => {
        // The provider upgraded after this element asked: ask again.
        if (this.#host.isConnected && !this.#answered) this.#request();
        this.#waitingForProvider = false;
        this.#host.requestUpdate();
      });
    }
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    // #provided is kept while detached (see hostConnected).
  }

  // Stable identity: a provider keys its subscriptions by this callback.
  #onContext = (value: ResellerClient | undefined, unsubscribe?: () => void): void => {
    if (this.#unsubscribe && this.#unsubscribe !== unsubscribe) this.#unsubscribe();
    this.#unsubscribe = unsubscribe;
    this.#answered = true;
    if (value !== this.#provided) {
      this.#provided = value;
      this.#host.requestUpdate();
    }
  };

  #request(): void {
    this.#host.dispatchEvent(new ContextRequestEvent(clientContext, this.#host, this.#onContext, true));
  }

  #ownClient(): ResellerClient {
    const {apiBase, token, getToken} = this.#host;
    const key = [apiBase || null, token || null, !!getToken];
    if (!this.#own || key.some((v, i) => v !== this.#ownKey[i])) {
      this.#ownKey = key;
      this.#own = this.#build({
        baseUrl: apiBase,
        token,
        // Reads the property at call time, so a new function does not need a new client.
        getToken: getToken ? () => this.#host.getToken!() : null,
      });
    }
    return this.#own;
  }

  #build(config: Pick<ResellerClientOptions, 'baseUrl' | 'token' | 'getToken'>): ResellerClient {
    const client = new ResellerClient({...this.#options, ...config});
    client.subscribe({
      onAuthError: (error) => this.#host.dispatchEvent(new ResellerAuthErrorEvent(error)),
      onRequestError: (error) =>
        this.#host.dispatchEvent(new ResellerRequestErrorEvent({error, method: error.method, path: error.path})),
    });
    return client;
  }
}

/**
 * Whether the caller may use reseller endpoints: `'granted'` for a RESELLER, `'denied'` for any
 * other role (or a 403), `'unauthenticated'` when no valid token could be had (401 after refresh).
 * Other failures (network, 5xx) are thrown, so the element shows its error state with a retry.
 */
export async function resellerAccess(client: ResellerClient, options: {signal?: AbortSignal} = {}): Promise<ResellerAccess> {
  try {
    const me = await client.getMe(options);
    return me.role === 'RESELLER' ? 'granted' : 'denied';
  } catch (error) {
    if (error instanceof AuthError) return 'unauthenticated';
    if (error instanceof ForbiddenError) return 'denied';
    throw error;
  }
}

/**
 * Whether an error means "reseller access required" (401 after refresh, or 403): elements show
 * that state instead of a generic error.
 */
export function isAccessError(error: unknown): error is ResellerApiError {
  return error instanceof AuthError || error instanceof ForbiddenError;
}

/**
 * Is there a `<reseller-provider>` around `node` (across shadow roots) that is not defined yet? Then
 * a context request from `node` went unanswered, and must be asked again once the provider upgrades
 * (the ApiController for the client, the LocaleController for locale and strings).
 */
export function hasUndefinedProviderAround(node: Element): boolean {
  if (customElements.get(PROVIDER_TAG)) return false;
  let current: Node | null = node;
  while (current) {
    const parent: Node | null = current.parentNode;
    if (parent instanceof ShadowRoot) current = parent.host;
    else current = parent;
    if (current instanceof Element && current.localName === PROVIDER_TAG) return true;
  }
  return false;
}

/**
 * For `disconnectedCallback`: runs `fn` once `host` has really left the page. A move (out and back
 * in within the same task, e.g. a host re-parenting it) does not run it.
 */
export function whenRemoved(host: Element, fn: () => void): void {
  queueMicrotask(() => {
    if (!host.isConnected) fn();
  });
}

/** For `disconnectedCallback`: aborts a running save only when `host` is really removed (see `whenRemoved`). */
export function abortWhenRemoved(host: HTMLElement, abort: AbortController | null | undefined): void {
  if (abort) whenRemoved(host, () => abort.abort());
}
