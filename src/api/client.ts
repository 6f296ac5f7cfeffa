/**
 * `ResellerClient`: the one way the kit talks to the Reseller API. One method per endpoint, each
 * describing its call (method, path, query, body, the contract schema of the answer) for the HTTP
 * engine in `http-engine.ts`, which does the fetching, validation, retries and backoff,
 * `Idempotency-Key`s, `If-Match`, the 401 refresh, 429 `Retry-After`, dedupe, cache and typed errors
 * (read its header for the rules).
 *
 * The token lives only in the engine's private field: never in a URL, attribute, log, storage or
 * error message.
 */
import type {
  AggregateUsage as AggregateUsageT, Billing as BillingT, Branding as BrandingT, BrandingUpdate, Customer as CustomerT,
  CustomerCreate, CustomerListQuery, CustomerPage as CustomerPageT, CustomerUpdate,
  CustomerUsage as CustomerUsageT, DocumentListQuery, DocumentPage as DocumentPageT, Me as MeT, Plan,
  Report as ReportT, ReportGenerate, ReportListQuery, ReportPage as ReportPageT, ReportSettings as ReportSettingsT, ReportSettingsUpdate,
  Subscription as SubscriptionT, SubscriptionUpdate, Token, TokenCreate, TokenCreated as TokenCreatedT, TokenUpdate,
  EventPage as EventPageT, EventQuery, TranscriptContent as TranscriptContentT, TranscriptContentQuery, TranscriptDocument, TranscriptListQuery, TranscriptPage as TranscriptPageT, UsageExportQuery, UsageQuery,
  User as UserT, UserInvite, UserUpdate, Invitation as InvitationT,
} from '../contract/schemas.js';
import {
  HttpEngine, LONG_TTL_MS, NOT_SETTLED,
  type CallOptions, type GetOptions, type ResellerClientObserver, type ResellerClientOptions, type UpdateOptions, type WriteOptions,
} from './http-engine.js';

export {DEFAULT_BASE_URL, NOT_SETTLED} from './http-engine.js';
export type {
  AuthMode, CallOptions, GetOptions, ResellerClientObserver, ResellerClientOptions, RetryOptions, UpdateOptions, WriteOptions,
} from './http-engine.js';

export class ResellerClient {
  /** The API base URL, absolute, without a trailing slash. */
  readonly baseUrl: string;
  readonly #http: HttpEngine;

  /**
   * Whether the elements using this client follow live events (src/live/): `<reseller-provider live>`
   * sets it on the client it provides. Off by default.
   */
  live = false;

  constructor(options: ResellerClientOptions = {}) {
    this.#http = new HttpEngine(options);
    this.baseUrl = this.#http.baseUrl;
  }

  // -------------------------------------------------------------------------------------------
  // Client state

  /** Whether the client has a token or a way to get one. */
  get hasCredentials(): boolean {
    return this.#http.hasCredentials;
  }

  /**
   * Whether the client may send requests: it has a token or `getToken`, or `auth: 'cookie'` said
   * the API needs none. The elements hold their requests until their client is configured.
   */
  get configured(): boolean {
    return this.#http.configured;
  }

  /** Replaces the token (for example after the host's own login); drops cached results. */
  setToken(token: string | null): void {
    this.#http.setToken(token);
  }

  /** Adds failure hooks (the provider uses this); returns the function that removes them. */
  subscribe(observer: ResellerClientObserver): () => void {
    return this.#http.subscribe(observer);
  }

  /**
   * The ETag the server sent with this object (a customer from `getCustomer` or `updateCustomer`),
   * for `updateCustomer(id, patch, {etag})`. Objects from lists have none.
   */
  etagOf(value: object | null | undefined): string | undefined {
    return this.#http.etagOf(value);
  }

  /**
   * The value of a promise this client's read answered from its cache (fresh, already resolved), or
   * `NOT_SETTLED` for any other promise: the elements render cached data in their first update
   * with it instead of a loading state. Only the promise a read method returned counts (not one
   * chained from it).
   */
  settled<T>(answer: Promise<T>): T | typeof NOT_SETTLED {
    return this.#http.settled(answer);
  }

  /**
   * Drops cached GET results whose path starts with `path` (all when omitted), so the next read
   * asks the server. Requests in flight finish for their callers but are not reused.
   */
  invalidate(path = ''): void {
    this.#http.invalidate(path);
  }

