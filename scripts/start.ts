/**
 * `npm start`: the demo partner portal on the sandbox, on one origin: the production build of demo/
 * (scripts/portal-build.ts; rebuilt in a few seconds when demo/ or src/ changed).
 * `npm run dev` (`--dev`): the same through Vite's development server, with hot reload.
 *
 *   PORT              port to listen on (default 5173; 0 picks a free one)
 *   HOST              interface to listen on (default 127.0.0.1)
 *   SANDBOX_DATA_DIR  PGlite data directory (default .sandbox-data; seeded on first run, kept after)
 *   SANDBOX_ADMIN_SECRET  the control API's admin secret (default: random per start, printed below)
 *
 * Stops cleanly on SIGINT/SIGTERM (closes PGlite, so no sequence values are lost).
 */
import {existsSync} from 'node:fs';
import path from 'node:path';
import {findSeedSnapshot} from '../sandbox/snapshot.js';
import {PortInUseError, repoRoot, startServer, type RunningServer} from './serve.js';

const started = performance.now();
const port = parsePort(process.env.PORT);
const mode = process.argv.includes('--dev') ? 'dev' : 'built';
const dataDir = path.resolve(repoRoot, process.env.SANDBOX_DATA_DIR || '.sandbox-data');
const firstRun = !existsSync(dataDir);
// The seeded demo database built by `npm ci` (sandbox/snapshot.ts): restored instead of seeded.
const snapshot = firstRun ? findSeedSnapshot() : null;

let server: RunningServer | undefined;
let signalled: string | undefined;
let closing = false;

// One Ctrl-C reaches npm, the shell and node at once (and npm forwards it again): handle the first
// signal, ignore repeats; a watchdog exits if closing ever hangs.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void stop(signal));
}

try {
  server = await startServer({port, host: process.env.HOST || undefined, dataDir, mode});
} catch (error) {
  if (error instanceof PortInUseError) {
    console.error(`\n  ✗ ${error.message}\n`);
  } else {
    console.error('\n  ✗ Could not start the server:', error, '\n');
  }
  process.exit(1);
}

const ms = Math.round(performance.now() - started);
console.log(`
  Northwind Voice demo portal (reseller-elements) ready in ${ms} ms
  ➜ Local:     ${server.url}
  ➜ Mode:      ${mode === 'dev' ? 'development (Vite, hot reload)' : `production build${server.built ? ' (rebuilt: demo/ or src/ changed)' : ''}; \`npm run dev\` for hot reload`}
  ➜ CDN page:  ${server.url}cdn.html  (after \`npm run build\`)
  ➜ Autoload:  ${server.url}autoload.html  (after \`npm run build\`)
  ➜ React app: ${server.url}react/
  ➜ Vue app:   ${server.url}vue/
  ➜ API:       ${server.url.replace(/\/$/, '')}/api/v3/reseller
  ➜ Data:      ${displayPath(dataDir)}${firstRun ? (snapshot ? ' (new, restored from the seed snapshot)' : ' (new, seeded; `npm run sandbox:snapshot` makes the next one faster)') : ' (existing)'}
  ➜ Dev token: ${server.devToken}  (sandbox reseller A; development only)
  ➜ Control:   ${server.url}__sandbox  (X-Sandbox-Admin: ${server.adminSecret})
`);
if (signalled) void stop(signalled);

async function stop(signal: string) {
  signalled ??= signal;
  if (!server || closing) return; // still starting: stop() runs again once it has started
  closing = true;
  console.log(`\n  ${signal}: closing the server and the sandbox…`);
  const watchdog = setTimeout(() => {
    console.error('  ✗ Shutdown took longer than 10 s; exiting anyway.');
    process.exit(1);
  }, 10_000);
  watchdog.unref();
  try {
    await server.close();
    console.log('  ✓ Closed.');
    process.exit(0);
  } catch (error) {
    console.error('  ✗ Error while closing:', error);
    process.exit(1);
  }
}

function displayPath(p: string): string {
  const relative = path.relative(process.cwd(), p);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : p;
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 5173;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`  ✗ PORT must be a number from 0 to 65535, got ${JSON.stringify(value)}.`);
    process.exit(1);
  }
  return n;
}
