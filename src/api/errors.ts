/**
 * The client's typed errors. Every failure of a `ResellerClient` call is one of these (all extend
 * {@link ResellerApiError}), except an abort by the caller, which rejects with the signal's own
 * reason (a `DOMException` named `AbortError` by default) and is never reported to the host.
 *
 * ```
 * ResellerApiError
 * ├── NetworkError        the request never got an HTTP answer (offline, CORS, dropped connection)
 * ├── TimeoutError        no answer within `timeoutMs`
 * ├── HttpError           non-2xx answer, with the server's `{error: {code, message, fields}}`
 * │   ├── AuthError          401 (after one token refresh)
 * │   ├── ForbiddenError     403
 * │   ├── NotFoundError      404
 * │   ├── ConflictError      412 (stale If-Match: someone else changed the resource)
 * │   ├── ValidationError    422 (field messages in `fields`)
 * │   └── RateLimitError     429 (Retry-After beyond the cap, or retries used up)
 * └── SchemaError         the answer is not JSON, or does not match the contract (names the path)
 * ```
 *
 * Messages never contain the token: they name the method and the path (plus query) only.
 */

/** Which failure, for a `switch` without `instanceof` chains. */
export type ResellerErrorKind =
  | 'network' | 'timeout' | 'schema'
  | 'auth' | 'forbidden' | 'not-found' | 'conflict' | 'validation' | 'rate-limit'
  | 'client' | 'server' | 'not-configured';

/** Base class of every error the client throws (abort excepted). */
export class ResellerApiError extends Error {
  override name = 'ResellerApiError';
  readonly kind: ResellerErrorKind;
  /** HTTP method of the failed call, e.g. `GET`. */
  readonly method: string;
  /** Path under the API base, with its query string, e.g. `/customers?page=2`. */
  readonly path: string;
  constructor(kind: ResellerErrorKind, message: string, method: string, path: string, options?: {cause?: unknown}) {
    super(message, options);
    this.kind = kind;
    this.method = method;
    this.path = path;
  }
  /** Whether trying the same thing again later may help (network, timeout, 5xx, 429). */
  get transient(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'server' || this.kind === 'rate-limit';
  }
}

/**
 * An element was never given credentials: no `token` or `getToken` (on it or on the
 * `<reseller-provider>` around it) and no `auth="cookie"` within its `credentials-timeout`. No
 * request was sent; `missing` says what to set.
 */
export class NotConfiguredError extends ResellerApiError {
  override name = 'NotConfiguredError';
  /** What the host did not set, in words (for the console and logs). */
  readonly missing: string;
  constructor(missing: string) {
    super('not-configured', `Not configured: ${missing}`, '', '');
    this.missing = missing;
  }
}

/** The request got no HTTP answer: offline, DNS, CORS, or the connection was dropped. */
export class NetworkError extends ResellerApiError {
  override name = 'NetworkError';
  constructor(method: string, path: string, cause?: unknown) {
    super('network', `Network error on ${method} ${path}`, method, path, {cause});
  }
}

/** No answer within the client's `timeoutMs`. */
export class TimeoutError extends ResellerApiError {
  override name = 'TimeoutError';
  readonly timeoutMs: number;
  constructor(method: string, path: string, timeoutMs: number) {
    super('timeout', `${method} ${path} timed out after ${timeoutMs} ms`, method, path);
    this.timeoutMs = timeoutMs;
  }
}

export interface HttpErrorInit {
  method: string;
  path: string;
  status: number;
  /** The server's error code (`validation_failed`, `not_found`, ...), or `http_<status>` without a body. */
  code: string;
  message: string;
  /** Field (dotted path) → message, from the error body. */
  fields?: Record<string, string>;
  /** Field (dotted path) → code (`field_codes`: FIELD_ERROR_CODES, or a newer server's own). */
  fieldCodes?: Record<string, string>;
  /** Retry-After in milliseconds, when the server sent one. */
  retryAfterMs?: number | null;
}

