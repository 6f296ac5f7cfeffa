/**
 * `ApiController`: how every element gets its `ResellerClient`.
 *
 * ```ts
 * class ResellerCustomerDetail extends ConnectionMixin(LitElement) {
 *   @property({type: Number, attribute: 'customer-id'}) customerId = 0;
 *   readonly #customer = new ResourceController(this, {
 *     args: () => [this.customerId] as const,
 *     load: (client, [id], {signal}) => client.getCustomer(id, {signal}),
 *   });
 * }
 * ```
 *
 * Where the client comes from, first match wins:
 * 1. the element's own config: its `api-base` or `auth` attribute, `token` or `getToken` property (any set);
 * 2. the nearest `<reseller-provider>` (context, subscribed: a new client re-renders the host, so
 *    a task with the client in its `args` runs again);
 * 3. while a `<reseller-provider>` around the element is not defined yet: nothing yet (below);
 * 4. no provider and no own config: nothing yet (below).
 *
 * **Waiting for credentials.** A client is used only once it is configured: a `token` or `getToken`,
 * or `auth="cookie"` (the API authenticates by the browser's cookies). Until then `client` is a
 * stand-in whose requests wait and send nothing, so the element shows its loading state; when the
 * credentials arrive, the client changes, the host updates (properties set in the same tick are
 * batched into that update) and its tasks run once with the host's properties as they are then.
 * After `credentials-timeout` ms (the element's, else the provider's, else 10 000; 0 waits for
 * ever) the stand-in's requests fail with `NotConfiguredError` (the "not configured" state) and
 * one console warning names what is missing; credentials that arrive later still start the element.
 *
 * Clients built here (own config) report failures as `ResellerRequestErrorEvent`/`ResellerAuthErrorEvent`
 * from the host element; a provider's client reports them from the provider.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {ContextEvent as ContextRequestEvent} from '@lit/context';
import {ResellerClient, type AuthMode, type ResellerClientOptions} from '../api/client.js';
import {AuthError, ForbiddenError, NotConfiguredError, type ResellerApiError} from '../api/errors.js';
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
  /** `cookie`: the API authenticates by cookie, no token needed. */
  auth?: AuthMode | null;
  /** How long to wait for credentials before the "not configured" state (ms; 0: for ever). */
  credentialsTimeout?: number | null;
}

/** Where the current client comes from. */
export type ClientSource = 'own' | 'provider' | 'pending' | 'default';

/** Result of a role check: a RESELLER token, another role, or no valid token at all. */
export type ResellerAccess = 'granted' | 'denied' | 'unauthenticated';

/** How long an element waits for credentials by default before it shows "not configured". */
export const DEFAULT_CREDENTIALS_TIMEOUT_MS = 10_000;

const PROVIDER_TAG = 'reseller-provider';

/** Stand-in clients (an element waiting for credentials provides one to its tabs: they wait too, and only it warns). */
const standIns = new WeakSet<ResellerClient>();