  // -------------------------------------------------------------------------------------------
  // Customers

  /** `GET /customers`: one page, with `total`. */
  listCustomers(query: CustomerListQuery = {}, options?: GetOptions): Promise<CustomerPageT> {
    return this.#http.get({method: 'GET', path: '/customers', query, schema: 'CustomerPage'}, options);
  }

  /** `GET /customers/{id}`. Its ETag: `client.etagOf(customer)`. */
  getCustomer(id: number, options?: GetOptions): Promise<CustomerT> {
    return this.#http.get({method: 'GET', path: `/customers/${seg(id)}`, schema: 'Customer'}, options);
  }

  /** `POST /customers` (idempotent: retried with the same key). */
  createCustomer(body: CustomerCreate, options?: WriteOptions): Promise<CustomerT> {
    return this.#http.write({method: 'POST', path: '/customers', json: body, schema: 'Customer'}, options);
  }

  /**
   * `PATCH /customers/{id}` with `If-Match: options.etag`. A stale ETag → `ConflictError`; to
   * overwrite anyway, read the fresh ETag (`getCustomer(id, {fresh: true})`) and send again.
   * The returned customer carries the new ETag (`etagOf`).
   */
  updateCustomer(id: number, patch: CustomerUpdate, options: UpdateOptions = {}): Promise<CustomerT> {
    return this.#http.mutate({method: 'PATCH', path: `/customers/${seg(id)}`, json: patch, schema: 'Customer', ifMatch: options.etag}, options);
  }

  /** `DELETE /customers/{id}` (permanent). */
  deleteCustomer(id: number, options?: CallOptions): Promise<void> {
    return this.#http.mutate({method: 'DELETE', path: `/customers/${seg(id)}`}, options);
  }

  /** `GET /customers/{id}/usage`: daily usage over [from, to] and the billing period. */
  getCustomerUsage(id: number, query: UsageQuery = {}, options?: GetOptions): Promise<CustomerUsageT> {
    return this.#http.get({method: 'GET', path: `/customers/${seg(id)}/usage`, query, schema: 'CustomerUsage'}, options);
  }

  // -------------------------------------------------------------------------------------------
  // Usage

  /** `GET /usage`: reseller-wide usage over [from, to]. */
  getUsage(query: UsageQuery = {}, options?: GetOptions): Promise<AggregateUsageT> {
    return this.#http.get({method: 'GET', path: '/usage', query, schema: 'AggregateUsage'}, options);
  }

  /** `GET /usage/export`: the CSV as a Blob (the token cannot go in a link, so no URL is offered). */
  exportUsage(query: UsageExportQuery = {}, options?: CallOptions): Promise<Blob> {
    return this.#http.blob({method: 'GET', path: '/usage/export', query}, options);
  }

  // -------------------------------------------------------------------------------------------
  // Plans and subscriptions

