/**
 * The reference Reseller API server: `createSandbox()` gives a fetch handler over PGlite (a data
 * directory, or memory when `dataDir` is null) or real PostgreSQL (`databaseUrl`).
 * Serve it with `nodeMiddleware()` / `koaMiddleware()` from `./node.js`.
 */
import {createApp, DROP_HEADER} from './app.js';
import {type ControlOptions, resolveControl} from './control.js';
import {keepDatesCurrent} from './data-day.js';
import {type Db, openDb, PGLITE_VERSION} from './db.js';
import {SandboxState} from './faults.js';
import {fairDb, type Limits, resolveLimits} from './limits.js';
import {LiveHub, type LiveOptions} from './live.js';
import {createSchema, SCHEMA_VERSION} from './schema.js';
import {scheduleMonthEnd} from './reports.js';
import {seedDefault} from './seed.js';
import {findSeedSnapshot} from './snapshot.js';
import {DEV_TOKENS} from './tokens.js';

export interface SandboxOptions {
  /** PGlite data directory; `null` keeps the database in memory (tests). Default `.sandbox-data`. */
  dataDir?: string | null;
  /** A PostgreSQL URL (needs the `pg` package); wins over `dataDir`. */
  databaseUrl?: string;
  /** Seed the two documented tenants when the database is empty (default true). */
  seed?: boolean;
  /**
   * Move the seeded dates forward to today on start (data-day.ts): default on for a PGlite data
   * directory that is seeded (the demo's), off in memory and for `databaseUrl`.
   */
  keepDatesCurrent?: boolean;
  /** Log one line per API request (method, path, status; never tokens). */
  log?: boolean;
  /** Origins allowed by CORS (none by default: same-origin use needs none). */
  corsOrigins?: string[];
  /**
   * The control API under /__sandbox (tenants, faults, request log, sessions): off by default.
   * `true` turns it on with a random admin secret; an object sets the secret and the tenant
   * creation limits (see control.ts).
   */
  control?: boolean | Partial<ControlOptions>;
  /** Host names (or origins) answered besides localhost, 127.0.0.1 and [::1] (hosts.ts). */
  allowedHosts?: string[];
  /** Per-tenant concurrency and queue, statement timeout (see limits.ts); unset ones from the environment. */
  limits?: Partial<Limits>;
  /**
   * Run the monthly reports' month-end job (reports.ts) at start and every hour: `true`, or the
   * clock it reads (`now`, for a sandbox that lives in another month) and its interval. Off by
   * default (tests and stories simulate month ends through `POST /__sandbox/reports/month-end`);
   * `npm run sandbox` and `npm start` turn it on.
   */
  monthEndJob?: boolean | {now?: () => Date; intervalMs?: number};
  /** The live channel's buffer, heartbeat, stream lifetime and connection limits (live.ts); unset ones from the environment. */
  live?: Partial<LiveOptions>;
}

export interface Sandbox {
  /** The Hono app. A "drop" fault rejects like a failed fetch (TypeError). */
  fetch(request: Request): Promise<Response>;
  /** Closes PGlite / pg. */
  close(): Promise<void>;
  devTokens: {resellerA: string; resellerB: string; resellee: string};
  /** The control API's admin secret (send it as `X-Sandbox-Admin`), or null when the control API is off. */
  adminSecret: string | null;
}

/** The sandbox's database, for tests that inspect what is stored (token hashes, rows). */
export const sandboxDatabases = new WeakMap<Sandbox, Db>();

/** The handler that marks dropped connections instead of throwing (for the node adapter). */
export const rawHandlers = new WeakMap<Sandbox, (request: Request) => Promise<Response>>();

/** Thrown by `sandbox.fetch` for a `drop` fault, like `fetch()` on a reset connection. */
export class SandboxConnectionDropped extends TypeError {
  constructor() {
    super('fetch failed: connection dropped (sandbox fault)');
  }
}

export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const control = resolveControl(options.control); // a bad secret fails before the database opens
  const limits = resolveLimits(options.limits);
  const dataDir = options.dataDir === undefined ? '.sandbox-data' : options.dataDir;
  const live = new LiveHub(options.live); // a bad value fails before the database opens
  const db = fairDb(await openDb({
    dataDir,
    // A new data directory that gets the default seed starts from the seed snapshot when there is one.
    restoreFrom: dataDir !== null && !options.databaseUrl && options.seed !== false ? findSeedSnapshot() : null,
    databaseUrl: options.databaseUrl,
    init: createSchema,
    templateKey: `${PGLITE_VERSION}-${SCHEMA_VERSION}`,
    statementTimeoutMs: limits.statementTimeoutMs,
  }));
  if (options.seed !== false) {
    const seeded = await db.exclusive(() => seedDefault(db));
    const persisted = !options.databaseUrl && options.dataDir !== null;
    if (!seeded && (options.keepDatesCurrent ?? persisted)) await db.exclusive(() => keepDatesCurrent(db));
  }
  const app = createApp({db, state: new SandboxState(), locks: new Map(), live}, {corsOrigins: options.corsOrigins, log: options.log, control, allowedHosts: options.allowedHosts, limits});
  const raw = async (request: Request) => app.fetch(request);
  const job = options.monthEndJob ? (options.monthEndJob === true ? {} : options.monthEndJob) : null;
  const stopJob = job ? scheduleMonthEnd(db, job.now, job.intervalMs) : async () => {};
  let closed: Promise<void> | null = null;
  const sandbox: Sandbox = {
    async fetch(request) {
      const response = await raw(request);
      if (response.headers.has(DROP_HEADER)) throw new SandboxConnectionDropped();
      return response;
    },
    close: () => (closed ??= (live.close(), stopJob().then(() => db.close()))),
    devTokens: {...DEV_TOKENS},
    adminSecret: control?.secret ?? null,
  };
  rawHandlers.set(sandbox, raw);
  sandboxDatabases.set(sandbox, db);
  return sandbox;
}
