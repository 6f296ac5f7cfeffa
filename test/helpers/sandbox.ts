/**
 * Browser-test helpers for the sandbox's control API (`/__sandbox`, see CONTRIBUTING.md).
 *
 * The test runner mounts the sandbox on its own origin, so every call goes to `location.origin`.
 * Every test makes its own tenant: nothing is shared or leaked between tests.
 */
import {waitFor} from './wait.js';

/** One fault-injection rule (CONTRIBUTING.md, "Test and story control API"). */
export interface FaultRule {
  /** GET, POST, ... (any when absent). */
  method?: string;
  /** Matched against the path after /api/v3/reseller; '*' wildcards; any when absent. */
  path?: string;
  /** Answer with this status and a contract error body. */
  status?: number;
  /** Malformed JSON, or valid JSON that breaks the schema. */
  body?: 'malformed' | 'invalid';
  /** Answer with exactly this text as an application/json body (status 200 unless `status` is given; ≤ 60 000 characters). */
  body_raw?: string;
  /** Added latency (applies before the real or faulty answer). */
  delay_ms?: number;
  /** Destroy the connection (a network error in the browser). */
  drop?: boolean;
  /** With status 429/503: Retry-After seconds. */
  retry_after?: number;
  /** Apply to this many matching requests, then stop (unlimited when absent). */
  times?: number;
  /** With `status`: the error body's message (default "Injected fault"). */
  message?: string;
  /** With `status` (422): the error body's field messages. */
  fields?: Record<string, string>;
}

/** One API request the sandbox saw for a tenant (`GET /__sandbox/requests`). */
export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  idempotency_key: string | null;
  if_match: string | null;
  status: number;
  at: string;
  /** The client went away before the answer was sent (then `status` is 499). */
  aborted: boolean;
  /** An audited change (sandbox/faults.ts `AuditEntry`): who changed what; null for other requests. */
  audit: {actor: {token_id: number; prefix: string; role: string}; target: string; changes: Record<string, {from: unknown; to: unknown}>} | null;
}

export interface TenantOptions {
  /** Number of seeded customers (sandbox default 30). */
  customers?: number;
  /** Seed for the data generator; by default the n-th tenant of a test file gets seed 100 000 + n. */
  seed?: number;
  name?: string;
}

export interface Tenant {
  tenantId: number | string;
  name: string;
  /** Bearer token of a RESELLER user of the tenant. */
  token: string;
  /** Bearer token of a RESELLEE user (for role-gating tests). */
  reselleeToken: string;
}

/** The API base the elements use by default, on the test page's origin. */
export {API_BASE_PATH as API_BASE} from '../../src/contract/constants.js';

async function control(method: string, path: string, token?: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(new URL(`/__sandbox${path}`, location.origin), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    const text = await res.text().catch(() => '');
    throw new Error(`sandbox control ${method} /__sandbox${path} answered ${res.status}: ${text.slice(0, 300)}`);
  }
  return res;
}

/**
 * Seeds for tenants created without one. Each test file runs in its own page and its tests run in
 * order, so the n-th tenant of a file always has the same data: a test that depends on a property
 * of the generated data (an Arabic name, a quota that gives exactly 100 %) fails on every run, not
 * once in a while on a fresh clone.
 */
let tenantsCreated = 0;

/** Creates a fresh, isolated reseller tenant with seeded data (reproducible: see `tenantsCreated`). */
export async function createTenant(opts: TenantOptions = {}): Promise<Tenant> {
  const res = await control('POST', '/tenants', undefined, {...opts, seed: opts.seed ?? 100_000 + ++tenantsCreated});
  const json = (await res.json()) as {tenant_id: number | string; name: string; tokens: {reseller: string; resellee: string}};
  return {tenantId: json.tenant_id, name: json.name, token: json.tokens.reseller, reselleeToken: json.tokens.resellee};
}

/** Adds a transcript to a customer of the tenant (control API): any title and segment text, any duration. */
export async function createTranscript(token: string, body: {
  customer_id: number; title: string; status?: string; language?: string; documents?: string[];
  duration_seconds?: number; segments?: Array<{speaker: string; text: string}>;
}): Promise<number> {
  return ((await (await control('POST', '/transcripts', token, body)).json()) as {id: number}).id;
}

/** The invited user accepts their invitation (control API), as they would from the email: invited → active. */
export async function acceptInvitation(token: string, userId: number): Promise<void> {
  await control('POST', `/users/${userId}/accept`, token);
}

/** What the sandbox would have emailed users of the tenant (invitations and resends), newest first. */
export async function invitationOutbox(token: string): Promise<{user_id: number; recipient: string; resend: boolean}[]> {
  return ((await (await control('GET', '/invitations', token)).json()) as {data: {user_id: number; recipient: string; resend: boolean}[]}).data;
}

/** Runs the monthly reports' month-end job as on `date` (`YYYY-MM-DD`) for the tenant: the report of the month before. */
export async function monthEnd(token: string, date: string): Promise<{period: string; report_id: number | null; outcome: string}[]> {
  return ((await (await control('POST', '/reports/month-end', token, {date})).json()) as {data: {period: string; report_id: number | null; outcome: string}[]}).data;
}

/** Replaces the tenant's fault rules. */
export async function setFaults(token: string, rules: FaultRule[]): Promise<void> {
  await control('PUT', '/faults', token, {rules});
}

/** Clears the tenant's fault rules. */
export async function clearFaults(token: string): Promise<void> {
  await control('DELETE', '/faults', token);
}

/** The tenant's recent API requests, oldest first. */
export async function requests(token: string): Promise<RecordedRequest[]> {
  const res = await control('GET', '/requests', token);
  return ((await res.json()) as {data: RecordedRequest[]}).data;
}

/** Clears the tenant's request log. */
export async function clearRequests(token: string): Promise<void> {
  await control('DELETE', '/requests', token);
}

/** A `X-Sandbox-Fault` header value for one request. */
export function faultHeader(rule: FaultRule): Record<string, string> {
  return {'x-sandbox-fault': JSON.stringify(rule)};
}

/** Starts a simulation (control API): `count` transcriptions for the customer, finished every `interval_ms`. */
export async function simulate(token: string, body: {customer_id: number; count?: number; interval_ms?: number; duration_seconds?: number; fail_every?: number}): Promise<number[]> {
  return ((await (await control('POST', '/simulate', token, body)).json()) as {transcript_ids: number[]}).transcript_ids;
}

/** The tenant's live channel as the sandbox counts it: open event streams, running simulations, last event id. */
export async function liveState(token: string): Promise<{connections: number; simulations: number; last_id: number}> {
  return (await control('GET', '/live', token)).json() as Promise<{connections: number; simulations: number; last_id: number}>;
}

/** Breaks the tenant's open event streams abruptly (a network failure for the client). */
export async function dropLive(token: string): Promise<number> {
  return ((await (await control('DELETE', '/live', token)).json()) as {dropped: number}).dropped;
}

/** Waits until the sandbox counts exactly `n` open event streams for the tenant (`why`: what should have made it so). */
export function connections(t: Pick<Tenant, 'token'>, n: number, why: string): Promise<true> {
  return waitFor(async () => (await liveState(t.token)).connections === n, `${n} open event streams (${why})`, {
    observe: async () => `the sandbox counts ${(await liveState(t.token)).connections}`,
  });
}