  /** `GET /plans` (cached for minutes: plans rarely change). */
  async getPlans(options?: GetOptions): Promise<Plan[]> {
    return (await this.#http.get<{data: Plan[]}>({method: 'GET', path: '/plans', schema: 'PlanList', ttlMs: LONG_TTL_MS}, options)).data;
  }

  /** `GET /customers/{id}/subscription`. */
  getSubscription(customerId: number, options?: GetOptions): Promise<SubscriptionT> {
    return this.#http.get({method: 'GET', path: `/customers/${seg(customerId)}/subscription`, schema: 'Subscription'}, options);
  }

  /** `GET /customers/{id}/billing` (kit extension): the current period's amount so far and the past periods. */
  getBilling(customerId: number, options?: GetOptions): Promise<BillingT> {
    return this.#http.get({method: 'GET', path: `/customers/${seg(customerId)}/billing`, schema: 'Billing'}, options);
  }

  /** `PUT /customers/{id}/subscription`: change plan (idempotent: retried with the same key). */
  updateSubscription(customerId: number, body: SubscriptionUpdate, options?: WriteOptions): Promise<SubscriptionT> {
    return this.#http.write({method: 'PUT', path: `/customers/${seg(customerId)}/subscription`, json: body, schema: 'Subscription'}, options);
  }

  // -------------------------------------------------------------------------------------------
  // Tokens

  /** `GET /customers/{id}/tokens`. */
  async listTokens(customerId: number, options?: GetOptions): Promise<Token[]> {
    return (await this.#http.get<{data: Token[]}>({method: 'GET', path: `/customers/${seg(customerId)}/tokens`, schema: 'TokenList'}, options)).data;
  }

  /** `POST /tokens`: the answer holds the secret, once. Never cached. */
  createToken(body: TokenCreate, options?: WriteOptions): Promise<TokenCreatedT> {
    return this.#http.write({method: 'POST', path: '/tokens', json: body, schema: 'TokenCreated'}, options);
  }

  /** `PATCH /tokens/{id}`: replaces the token's permissions (at least one); the answer is the token. */
  updateToken(id: number, patch: TokenUpdate, options?: CallOptions): Promise<Token> {
    return this.#http.mutate({method: 'PATCH', path: `/tokens/${seg(id)}`, json: patch, schema: 'Token'}, options);
  }

  /** `DELETE /tokens/{id}`. */
  revokeToken(id: number, options?: CallOptions): Promise<void> {
    return this.#http.mutate({method: 'DELETE', path: `/tokens/${seg(id)}`}, options);
  }

  // -------------------------------------------------------------------------------------------
  // Users

  /** `GET /customers/{id}/users`. */
  async listUsers(customerId: number, options?: GetOptions): Promise<UserT[]> {
    return (await this.#http.get<{data: UserT[]}>({method: 'GET', path: `/customers/${seg(customerId)}/users`, schema: 'UserList'}, options)).data;
  }

  /** `POST /customers/{id}/users`. */
  inviteUser(customerId: number, body: UserInvite, options?: WriteOptions): Promise<UserT> {
    return this.#http.write({method: 'POST', path: `/customers/${seg(customerId)}/users`, json: body, schema: 'User'}, options);
  }

  /**
   * `PATCH /customers/{id}/users/{userId}`: change the name, the status or both. `status: 'active'`
   * reactivates a deactivated user (as `invited` when they never accepted); an invited user becomes
   * active only by accepting (409 `invitation_not_accepted`).
   */
  updateUser(customerId: number, userId: number, patch: UserUpdate, options?: CallOptions): Promise<UserT> {
    return this.#http.mutate({method: 'PATCH', path: `/customers/${seg(customerId)}/users/${seg(userId)}`, json: patch, schema: 'User'}, options);
  }

  /** `POST /customers/{id}/users/{userId}/invitation`: sends an invited user's invitation again (409 `user_not_invited` otherwise; 429 within a minute of the last resend or after 5 invitations in a day). */
  resendInvitation(customerId: number, userId: number, options?: WriteOptions): Promise<InvitationT> {
    return this.#http.write({method: 'POST', path: `/customers/${seg(customerId)}/users/${seg(userId)}/invitation`, schema: 'Invitation'}, options);
  }

  /** `DELETE /customers/{id}/users/{userId}`. */
  removeUser(customerId: number, userId: number, options?: CallOptions): Promise<void> {
    return this.#http.mutate({method: 'DELETE', path: `/customers/${seg(customerId)}/users/${seg(userId)}`}, options);
  }

  // -------------------------------------------------------------------------------------------
  // Transcripts and documents

  /** `GET /transcripts`: one page. */
  listTranscripts(query: TranscriptListQuery = {}, options?: GetOptions): Promise<TranscriptPageT> {
    return this.#http.get({method: 'GET', path: '/transcripts', query, schema: 'TranscriptPage'}, options);
  }

  /** `GET /transcripts/documents`: one page. */
  listDocuments(query: DocumentListQuery = {}, options?: GetOptions): Promise<DocumentPageT> {
    return this.#http.get({method: 'GET', path: '/transcripts/documents', query, schema: 'DocumentPage'}, options);
  }

  /** `GET /transcripts/{id}/content`: one page of a transcript's segments (`next_cursor` asks for the next). */
  getTranscriptContent(id: number, query: TranscriptContentQuery = {}, options?: GetOptions): Promise<TranscriptContentT> {
    return this.#http.get({method: 'GET', path: `/transcripts/${seg(id)}/content`, query, schema: 'TranscriptContent'}, options);
  }

  /**
   * `GET /events` as JSON: the live events after `query.after` (the polling fallback of the live
   * channel; without `after`, none and the id to start from). Always asks the server.
   */
  pollEvents(query: EventQuery = {}, options?: CallOptions): Promise<EventPageT> {
    return this.#http.get({method: 'GET', path: '/events', query, schema: 'EventPage'}, {...options, fresh: true});
  }

  /**
   * `GET /events` as a Server-Sent Events stream (`Accept: text/event-stream`, resuming after
   * `lastEventId`), authenticated like every call; the response with its body unread. The live
   * module (src/live/) reads it; most code subscribes through the provider instead.
   */
  openEventStream(lastEventId: string | null, signal: AbortSignal): Promise<Response> {
    return this.#http.stream('/events', {accept: 'text/event-stream', ...(lastEventId ? {'last-event-id': lastEventId} : {})}, signal);
  }

  /** `GET /transcripts/documents/{id}/download` as a Blob (a document or its id). */
  downloadDocument(document: number | Pick<TranscriptDocument, 'id'>, options?: CallOptions): Promise<Blob> {
    const id = typeof document === 'number' ? document : document.id;
    return this.#http.blob({method: 'GET', path: `/transcripts/documents/${seg(id)}/download`}, options);
  }

  // -------------------------------------------------------------------------------------------
  // Branding

  /** `GET /branding`. */
  getBranding(options?: GetOptions): Promise<BrandingT> {
    return this.#http.get({method: 'GET', path: '/branding', schema: 'Branding'}, options);
  }

  /** `PATCH /branding`: the brand colour. */
  updateBranding(body: BrandingUpdate, options?: CallOptions): Promise<BrandingT> {
    return this.#http.mutate({method: 'PATCH', path: '/branding', json: body, schema: 'Branding'}, options);
  }

  /** `PUT /branding/logo`: the image as the raw body, its type from `file.type`. */
  uploadLogo(file: Blob, options?: WriteOptions): Promise<BrandingT> {
    return this.#http.write({method: 'PUT', path: '/branding/logo', raw: file, schema: 'Branding'}, options);
  }

  /** `DELETE /branding/logo`. */
  deleteLogo(options?: CallOptions): Promise<BrandingT> {
    return this.#http.mutate({method: 'DELETE', path: '/branding/logo', schema: 'Branding'}, options);
  }

  // -------------------------------------------------------------------------------------------
  // Monthly usage reports

  /** `GET /reports`: one page of report summaries, newest month first. */
  listReports(query: ReportListQuery = {}, options?: GetOptions): Promise<ReportPageT> {
    return this.#http.get({method: 'GET', path: '/reports', query, schema: 'ReportPage'}, options);
  }

  /** `GET /reports/{id}`: a report with its per-plan and per-customer lines. */
  getReport(id: number, options?: GetOptions): Promise<ReportT> {
    return this.#http.get({method: 'GET', path: `/reports/${seg(id)}`, schema: 'Report'}, options);
  }

  /** `POST /reports`: make the report of `period` (default the current month) now; idempotent per month. */
  generateReport(body: ReportGenerate = {}, options?: WriteOptions): Promise<ReportT> {
    return this.#http.write({method: 'POST', path: '/reports', json: body, schema: 'Report'}, options);
  }

  /** `GET /reports/{id}/csv` or `/pdf` as a Blob. */
  downloadReport(id: number, format: 'csv' | 'pdf', options?: CallOptions): Promise<Blob> {
    return this.#http.blob({method: 'GET', path: `/reports/${seg(id)}/${format === 'pdf' ? 'pdf' : 'csv'}`}, options);
  }

  /** `GET /reports/settings`. */
  getReportSettings(options?: GetOptions): Promise<ReportSettingsT> {
    return this.#http.get({method: 'GET', path: '/reports/settings', schema: 'ReportSettings'}, options);
  }

  /** `PUT /reports/settings`: on/off and the recipients (replaced as a whole). */
  updateReportSettings(body: ReportSettingsUpdate, options?: WriteOptions): Promise<ReportSettingsT> {
    return this.#http.write({method: 'PUT', path: '/reports/settings', json: body, schema: 'ReportSettings'}, options);
  }

  // -------------------------------------------------------------------------------------------
  // Me

  /** `GET /me`: organization and role (cached for minutes, per token). */
  getMe(options?: GetOptions): Promise<MeT> {
    return this.#http.get({method: 'GET', path: '/me', schema: 'Me', ttlMs: LONG_TTL_MS}, options);
  }
}

/** An id as one path segment. */
function seg(id: number | string): string {
  return encodeURIComponent(String(id));
}
