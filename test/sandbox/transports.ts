/**
 * Two ways a Node test runs `ResellerClient` against the real sandbox: in process (a `fetch`
 * implementation that hands the Request to the sandbox's Hono app, rejecting on abort like fetch
 * does) and over loopback HTTP through `nodeMiddleware` (Node's own fetch, real sockets).
 */
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {ResellerClient, type ResellerClientOptions} from '../../src/api/client.js';
import type {Sandbox} from '../../sandbox/index.js';
import {nodeMiddleware} from '../../sandbox/node.js';
import {BASE} from './helpers.js';

export interface Transport {
  name: string;
  base: string;
  client(token: string, options?: ResellerClientOptions): ResellerClient;
  close(): Promise<void>;
}

/** `fetch` semantics over `sandbox.fetch`: the same Request (signal included), rejected on abort. */
export function inProcessFetch(sb: Sandbox): typeof fetch {
  return (input, init) => {
    const request = new Request(input as RequestInfo, init);
    return new Promise<Response>((resolve, reject) => {
      if (request.signal.aborted) return reject(request.signal.reason);
      request.signal.addEventListener('abort', () => reject(request.signal.reason), {once: true});
      sb.fetch(request).then(resolve, reject);
    });
  };
}

export function inProcess(sb: Sandbox): Transport {
  const f = inProcessFetch(sb);
  return {
    name: 'in process (app.fetch)',
    base: BASE,
    client: (token, options = {}) => new ResellerClient({baseUrl: BASE, token, fetch: f, retry: false, cacheTtlMs: 0, ...options}),
    close: async () => {},
  };
}

export async function loopback(sb: Sandbox): Promise<Transport> {
  const mw = nodeMiddleware(sb);
  const server = createServer((req, res) => mw(req, res, () => res.writeHead(404).end()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v3/reseller`;
  return {
    name: 'node middleware (loopback)',
    base,
    client: (token, options = {}) => new ResellerClient({baseUrl: base, token, retry: false, cacheTtlMs: 0, ...options}),
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
