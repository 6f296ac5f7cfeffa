/**
 * The Hono app: CORS, authentication, fault injection and the request log around the API routes,
 * plus, when enabled, the control API under /__sandbox (control.ts).
 */
import {Hono} from 'hono';
import {cors} from 'hono/cors';
import {type Deps, type Env, authenticate, invalidateSessions} from './context.js';
import {ADMIN_HEADER, type ControlOptions, controlRoutes, requireAdmin} from './control.js';
import {FaultRule, faultResponse, redactIdempotencyKey} from './faults.js';
import {allowedHostNames, hostAllowed} from './hosts.js';
import {inLane, type Limits, releaseAfter, resolveLimits, TenantLimiter} from './limits.js';
import {API_BASE_PATH} from '../src/contract/constants.js';
import {ApiError, errorBody, errorResponse, storableText, validate} from './http.js';
import {openApiDocument} from './openapi.js';
import {eventRoutes} from './live.js';
import {brandingRoutes} from './routes/branding.js';
import {customerRoutes} from './routes/customers.js';
import {organizationRoutes} from './routes/organization.js';
import {reportRoutes} from './routes/reports.js';
import {transcriptRoutes} from './routes/transcripts.js';
import {usageRoutes} from './routes/usage.js';

export const API_BASE = API_BASE_PATH;
/** Marks a response that the node adapter must turn into a destroyed connection. */
export const DROP_HEADER = 'x-sandbox-drop';

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
  /** The control API and its admin secret (control.ts); off when absent. */
  control?: ControlOptions | null;
  /** Host names answered besides the loopback ones (hosts.ts). */
  allowedHosts?: string[];
  /** Per-tenant concurrency, queue and statement timeout (limits.ts); unset ones from the environment. */
  limits?: Partial<Limits>;
}

export function createApp(deps: Deps, options: AppOptions = {}): Hono<Env> {
  const app = new Hono<Env>();
  const {db, state} = deps;
  const control = options.control ?? null;
  const limiter = new TenantLimiter(resolveLimits(options.limits));

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
      allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'Idempotency-Key', 'Last-Event-ID', 'X-Sandbox-Fault'],
      exposeHeaders: ['ETag', 'Retry-After', 'Content-Disposition', 'Location', 'Idempotent-Replayed'],
      maxAge: 600,
    }));
  }

  // Host allow-list first (DNS rebinding).
  const allowedHosts = allowedHostNames(options.allowedHosts ?? []);
  app.use('*', async (c, next) => {
    if (!hostAllowed(c.req.header('host'), allowedHosts)) {
      throw new ApiError(403, 'This Host is not allowed (DNS rebinding protection); add it to ALLOWED_HOSTS to share the sandbox under that name');
    }
    // Cache-Control: no-store is set where answers are built (send, noContent, errorResponse, the
    // control API): changing c.res's headers here after next() left answers hanging under @hono/node-server.
    await next();
  });

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
    // A NUL or a lone surrogate in the query cannot reach PostgreSQL: 400, not 500.
    for (const [name, value] of url.searchParams) {
      if (!storableText(name + value)) throw new ApiError(400, `The query parameter ${JSON.stringify(name.slice(0, 40))} contains a NUL character or invalid Unicode`);
    }
    let headerRule: FaultRule | null = null;
    // A per-request fault is a control operation: ignored when the control API is off, else it needs the admin secret.
    const rawHeader = control ? c.req.header('x-sandbox-fault') : undefined;
    if (rawHeader) {
      requireAdmin(control, c.req.header(ADMIN_HEADER), 'X-Sandbox-Fault');
      try {
        headerRule = validate(FaultRule, JSON.parse(rawHeader), 'Invalid X-Sandbox-Fault header');
      } catch (err) {
        throw err instanceof ApiError ? err : new ApiError(400, 'X-Sandbox-Fault is not valid JSON');
      }
    }
    // The client's abort (a closed connection under node, the Request's signal in process).
    const signal = c.req.raw.signal;
    // One of the tenant's slots (limits.ts), held through fault delays, the answer and a streamed body.
    const lane = principal ? `tenant:${principal.tenantId}` : 'anonymous';
    const admission = await limiter.admit(lane, signal);
    let rule: FaultRule | null = null;
    let faulted: Response | null = admission.refused ?? null;
    try {
      if (!faulted) {
        rule = state.takeFault(principal?.tenantId ?? null, c.req.method, path, headerRule);
        if (rule?.delay_ms) await delay(rule.delay_ms, signal);
        if (signal.aborted) faulted = errorResponse(new ApiError(499, 'Client closed the request', undefined, 'client_closed_request'));
        else if (rule?.drop) faulted = new Response(null, {status: 599, headers: {[DROP_HEADER]: '1'}});
        else if (rule) faulted = faultResponse(rule, (status) => errorBody(status, rule!.message ?? 'Injected fault', rule!.fields));
        if (!faulted) {
          await inLane(lane, limiter.limits.statementTimeoutMs, async () => {
            if (rule?.statement_ms) {
              try {
                await db.query('SELECT pg_sleep($1)', [rule.statement_ms / 1000]);
              } catch (err) {
                if (!(err instanceof ApiError)) throw err;
                faulted = errorResponse(err); // the statement timeout's 503
                return;
              }
            }
            await next();
          });
        }
      }
    } finally {
      if (!admission.refused) {
        const held = releaseAfter(faulted ? undefined : c.res, admission.release);
        if (held) c.res = held;
      }
    }
    const aborted = signal.aborted;
    const status = aborted ? 499 : faulted ? (faulted.headers.has(DROP_HEADER) ? 0 : faulted.status) : c.res.status;
    if (principal) {
      state.record(principal.tenantId, {
        method: c.req.method, path, query: url.search.replace(/^\?/, ''),
        idempotency_key: redactIdempotencyKey(c.req.header('idempotency-key')), if_match: c.req.header('if-match') ?? null,
        status, at: started, aborted, audit: c.get('audit') ?? null,
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
  reportRoutes(api);
  eventRoutes(api);
  app.route(API_BASE, api);

  // ---- Control API (a development tool), only when enabled.
  if (control) controlRoutes(app, control);

  return app;
}