/** The stand-in client while credentials are missing, and its deadline. */
interface Waiting {
  client: ResellerClient;
  fail: (error: NotConfiguredError) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
  expired: boolean;
}

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
  #waiting: Waiting | undefined;

  /**
   * @param options client options for clients built here (timeouts, retry, cache, fetch); a
   *   provider's client has its own.
   */
  constructor(host: ApiHost, options: Omit<ResellerClientOptions, 'baseUrl' | 'token' | 'getToken'> = {}) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /**
   * The client to use now. Put it in a task's `args` so a new client runs the task again. Until
   * credentials are configured, a stand-in whose requests wait (see the module comment).
   */
  get client(): ResellerClient {
    const client = this.#candidate();
    if (client?.configured) {
      this.#stopWaiting();
      return client;
    }
    return this.#stillWaiting();
  }

  /** Where `client` comes from now. */
  get source(): ClientSource {
    const host = this.#host;
    if (host.apiBase || host.token || host.getToken || host.auth === 'cookie') return 'own';
    if (this.#provided) return 'provider';
    if (this.#waitingForProvider || (this.#answered && !this.#provided)) return 'pending';
    return 'default';
  }

  /** Whether the element has credentials (or the cookie opt-in) and may send requests. */
  get configured(): boolean {
    return !!this.#candidate()?.configured;
  }

  /** Whether the wait for credentials timed out (the element shows "not configured"). */
  get notConfigured(): boolean {
    return !!this.#waiting?.expired;
  }

  /** Whether the caller is a reseller (`GET /me`, cached per token). */
  access(options: {signal?: AbortSignal} = {}): Promise<ResellerAccess> {
    return resellerAccess(this.client, options);
  }

  hostConnected(): void {
    // Ask the (possibly new) surroundings afresh; until then the last provider's client stays, so
    // an update of a detached element (a lazy module resolving after removal) never swaps in
    // another client and fires a request for nothing.
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
    if (this.#waiting && !this.#waiting.expired) this.#arm(this.#waiting);
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    // #provided is kept while detached (see hostConnected). The deadline pauses while detached.
    if (this.#waiting) {
      clearTimeout(this.#waiting.timer);
      this.#waiting.timer = undefined;
    }
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

  /** The client credentials would come from (own or the provider's), configured or not. */
  #candidate(): ResellerClient | undefined {
    switch (this.source) {
      case 'own':
        return this.#ownClient();
      case 'provider':
        return this.#provided;
      default:
        return undefined;
    }
  }

  #stillWaiting(): ResellerClient {
    if (!this.#waiting) {
      let fail!: (error: NotConfiguredError) => void;
      const ready = new Promise<never>((_, reject) => (fail = reject));
      ready.catch(() => {}); // handled by each request that waits on it
      const client = new ResellerClient({...this.#options, ready});
      standIns.add(client);
      this.#waiting = {client, fail, timer: undefined, expired: false};
    }
    if (this.#host.isConnected && !this.#waiting.expired) this.#arm(this.#waiting);
    return this.#waiting.client;
  }

  #arm(waiting: Waiting): void {
    if (waiting.timer !== undefined) return;
    const ms = this.#timeoutMs();
    if (!(ms > 0) || !Number.isFinite(ms)) return; // 0 (or nonsense): wait for ever
    waiting.timer = setTimeout(() => this.#expire(waiting, ms), ms);
  }

  #expire(waiting: Waiting, ms: number): void {
    waiting.timer = undefined;
    if (waiting !== this.#waiting || this.configured) return;
    waiting.expired = true;
    const missing = this.#missing();
    // Inside an element that waits itself (a detail's tabs): that element says it, once.
    if (!(this.#provided && standIns.has(this.#provided)))
      console.warn(`<${this.#host.localName}>: not configured after ${ms} ms: ${missing}. It sends no request until then (credentials-timeout sets the wait).`);
    waiting.fail(new NotConfiguredError(missing));
    this.#host.requestUpdate();
  }

  #stopWaiting(): void {
    if (!this.#waiting) return;
    clearTimeout(this.#waiting.timer);
    this.#waiting = undefined;
  }

  /** The element's `credentials-timeout`, else the nearest provider's, else the default. */
  #timeoutMs(): number {
    const own = this.#host.credentialsTimeout;
    if (own !== null && own !== undefined) return own;
    const provider = providerAround(this.#host) as (Element & {credentialsTimeout?: number | null}) | null;
    return provider?.credentialsTimeout ?? DEFAULT_CREDENTIALS_TIMEOUT_MS;
  }

  /** What the host did not set, in words. */
  #missing(): string {
    const fix = 'set `token` or `getToken` (properties), or `auth="cookie"` when the API authenticates by cookie';
    switch (this.source) {
      case 'own':
        return `it has its own api-base but no token or getToken: ${fix} on the element`;
      case 'provider':
        return `the <reseller-provider> around it has no token or getToken: ${fix} on the provider`;
      case 'pending':
        return 'the <reseller-provider> around it was never defined (load reseller-elements/define/provider or the define entry)';
      default:
        return `no token or getToken and no <reseller-provider> around it: ${fix} on the element or a provider around it`;
    }
  }

  #ownClient(): ResellerClient {
    const {apiBase, token, getToken, auth} = this.#host;
    const key = [apiBase || null, token || null, !!getToken, auth === 'cookie'];
    if (!this.#own || key.some((v, i) => v !== this.#ownKey[i])) {
      this.#ownKey = key;
      this.#own = this.#build({
        baseUrl: apiBase,
        token,
        // Reads the property at call time, so a new function does not need a new client.
        getToken: getToken ? () => this.#host.getToken!() : null,
        auth: auth === 'cookie' ? 'cookie' : 'token',
      });
    }
    return this.#own;
  }

  #build(config: Pick<ResellerClientOptions, 'baseUrl' | 'token' | 'getToken' | 'auth'>): ResellerClient {
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
  return !customElements.get(PROVIDER_TAG) && providerAround(node) !== null;
}

/** The nearest `<reseller-provider>` around `node`, across shadow roots (the one that answers its context requests). */
export function providerAround(node: Element): Element | null {
  let current: Node | null = node;
  while (current) {
    const parent: Node | null = current.parentNode;
    if (parent instanceof ShadowRoot) current = parent.host;
    else current = parent;
    if (current instanceof Element && current.localName === PROVIDER_TAG) return current;
  }
  return null;
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
