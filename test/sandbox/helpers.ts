/** Node-test helpers: one in-memory sandbox per test file, one fresh tenant per test. */
import {after} from 'node:test';
import {HARNESS_CONTROL} from '../../sandbox/control.js';
import type {Sandbox} from '../../sandbox/index.js';
import {createTestSandbox} from './postgres.js';

export const BASE = 'http://sandbox.test/api/v3/reseller';

export interface Tenant {
  tenantId: number;
  name: string;
  token: string;
  reselleeToken: string;
}

export interface Call {
  status: number;
  headers: Headers;
  /** Parsed JSON when the response is JSON, else the text. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
}

let shared: Promise<Sandbox> | null = null;
// Registered at import (top level), so it runs after all of the file's tests.
after(async () => {
  if (shared) await (await shared).close();
});

/** The file's sandbox (in memory, unseeded, control API on; or a fresh PostgreSQL database, see postgres.ts), closed after the file's tests. */
export function sandbox(): Promise<Sandbox> {
  shared ??= createTestSandbox({seed: false, control: HARNESS_CONTROL});
  return shared;
}

export async function raw(path: string, init: RequestInit = {}): Promise<Response> {
  const sb = await sandbox();
  return sb.fetch(new Request(path.startsWith('http') ? path : BASE + path, init));
}

export async function call(
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Call> {
  const h: Record<string, string> = {...headers};
  if (token) h.authorization = `Bearer ${token}`;
  let payload: BodyInit | undefined;
  if (body !== undefined) {
    payload = typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body);
    h['content-type'] ??= 'application/json';
  }
  const res = await raw(path, {method, headers: h, body: payload});
  const text = await res.text();
  let parsed: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json') && text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return {status: res.status, headers: res.headers, body: parsed, text};
}

/** The admin-secret header of the file's sandbox (the control API needs it). */
export async function adminHeaders(): Promise<Record<string, string>> {
  return {'x-sandbox-admin': (await sandbox()).adminSecret!};
}

/** A control API call with the admin secret (`token` picks the tenant it is about). */
export async function control(method: string, path: string, token?: string, body?: unknown): Promise<Call> {
  return call(token ?? null, method, `http://sandbox.test/__sandbox${path}`, body, await adminHeaders());
}

let seedCounter = 1000;
export async function tenant(opts: {customers?: number; seed?: number; name?: string} = {}): Promise<Tenant> {
  const body = {customers: 12, seed: seedCounter++, ...opts};
  let res = await control('POST', '/tenants', undefined, body);
  // Tenant creation is rate-limited (control.ts): wait as asked, like any client that honours Retry-After.
  for (let tries = 0; res.status === 429 && tries < 3; tries++) {
    await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 1000));
    res = await control('POST', '/tenants', undefined, body);
  }
  if (res.status !== 201) throw new Error(`tenant: ${res.status} ${res.text}`);
  return {tenantId: res.body.tenant_id, name: res.body.name, token: res.body.tokens.reseller, reselleeToken: res.body.tokens.resellee};
}

/** A customer id of the tenant (the first by id). */
export async function firstCustomer(t: Tenant): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return (await call(t.token, 'GET', '/customers?sort=id')).body.data[0];
}

export const today = () => new Date().toISOString().slice(0, 10);

/** A seeded invited user of the tenant (the seed sends no invitations, so a resend may go at once): its customer and id. */
export async function invitedUser(t: Tenant): Promise<{customerId: number; userId: number; email: string}> {
  const customers = (await call(t.token, 'GET', '/customers?sort=id&per_page=100')).body.data as {id: number}[];
  for (const c of customers) {
    const u = ((await call(t.token, 'GET', `/customers/${c.id}/users`)).body.data as {id: number; email: string; status: string}[]).find((x) => x.status === 'invited');
    if (u) return {customerId: c.id, userId: u.id, email: u.email};
  }
  throw new Error(`tenant ${t.tenantId} has no seeded invited user (seed more customers)`);
}