/** A non-2xx answer. `status`, `code`, `message` and `fields` come from the `{error}` body. */
export class HttpError extends ResellerApiError {
  override name = 'HttpError';
  readonly status: number;
  readonly code: string;
  readonly fields: Readonly<Record<string, string>>;
  /** Field → code, for the fields the server gave one (the kit translates those). */
  readonly fieldCodes: Readonly<Record<string, string>>;
  readonly retryAfterMs: number | null;
  constructor(init: HttpErrorInit, kind: ResellerErrorKind = init.status >= 500 ? 'server' : 'client') {
    super(kind, init.message, init.method, init.path);
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? {};
    this.fieldCodes = init.fieldCodes ?? {};
    this.retryAfterMs = init.retryAfterMs ?? null;
  }
}

/** 401 that a token refresh did not cure (or no `getToken` to refresh with). */
export class AuthError extends HttpError {
  override name = 'AuthError';
  constructor(init: HttpErrorInit) {
    super(init, 'auth');
  }
}

/** 403: authenticated, but not allowed (for example a RESELLEE token on a reseller endpoint). */
export class ForbiddenError extends HttpError {
  override name = 'ForbiddenError';
  constructor(init: HttpErrorInit) {
    super(init, 'forbidden');
  }
}

/** 404: the resource does not exist (or belongs to another reseller). */
export class NotFoundError extends HttpError {
  override name = 'NotFoundError';
  constructor(init: HttpErrorInit) {
    super(init, 'not-found');
  }
}

/**
 * 412: the `If-Match` ETag is stale, someone else changed the resource since it was read. The UI
 * explains and offers to reload (drop the edit) or overwrite (read the fresh ETag with
 * `getCustomer(id, {fresh: true})` and send the edit again with it).
 */
export class ConflictError extends HttpError {
  override name = 'ConflictError';
  constructor(init: HttpErrorInit) {
    super(init, 'conflict');
  }
}

/** 422: the body broke the contract; `fields` maps each field (dotted path) to its message. */
export class ValidationError extends HttpError {
  override name = 'ValidationError';
  constructor(init: HttpErrorInit) {
    super(init, 'validation');
  }
}

/** 429 that the client did not wait out (Retry-After beyond the cap, or retries used up). */
export class RateLimitError extends HttpError {
  override name = 'RateLimitError';
  constructor(init: HttpErrorInit) {
    super(init, 'rate-limit');
  }
}

/**
 * The answer is not what the contract says: not JSON at all (`path` is empty), or JSON that fails
 * the schema. `at` names the first failing path, e.g. `data[3].email`.
 */
export class SchemaError extends ResellerApiError {
  override name = 'SchemaError';
  /** The first failing path in the body (`data[3].email`), or `''` when the body is not JSON. */
  readonly at: string;
  /** Every problem found, as `path: message`. */
  readonly issues: readonly string[];
  constructor(method: string, path: string, at: string, issues: readonly string[], cause?: unknown) {
    const what = issues.length ? issues[0] : 'not valid JSON';
    super('schema', `Unexpected response from ${method} ${path}: ${what}`, method, path, {cause});
    this.at = at;
    this.issues = issues;
  }
}

/** The HttpError subclass for a status. */
export function httpErrorFor(init: HttpErrorInit): HttpError {
  switch (init.status) {
    case 401: return new AuthError(init);
    case 403: return new ForbiddenError(init);
    case 404: return new NotFoundError(init);
    case 412: return new ConflictError(init);
    case 422: return new ValidationError(init);
    case 429: return new RateLimitError(init);
    default: return new HttpError(init);
  }
}

/** True for an abort (the caller's signal, or any `AbortError`): never shown, never reported. */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as {name?: unknown}).name === 'AbortError';
}

/** Formats a zod issue path as `data[3].email`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
