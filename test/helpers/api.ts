/**
 * Calls to the tenant's API from a browser test (setup and checks, not through the element): the
 * sandbox answers them on the test page's origin.
 */
import type {Customer, CustomerCreate} from '../../src/contract/schemas.js';
import {API_BASE, type Tenant} from './sandbox.js';

/**
 * Calls `method path` with the tenant's token. An object body is sent as JSON; a Blob, string or
 * byte array as it is (with `type`, default application/octet-stream). Resolves with the JSON
 * answer (undefined for 204); any other status throws with the server's error body.
 */
export async function api<T>(tenant: Pick<Tenant, 'token'>, method: string, path: string, body?: unknown, type?: string): Promise<T> {
  const raw = body instanceof Blob || typeof body === 'string' || body instanceof ArrayBuffer || ArrayBuffer.isView(body);
  const response = await fetch(`${API_BASE}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${tenant.token}`,
      ...(body !== undefined ? {'content-type': type ?? (raw ? 'application/octet-stream' : 'application/json')} : {}),
    },
    body: body === undefined ? undefined : raw ? (body as BodyInit) : JSON.stringify(body),
  });
  if (!response.ok) {
    const text = await response.text().catch(() => '(no body)');
    throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Creates a customer through the API. */
export const createCustomer = (tenant: Pick<Tenant, 'token'>, body: CustomerCreate) => api<Customer>(tenant, 'POST', '/customers', body);

/** Whether the customer exists on the server: 200 yes, 404 no; any other answer throws. */
export async function customerExists(tenant: Pick<Tenant, 'token'>, id: number): Promise<boolean> {
  const response = await fetch(`${API_BASE}/customers/${id}`, {headers: {authorization: `Bearer ${tenant.token}`}});
  if (response.status === 404) return false;
  if (!response.ok) throw new Error(`GET /customers/${id} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return true;
}
