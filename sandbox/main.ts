/**
 * `npm run sandbox`: the reference API on PORT (default 8787), data in .sandbox-data/ (or DATABASE_URL).
 * The control API (/__sandbox) is off unless `--control` or SANDBOX_CONTROL=1; then it needs the
 * admin secret printed below (SANDBOX_ADMIN_SECRET, else random per start).
 */
import {createServer} from 'node:http';
import {resolve} from 'node:path';
import {API_BASE_PATH} from '../src/contract/constants.js';
import {corsOriginsFromEnv} from './cors-origins.js';
import type {AddressInfo} from 'node:net';
import {redactDatabaseUrl} from './db.js';
import {allowedHostsFromEnv} from './hosts.js';
import {createSandbox} from './index.js';
import {nodeMiddleware} from './node.js';

const started = performance.now();
const port = Number(process.env.PORT ?? 8787);
// Loopback unless told otherwise: the sandbox hands out dev tokens and, with --control, more.
const host = process.env.HOST || '127.0.0.1';
const allowedHosts = allowedHostsFromEnv();
const dataDir = resolve(process.env.SANDBOX_DATA_DIR ?? '.sandbox-data');
const databaseUrl = process.env.DATABASE_URL || undefined;
const corsOrigins = corsOriginsFromEnv(process.env.CORS_ORIGINS);
const controlOn = process.argv.includes('--control') || process.env.SANDBOX_CONTROL === '1';
/** A positive whole number from the environment, or undefined (the default applies). */
const envCount = (name: string): number | undefined => {
  const value = process.env[name];
  if (!value) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, got ${JSON.stringify(value)}`);
  return n;
};

const sandbox = await createSandbox({
  dataDir, databaseUrl, log: process.env.SANDBOX_LOG !== '0', corsOrigins, allowedHosts, monthEndJob: true,
  control: controlOn
    ? {
        secret: process.env.SANDBOX_ADMIN_SECRET || undefined,
        tenantsPerMinute: envCount('SANDBOX_TENANTS_PER_MINUTE'),
        customersPerMinute: envCount('SANDBOX_CUSTOMERS_PER_MINUTE'),
      }
    : false,
});
const middleware = nodeMiddleware(sandbox);
const server = createServer((req, res) =>
  middleware(req, res, () => {
    res.writeHead(404, {'content-type': 'application/json'}).end('{"error":{"code":"not_found","message":"Not found"}}');
  }),
);

server.listen(port, host, () => {
  const url = `http://localhost:${(server.address() as AddressInfo).port}${API_BASE_PATH}`;
  console.log(`Reseller sandbox listening on ${url} (ready in ${Math.round(performance.now() - started)} ms)`);
  console.log(`  OpenAPI:   ${url}/openapi.json`);
  console.log(`  Storage:   ${databaseUrl ? `PostgreSQL ${redactDatabaseUrl(databaseUrl)} (DATABASE_URL)` : dataDir}`);
  console.log(`  Dev tokens (Authorization: Bearer …):`);
  console.log(`    reseller A  ${sandbox.devTokens.resellerA}`);
  console.log(`    reseller B  ${sandbox.devTokens.resellerB}`);
  console.log(`    RESELLEE    ${sandbox.devTokens.resellee}  (a user of one of A's customers)`);
  console.log(`  Listening: ${host}${host === '127.0.0.1' ? ' (loopback only; HOST=0.0.0.0 to share, with ALLOWED_HOSTS)' : ''}`);
  if (allowedHosts.length) console.log(`  Hosts:     localhost, 127.0.0.1, [::1], ${allowedHosts.join(', ')}`);
  if (corsOrigins.length) console.log(`  CORS:      ${corsOrigins.join(', ')}`);
  console.log(
    sandbox.adminSecret
      ? `  Control:   ${url.replace(API_BASE_PATH, '/__sandbox')}  (X-Sandbox-Admin: ${sandbox.adminSecret})`
      : '  Control:   off (npm run sandbox -- --control, or SANDBOX_CONTROL=1)',
  );
});

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: closing the database…`);
  server.close();
  server.closeAllConnections?.();
  await sandbox.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
