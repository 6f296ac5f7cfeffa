/**
 * The fairness section's server, in a process of its own (so the load generator does not share
 * its event loop): the sandbox in memory over node:http on 127.0.0.1, with two tenants made in
 * process. Prints one JSON line `{origin, a, b}` (tenant tokens) when ready; SIGTERM closes it.
 *
 *   node --import tsx bench/lib/fair-server.mjs [sandbox-dir] [customers-a] [customers-b]
 *
 * `sandbox-dir` (default: this checkout's sandbox/) lets the bench measure another checkout's
 * sandbox, e.g. main before a change (`npm run bench -- --only fairness --fair-sandbox DIR`).
 */
import {createServer} from 'node:http';
import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';

const [dir = new URL('../../sandbox', import.meta.url).pathname, customersA = '300', customersB = '40'] = process.argv.slice(2);
const load = (file) => import(pathToFileURL(resolve(dir, file)).href);
const [{createSandbox}, {nodeMiddleware}] = await Promise.all([load('index.ts'), load('node.ts')]);

// `control: true`: the control API on with a random admin secret (a sandbox from before it needed one ignores both).
const sandbox = await createSandbox({dataDir: null, seed: false, control: true});
async function tenant(customers, seed) {
  const response = await sandbox.fetch(new Request('http://bench.local/__sandbox/tenants', {
    method: 'POST', headers: {'content-type': 'application/json', 'x-sandbox-admin': sandbox.adminSecret ?? ''}, body: JSON.stringify({customers: Number(customers), seed, name: `Fairness ${seed}`}),
  }));
  if (response.status !== 201) throw new Error(`POST /__sandbox/tenants: ${response.status} ${await response.text()}`);
  return (await response.json()).tokens.reseller;
}
const a = await tenant(customersA, 4301);
const b = await tenant(customersB, 4302);

const api = nodeMiddleware(sandbox);
const server = createServer((req, res) => api(req, res, () => res.writeHead(404).end()));
server.keepAliveTimeout = 30_000;
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
console.log(JSON.stringify({origin: `http://127.0.0.1:${server.address().port}`, a, b}));

const stop = async () => {
  server.closeAllConnections();
  server.close();
  await sandbox.close().catch(() => {});
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.once('disconnect', stop);
