/**
 * The Hono app: CORS, authentication, fault injection and the request log around the API routes,
 * plus the always-on control API under /__sandbox.
 */
import {Hono} from 'hono';
import {cors} from 'hono/cors';
import * as z from 'zod/mini';
import {type Deps, type Env, authenticate, invalidateSessions, requireSession} from './context.js';
import {transcriptControlRoutes} from './control-transcripts.js';
import {FaultRule, FaultRules, faultResponse} from './faults.js';
import {ApiError, errorBody, errorResponse, JSON_LIMIT, parseJson, readLimited, validate} from './http.js';
import {openApiDocument} from './openapi.js';
import {brandingRoutes} from './routes/branding.js';
import {customerRoutes} from './routes/customers.js';
import {organizationRoutes} from './routes/organization.js';
import {transcriptRoutes} from './routes/transcripts.js';
import {usageRoutes} from './routes/usage.js';
import {seedTenant} from './seed.js';
import {newSecret, RESELLEE_PREFIX, RESELLER_PREFIX, sha256Hex} from './tokens.js';

export const API_BASE = '/api/v3/reseller';
/** Marks a response that the node adapter must turn into a destroyed connection. */
export const DROP_HEADER = 'x-sandbox-drop';

const TenantCreate = z.object({
  customers: z._default(z.int().check(z.nonnegative(), z.maximum(2000)), 30),
  seed: z.optional(z.int()),
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});
const SessionCreate = z.object({
  role: z._default(z.enum(['RESELLER', 'RESELLEE']), 'RESELLER'),
  expires_at: z.optional(z.nullable(z.iso.datetime({offset: false}))),
});

/** Waits `ms`, or less when the client aborts first. */
const delay = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, {once: true});
  });

export interface AppOptions {
  corsOrigins?: string[];
  log?: boolean;
}

export function createApp(deps: Deps, options: AppOptions = {}): Hono<Env> {
  const app = new Hono<Env>();
  const {db, state} = deps;

  app.onError((err) => {
    if (err instanceof ApiError) return errorResponse(err);
    console.error('[sandbox] internal error:', err);
    return errorResponse(new ApiError(500, 'Internal error in the sandbox'));
  });
  app.notFound(() => errorResponse(new ApiError(404, 'No such endpoint')));

  if (options.corsOrigins?.length) {
    const allowed = new Set(options.corsOrigins);
    app.use('*', cors({
      origin: (origin) => (allowed.has(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'X-Sandbox-Fault'],
      exposeHeaders: ['ETag', 'Retry-After', 'Content-Disposition', 'Location', 'Idempotent-Replayed'],
      maxAge: 600,
    }));
  }

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('principal', await authenticate(db, c.req.header('authorization')));
    try {
      await next();
    } finally {
      // Anything that may have changed data may have revoked or deleted a session: forget cached ones.
      if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) && !c.res.headers.has('x-sandbox-faulted')) invalidateSessions(db);
    }
  });

  // ---- The API: faults, then the request log, then the routes.
  const api = new Hono<Env>();
  api.use('*', async (c, next) => {
    const principal = c.get('principal');
    const url = new URL(c.req.url);
    const path = url.pathname.slice(API_BASE.length) || '/';
    const started = new Date().toISOString();
    let headerRule: FaultRule | null = null;
    const rawHeader = c.req.header('x-sandbox-fault');
    if (rawHeader) {
      try {
        headerRule = validate(FaultRule, JSON.parse(rawHeader), 'Invalid X-Sandbox-Fault header');
      } catch (err) {
        throw err instanceof ApiError ? err : new ApiError(400, 'X-Sandbox-Fault is not valid JSON');
      }
    }
    const rule = state.takeFault(principal?.tenantId ?? null, c.req.method, path, headerRule);
    // The client's abort (a closed connection under node, the Request's signal in process).
    const signal = c.req.raw.signal;
    if (rule?.delay_ms) await delay(rule.delay_ms, signal);
    let faulted: Response | null = null;
    if (signal.aborted) faulted = errorResponse(new ApiError(499, 'Client closed the request', undefined, 'client_closed_request'));
    else if (rule?.drop) faulted = new Response(null, {status: 599, headers: {[DROP_HEADER]: '1'}});
    else if (rule) faulted = faultResponse(rule, (status) => errorBody(status, rule.message ?? 'Injected fault', rule.fields));
    if (!faulted) await next();
    const aborted = signal.aborted;
    const status = aborted ? 499 : faulted ? (faulted.headers.has(DROP_HEADER) ? 0 : faulted.status) : c.res.status;
    if (principal) {
      state.record(principal.tenantId, {
        method: c.req.method, path, query: url.search.replace(/^\?/, ''),
        idempotency_key: c.req.header('idempotency-key') ?? null, if_match: c.req.header('if-match') ?? null,
        status, at: started, aborted,
      });
    }
    if (options.log) console.log(`${c.req.method} ${path} ${status}${rule ? ' (fault)' : ''}`); // never the token
    if (faulted) return faulted;
  });
  api.get('/openapi.json', (c) => c.json(openApiDocument()));
  customerRoutes(api);
  usageRoutes(api);
  organizationRoutes(api);
  transcriptRoutes(api);
  brandingRoutes(api);
  app.route(API_BASE, api);

  // ---- Control API (a development tool: always on).
  app.post('/__sandbox/tenants', async (c) => {
    const raw = await readLimited(c.req.raw, JSON_LIMIT);
    const input = validate(TenantCreate, raw.byteLength ? parseJson(c.req.raw, raw) : {});
    const seed = input.seed ?? Math.floor(Math.random() * 2 ** 31);
    const tenant = await seedTenant(db, {name: input.name ?? `Test Reseller ${seed}`, customers: input.customers, seed});
    return c.json({tenant_id: tenant.tenantId, name: tenant.name, tokens: tenant.tokens}, 201);
  });
  app.put('/__sandbox/faults', async (c) => {
    const p = requireSession(c);
    const input = validate(FaultRules, parseJson(c.req.raw, await readLimited(c.req.raw, JSON_LIMIT)));
    state.setFaults(p.tenantId, input.rules);
    return c.json({rules: input.rules});
  });
  app.delete('/__sandbox/faults', (c) => {
    state.clearFaults(requireSession(c).tenantId);
    return c.body(null, 204);
  });
  app.get('/__sandbox/requests', (c) => c.json({data: state.requests(requireSession(c).tenantId)}));
  app.delete('/__sandbox/requests', (c) => {
    state.clearRequests(requireSession(c).tenantId);
    return c.body(null, 204);
  });
  // Extra sessions for auth tests: another (optionally expiring) token of the caller's tenant; DELETE revokes the caller's own token.
  app.post('/__sandbox/tokens', async (c) => {
    const p = requireSession(c);
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
    return c.json({token: secret, role: input.role, expires_at: input.expires_at ?? null}, 201);
  });
  app.delete('/__sandbox/tokens', async (c) => {
    const p = requireSession(c);
    await db.query(`UPDATE tokens SET revoked_at = now() WHERE id = $1`, [p.tokenId]);
    return c.body(null, 204);
  });
  transcriptControlRoutes(app);

  return app;
}
