/**
 * The connection properties every data element (and `<reseller-provider>`) takes, written once:
 * the `api-base`, `auth` and `credentials-timeout` attributes and the `token` / `getToken`
 * properties. `ApiController` reads them (see src/controllers/api-controller.ts for which client
 * wins, and how an element waits for credentials).
 *
 * ```ts
 * export class ResellerUserList extends ConnectionMixin(LitElement) { … }
 * ```
 */
import type {LitElement} from 'lit';
import {property} from 'lit/decorators.js';
import type {AuthMode} from '../../api/client.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mixin pattern needs a constructor of any arguments
type Constructor<T> = new (...args: any[]) => T;

/** The properties `ConnectionMixin` adds. */
export declare class Connection {
  /** Base URL of the Reseller API (default: the provider's, else `/api/v3/reseller`). */
  apiBase: string | null;
  /** Bearer token (property only, never an attribute). */
  token: string | null;
  /** Returns a fresh token; called when there is none yet and once after a 401 (property only). */
  getToken: (() => Promise<string> | string) | null;
  /** `cookie`: the API authenticates by the browser's cookies, so requests need no token. */
  auth: AuthMode | null;
  /** How long to wait for credentials before showing "not configured" (ms; default 10 000; 0 waits for ever). */
  credentialsTimeout: number | null;
}

/** Adds `apiBase` (attribute `api-base`), `token` and `getToken` to a Lit element class. */
export function ConnectionMixin<T extends Constructor<LitElement>>(base: T): Constructor<Connection> & T {
  class ConnectedElement extends base {
    /** Base URL of the Reseller API, absolute or relative to the page (default: the provider's, else `/api/v3/reseller`). */
    @property({attribute: 'api-base'}) apiBase: string | null = null;
    /** Bearer token (property only, never an attribute). */
    @property({attribute: false}) token: string | null = null;
    /** Returns a fresh token; called when there is none yet and once after a 401 (property only). */
    @property({attribute: false}) getToken: (() => Promise<string> | string) | null = null;
    /**
     * `cookie`: the API authenticates by the browser's cookies (a session, a same-origin proxy), so
     * requests go without a token (`credentials: 'include'`). Unset (or `token`), nothing is sent
     * before a `token` or `getToken` arrives. Any other value warns once and counts as unset.
     */
    @property() auth: AuthMode | null = null;
    /** How long to wait for credentials before showing "not configured" (ms; default 10 000; 0 waits for ever). */
    @property({type: Number, attribute: 'credentials-timeout'}) credentialsTimeout: number | null = null;

    override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
      super.attributeChangedCallback(name, old, value);
      // A bad value warns once (per change) and counts as unset (ApiController only honours `cookie`).
      if (name === 'auth' && value !== old && value && value !== 'token' && value !== 'cookie') console.warn(`<${this.localName}>: auth="${value}" is not token or cookie`);
    }
  }
  return ConnectedElement;
}
