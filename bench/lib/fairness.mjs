/**
 * 6. Fairness: does one tenant hammering the sandbox stall another? The sandbox runs in a child
 * process (bench/lib/fair-server.mjs: in-memory PGlite, node:http on 127.0.0.1, tenant A with 300
 * customers and B with 40); the load comes from this process over keep-alive connections.
 *
 * Tenant B is a person at a table: one `GET /customers` at a time, 20 ms apart, for `seconds`
 * per scenario; its latency (send → whole body) is reported as p50/p95/p99/max. Scenarios:
 *   idle         B alone
 *   A × 50       A runs 50 connections of back-to-back `GET /customers`
 *   A exports    A runs 4 connections of back-to-back day-level exports over a year (all customers)
 *   A × 1000     A runs 1 000 connections of back-to-back `GET /customers` (the audit's 1 000 in parallel)
 * A's answers are counted by status (429 = the sandbox's per-tenant queue was full).
 */
import {spawn} from 'node:child_process';
import {Agent, request} from 'node:http';
import {createInterface} from 'node:readline';
import {load, percentile, root} from './common.mjs';

/** Starts bench/lib/fair-server.mjs; resolves with its origin and tokens, and a close(). */
async function startServer(sandboxDir) {
  const args = ['--import', 'tsx', 'bench/lib/fair-server.mjs', ...(sandboxDir ? [sandboxDir] : [])];
  const child = spawn(process.execPath, args, {cwd: root, stdio: ['ignore', 'pipe', 'inherit']});
  const exited = new Promise((ok) => child.once('exit', ok));
  const close = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    const line = await new Promise((ok, fail) => {
      const lines = createInterface({input: child.stdout});
      lines.once('line', ok);
      child.once('exit', (code) => fail(new Error(`fair-server exited with ${code} before it was ready`)));
    });
    return {...JSON.parse(line), close};
  } catch (error) {
    await close();
    throw error;
  }
}

/** One GET over `agent`: status and ms from sending to the last byte of the body. */
function get(agent, origin, path, token) {
  const started = performance.now();
  return new Promise((ok) => {
    const req = request(`${origin}/api/v3/reseller${path}`, {agent, headers: {authorization: `Bearer ${token}`}}, (res) => {
      res.on('data', () => {});
      res.on('end', () => ok({status: res.statusCode, ms: performance.now() - started}));
      res.on('error', () => ok({status: 0, ms: performance.now() - started}));
    });
    req.on('error', () => ok({status: 0, ms: performance.now() - started}));
    req.end();
  });
}

const summary = (samples) => {
  const ms = samples.map((s) => s.ms);
  const round = (x) => Math.round(x * 10) / 10;
  return {n: ms.length, p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), p99: round(percentile(ms, 99)), max: round(Math.max(...ms)),
    non200: samples.filter((s) => s.status !== 200).length};
};

const countStatuses = (results) => results.reduce((m, r) => ((m[r.status] = (m[r.status] ?? 0) + 1), m), {});

/**
 * @param {{seconds: number, sandboxDir?: string, log: (line: string) => void}} options
 */
export async function runFairness({seconds, sandboxDir, log}) {
  const server = await startServer(sandboxDir);
  const agentB = new Agent({keepAlive: true, maxSockets: 1});
  try {
    log(`fairness: sandbox ${sandboxDir ?? 'sandbox/'} on ${server.origin} (tenants seeded)`);
    const yearAgo = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
    const exportPath = `/usage/export?granularity=day&from=${yearAgo}`;

    /** B's sequential requests while `load()` runs A's traffic until stopped. */
    async function scenario(name, aLoad) {
      const loadBefore = load();
      let stopped = false;
      const aResults = [];
      const aDone = aLoad ? aLoad(() => stopped, aResults) : Promise.resolve();
      // Give A's load a moment to build up before measuring B.
      if (aLoad) await new Promise((ok) => setTimeout(ok, 1000));
      const b = [];
      const until = performance.now() + seconds * 1000;
      while (performance.now() < until) {
        b.push(await get(agentB, server.origin, '/customers', server.b));
        await new Promise((ok) => setTimeout(ok, 20));
      }
      stopped = true;
      await aDone;
      const result = {name, b: summary(b), a: {requests: aResults.length, statuses: countStatuses(aResults)}, loadAverage: {before: loadBefore, after: load()}};
      log(`  ${name}: B p50 ${result.b.p50} ms, p99 ${result.b.p99} ms, max ${result.b.max} ms (${result.b.n} requests); A ${JSON.stringify(result.a.statuses)}; load ${result.loadAverage.after.join(' ')}`);
      return result;
    }

    /** `connections` loops of back-to-back requests on their own keep-alive agent. */
    const loops = (connections, path) => (isStopped, results) => {
      const agent = new Agent({keepAlive: true, maxSockets: connections});
      return Promise.all(Array.from({length: connections}, async () => {
        while (!isStopped()) results.push(await get(agent, server.origin, path, server.a));
      })).finally(() => agent.destroy());
    };

    const scenarios = [];
    scenarios.push(await scenario('idle (B alone)', null));
    scenarios.push(await scenario('A: 50 connections of GET /customers', loops(50, '/customers')));
    scenarios.push(await scenario('A: 4 concurrent day-level exports (a year, 300 customers)', loops(4, exportPath)));
    scenarios.push(await scenario('A: 1 000 connections of GET /customers', loops(1000, '/customers')));
    return {sandbox: sandboxDir ?? 'sandbox/', seconds, scenarios};
  } finally {
    agentB.destroy();
    await server.close();
  }
}
