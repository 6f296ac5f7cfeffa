/** What every route handler gets: the database, the in-memory state, and the caller. */
import type {Context} from 'hono';
import type {Db} from './db.js';
import type {AuditEntry, SandboxState} from './faults.js';
import {ApiError, NO_STORE} from './http.js';
import type {LiveHub} from './live.js';
import {sha256Hex} from './tokens.js';

export interface Principal {
  tokenId: number;
  tenantId: number;
  role: 'RESELLER' | 'RESELLEE';
  userId: number | null;
  customerId: number | null;
}

export interface Deps {
  db: Db;
  state: SandboxState;
  /** Serialises concurrent requests that carry the same Idempotency-Key. */
  locks: Map<string, Promise<unknown>>;
  /** The live channel: events per reseller, open streams, simulations (live.ts). */
  live: LiveHub;
}

export type Env = {Variables: {principal: Principal | null; deps: Deps; audit?: AuditEntry}};
export type Ctx = Context<Env>;

/**
 * Valid sessions seen recently, per PGlite database (one process owns it): the token lookup is most
 * of the cost of a small request. Only successful lookups are kept, with their expiry; any request
 * that may change data (not GET/HEAD/OPTIONS, not answered by a fault) empties the cache, so a
 * revoked token, or one whose customer or user was deleted, is refused on the very next request.
 * A lookup that raced with such a change is not stored (the epoch moved on meanwhile).
 */
interface AuthCache {
  epoch: number;
  entries: Map<string, {principal: Principal; expiresAt: number}>;
}
const authCaches = new WeakMap<Db, AuthCache>();

/** Forgets every cached session of this database (after anything that may have changed tokens). */
export function invalidateSessions(db: Db): void {
  const cache = authCaches.get(db);
  if (!cache) return;
  cache.epoch++;
  cache.entries.clear();
}

/** Resolves `Authorization: Bearer <secret>` to a principal, or null (no, unknown, revoked or expired token). */
export async function authenticate(db: Db, header: string | undefined): Promise<Principal | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return null;
  const hash = sha256Hex(match[1]!);
  let cache = authCaches.get(db);
  if (!cache && db.kind === 'pglite') authCaches.set(db, (cache = {epoch: 0, entries: new Map()}));
  const hit = cache?.entries.get(hash);
  if (hit && hit.expiresAt > Date.now()) return {...hit.principal};
  const epoch = cache?.epoch;
  const {rows} = await db.query<{id: number; tenant_id: number; kind: string; user_id: number | null; customer_id: number | null; expires_at: Date | string | null}>(
    `SELECT id, tenant_id, kind, user_id, customer_id, expires_at FROM tokens t
     WHERE token_hash = $1 AND kind IN ('reseller', 'resellee') AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
       AND (user_id IS NULL OR EXISTS (SELECT 1 FROM users u WHERE u.id = t.user_id AND u.status <> 'inactive'))`,
    [hash],
  );
  const t = rows[0];
  if (!t) return null;
  const principal: Principal = {tokenId: t.id, tenantId: t.tenant_id, role: t.kind === 'reseller' ? 'RESELLER' : 'RESELLEE', userId: t.user_id, customerId: t.customer_id};
  if (cache && cache.epoch === epoch) {
    if (cache.entries.size >= 1000) cache.entries.clear();
    cache.entries.set(hash, {principal, expiresAt: t.expires_at === null ? Infinity : new Date(t.expires_at).getTime()});
  }
  return {...principal};
}

/** Any valid session (RESELLER or RESELLEE), else 401. */
export function requireSession(c: Ctx): Principal {
  const p = c.get('principal');
  if (!p) throw new ApiError(401);
  return p;
}

/** A RESELLER session, else 401 / 403. */
export function requireReseller(c: Ctx): Principal {
  const p = requireSession(c);
  if (p.role !== 'RESELLER') throw new ApiError(403, 'Reseller access required');
  return p;
}

/** A path id: positive int4, anything else is simply not found. */
export function idParam(c: Ctx, name = 'id'): number {
  const raw = c.req.param(name) ?? '';
  const n = /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(n <= 2_147_483_647)) throw new ApiError(404);
  return n;
}

/** Sends `data` shaped through a contract schema (parsed before sending), never stored by a cache. */
export function send(schema: {parse(v: unknown): unknown}, data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(schema.parse(data), {status, headers: {...NO_STORE, ...headers}});
}

/** An empty answer (204) to an authenticated request. */
export const noContent = (): Response => new Response(null, {status: 204, headers: NO_STORE});

export const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());
