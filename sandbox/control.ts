/**
 * The control API (`/__sandbox/*`) for tests, stories and benches: tenants, fault rules, the
 * request log, extra sessions, transcripts. Mounted only when the sandbox is created with
 * `control` (off otherwise: every path under /__sandbox answers 404), and then every call needs
 * the sandbox's own admin secret in `X-Sandbox-Admin`. The secret is random per start unless
 * configured, is never a tenant token (it is not in the tokens table at all) and is compared in
 * constant time. A tenant's bearer token only says *which* tenant a call is about (faults, log,
 * sessions): on its own it can do nothing here, so no tenant token can mint a session.
 *
 * Tenant creation is bounded: at most `MAX_TENANT_CUSTOMERS` customers per tenant, a 4 KB body, and
 * at most `tenantsPerMinute` creations and `customersPerMinute` seeded customers in any 60 s
 * (429 with Retry-After past either).
 */
import {createHash, randomBytes, timingSafeEqual} from 'node:crypto';
import type {Hono} from 'hono';
import * as z from 'zod/mini';
import {type Env, requireSession} from './context.js';
import {reportControlRoutes} from './control-reports.js';
import {liveControlRoutes} from './live.js';
import {transcriptControlRoutes} from './control-transcripts.js';
import {userControlRoutes} from './control-users.js';
import {FaultRules} from './faults.js';
import {ApiError, errorResponse, JSON_LIMIT, NO_STORE, parseJson, readLimited, validate} from './http.js';
import {seedTenant} from './seed.js';
import {newSecret, RESELLEE_PREFIX, RESELLER_PREFIX, sha256Hex} from './tokens.js';

/** The header that carries the admin secret. */
export const ADMIN_HEADER = 'x-sandbox-admin';
/** Most customers one `POST /__sandbox/tenants` may seed (each brings a year of daily usage). */
export const MAX_TENANT_CUSTOMERS = 500;
/** Largest `POST /__sandbox/tenants` body. */
const TENANT_BODY_LIMIT = 4 * 1024;
const INT4_MAX = 2_147_483_647;

export interface ControlOptions {
  /** The admin secret (at least 16 characters). */
  secret: string;
  /** Tenant creations allowed in any 60 s (default 120). */
  tenantsPerMinute: number;
  /** Customers seeded by tenant creation in any 60 s (default 3,000). */
  customersPerMinute: number;
}

export const DEFAULT_TENANTS_PER_MINUTE = 120;
export const DEFAULT_CUSTOMERS_PER_MINUTE = 3000;

/**
 * The control options of a private, in-memory harness sandbox (test runner, Storybook, story smoke
 * test, bench): every test and story makes its own tenant, a full run makes hundreds a minute, and
 * nobody else shares that sandbox, so the creation budget is sized for that, not for a shared one.
 */
export const HARNESS_CONTROL: Readonly<Partial<ControlOptions>> = {tenantsPerMinute: 2000, customersPerMinute: 100_000};

/** A fresh random admin secret. */
export const newAdminSecret = (): string => `sbx_admin_${randomBytes(24).toString('base64url')}`;

/** `control` of SandboxOptions resolved: null when off. */
export function resolveControl(option: boolean | Partial<ControlOptions> | undefined): ControlOptions | null {
  if (!option) return null;
  const given: Partial<ControlOptions> = option === true ? {} : option;
  const secret = given.secret ?? newAdminSecret();
  if (secret.length < 16) throw new Error('The sandbox admin secret must be at least 16 characters long');
  return {
    secret,
    tenantsPerMinute: given.tenantsPerMinute ?? DEFAULT_TENANTS_PER_MINUTE,
    customersPerMinute: given.customersPerMinute ?? DEFAULT_CUSTOMERS_PER_MINUTE,
  };
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Whether `given` is the admin secret (constant time: both sides hashed to 32 bytes first). */
export function isAdmin(control: ControlOptions | null, given: string | undefined): boolean {
  if (!control || given === undefined) return false;
  return timingSafeEqual(digest(given), digest(control.secret));
}

/** Throws 401 unless the request carries the admin secret. */
export function requireAdmin(control: ControlOptions | null, given: string | undefined, what = 'The control API'): void {
  if (!isAdmin(control, given)) throw new ApiError(401, `${what} needs the sandbox's admin secret in the X-Sandbox-Admin header (printed at start; never a tenant token)`);
}

const TenantCreate = z.object({
  customers: z._default(z.int().check(z.nonnegative(), z.maximum(MAX_TENANT_CUSTOMERS)), 30),
  seed: z.optional(z.int().check(z.nonnegative(), z.maximum(INT4_MAX))),
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});
const SessionCreate = z.object({
  role: z._default(z.enum(['RESELLER', 'RESELLEE']), 'RESELLER'),
  expires_at: z.optional(z.nullable(z.iso.datetime({offset: false}))),
});

/** Creations in the last minute: when, and how many customers each seeded. */
class CreationWindow {
  #entries: {at: number; customers: number}[] = [];

  constructor(readonly options: ControlOptions) {}

  /** Seconds until a creation of `customers` fits, or 0 when it fits now (and is then counted). */
  take(customers: number, now = Date.now()): number {
    this.#entries = this.#entries.filter((e) => e.at > now - 60_000);
    const {tenantsPerMinute, customersPerMinute} = this.options;
    let count = this.#entries.length;
    let seeded = this.#entries.reduce((sum, e) => sum + e.customers, 0);
    if (count < tenantsPerMinute && seeded + customers <= customersPerMinute) {
      this.#entries.push({at: now, customers});
      return 0;
    }
    // Oldest first: how long until enough of the window has passed.
    for (const e of this.#entries) {
      count -= 1;
      seeded -= e.customers;
      if (count < tenantsPerMinute && seeded + customers <= customersPerMinute) return Math.max(1, Math.ceil((e.at + 60_000 - now) / 1000));
    }
    return 60;
  }
}

export function controlRoutes(app: Hono<Env>, control: ControlOptions): void {
  const window = new CreationWindow(control);

  app.use('/__sandbox/*', async (c, next) => {
    requireAdmin(control, c.req.header(ADMIN_HEADER));
    await next();
  });

  app.post('/__sandbox/tenants', async (c) => {
    const {db} = c.get('deps');
    const raw = await readLimited(c.req.raw, TENANT_BODY_LIMIT);
    const input = validate(TenantCreate, raw.byteLength ? parseJson(c.req.raw, raw) : {});
    const wait = window.take(input.customers);
    if (wait > 0) {
      return errorResponse(
        new ApiError(429, `At most ${control.tenantsPerMinute} tenants and ${control.customersPerMinute} seeded customers a minute; retry in ${wait} s`),
        {'retry-after': String(wait)},
      );
    }
    const seed = input.seed ?? Math.floor(Math.random() * INT4_MAX);
    const tenant = await seedTenant(db, {name: input.name ?? `Test Reseller ${seed}`, customers: input.customers, seed});
    return c.json({tenant_id: tenant.tenantId, name: tenant.name, tokens: tenant.tokens}, 201, NO_STORE);
  });

  app.put('/__sandbox/faults', async (c) => {
    const p = requireSession(c);
    const input = validate(FaultRules, parseJson(c.req.raw, await readLimited(c.req.raw, JSON_LIMIT)));
    c.get('deps').state.setFaults(p.tenantId, input.rules);
    return c.json({rules: input.rules}, 200, NO_STORE);
  });
  app.delete('/__sandbox/faults', (c) => {
    c.get('deps').state.clearFaults(requireSession(c).tenantId);
    return c.body(null, 204, NO_STORE);
  });

  app.get('/__sandbox/requests', (c) => c.json({data: c.get('deps').state.requests(requireSession(c).tenantId)}, 200, NO_STORE));
  app.delete('/__sandbox/requests', (c) => {
    c.get('deps').state.clearRequests(requireSession(c).tenantId);
    return c.body(null, 204, NO_STORE);
  });

  // Extra sessions for auth tests: another (optionally expiring) session of the bearer's tenant;
  // a RESELLEE one belongs to the tenant's first RESELLEE user, so it ends with that user.
  app.post('/__sandbox/tokens', async (c) => {
    const p = requireSession(c);
    const {db} = c.get('deps');
    const input = validate(SessionCreate, parseJson(c.req.raw, await readLimited(c.req.raw, JSON_LIMIT)));
    const reseller = input.role === 'RESELLER';
    const secret = newSecret(reseller ? RESELLER_PREFIX : RESELLEE_PREFIX);
    let userId: number | null = null;
    let customerId: number | null = null;
    if (!reseller) {
      const {rows} = await db.query<{user_id: number | null; customer_id: number | null}>(
        `SELECT user_id, customer_id FROM tokens WHERE tenant_id = $1 AND kind = 'resellee' ORDER BY id LIMIT 1`, [p.tenantId],
      );
      userId = rows[0]?.user_id ?? null;
      customerId = rows[0]?.customer_id ?? null;
    }
    await db.query(
      `INSERT INTO tokens (tenant_id, kind, customer_id, user_id, name, prefix, token_hash, expires_at) VALUES ($1, $2, $3, $4, 'Test session', $5, $6, $7)`,
      [p.tenantId, reseller ? 'reseller' : 'resellee', customerId, userId, secret.slice(0, 12), sha256Hex(secret), input.expires_at ?? null],
    );
    return c.json({token: secret, role: input.role, expires_at: input.expires_at ?? null}, 201, NO_STORE);
  });
  app.delete('/__sandbox/tokens', async (c) => {
    const p = requireSession(c);
    await c.get('deps').db.query(`UPDATE tokens SET revoked_at = now() WHERE id = $1`, [p.tokenId]);
    return c.body(null, 204, NO_STORE);
  });

  transcriptControlRoutes(app);
  reportControlRoutes(app);
  userControlRoutes(app);
  liveControlRoutes(app);
}
