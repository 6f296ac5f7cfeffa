/**
 * Sandbox abuse: network defaults. A Host allow-list on the API and the control API (DNS
 * rebinding: a page whose name resolves to 127.0.0.1 must not reach the sandbox), and
 * `Cache-Control: no-store` on every answer built from tenant data or credentials, over real HTTP
 * (setting it after `next()` once left answers hanging under @hono/node-server).
 */
import assert from 'node:assert/strict';
import {createServer, request, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before} from 'node:test';
import {allowedHostsFromEnv, hostAllowed} from '../../sandbox/hosts.js';
import type {Sandbox} from '../../sandbox/index.js';
import {nodeMiddleware} from '../../sandbox/node.js';
import {adminHeaders, tenant} from './helpers.js';
import {createTestSandbox} from './postgres.js';
import {abuseTest} from './reliability.js';

let sb: Sandbox;
let server: Server;
let port: number;

before(async () => {
  sb = await createTestSandbox({seed: false, control: true, allowedHosts: ['team-box.example', 'http://portal.example:3000']});
  const mw = nodeMiddleware(sb);
  server = createServer((req, res) => mw(req, res, () => res.writeHead(404).end()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
after(async () => {
  server.closeAllConnections();
  server.close();
  await sb.close();
});

interface HttpAnswer {
  status: number;
  headers: Record<string, unknown>;
  text: string;
}

/** A request over HTTP with an explicit Host header: status, headers and the whole body text (10 s at most). */
function http(method: string, path: string, host: string, headers: Record<string, string> = {}, body?: string): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({host: '127.0.0.1', port, path, method, headers: {host, ...headers}, timeout: 10_000}, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({status: res.statusCode!, headers: res.headers, text}));
    });
    req.on('timeout', () => req.destroy(new Error(`timed out after 10 s waiting for the answer to ${method} ${path}`)));
    req.on('error', reject);
    req.end(body);
  });
}
const get = (path: string, host: string, headers: Record<string, string> = {}) => http('GET', path, host, headers);

abuseTest('Network', 'hostAllowed: loopback names and configured ones only', () => {
  for (const h of ['localhost', 'localhost:8787', 'app.localhost:5173', '127.0.0.1:1', '127.1.2.3', '[::1]:8787', 'LOCALHOST']) assert.equal(hostAllowed(h), true, h);
  for (const h of ['evil.example', 'evil.example:8787', '127.0.0.1.evil.example', 'localhost.evil.example', '[::2]:80', '0.0.0.0:8787', '']) assert.equal(hostAllowed(h), false, h);
  assert.equal(hostAllowed('team-box.example:8787', ['team-box.example']), true);
  assert.deepEqual(allowedHostsFromEnv({ALLOWED_HOSTS: 'a.example, b.example:80', CORS_ORIGINS: 'http://c.example:3000', HOST: '0.0.0.0'}), ['a.example', 'b.example', 'c.example']);
  assert.deepEqual(allowedHostsFromEnv({HOST: '192.168.1.5'}), ['192.168.1.5']);
});

abuseTest('Network', 'the API and the control API refuse a foreign Host with 403 and the error body', async () => {
  const t = await tenant({customers: 1});
  for (const path of ['/api/v3/reseller/me', '/api/v3/reseller/openapi.json', '/__sandbox/requests']) {
    const res = await get(path, `evil.example:${port}`, {authorization: `Bearer ${t.token}`, ...(await adminHeaders())});
    assert.equal(res.status, 403, `${path}: ${res.status}`);
    assert.equal(JSON.parse(res.text).error.code, 'forbidden');
    assert.match(JSON.parse(res.text).error.message, /Host/);
  }
  assert.equal((await get('/api/v3/reseller/me', `localhost:${port}`, {authorization: `Bearer ${t.token}`})).status, 401, 'another sandbox: unknown token, but answered');
});

abuseTest('Network', 'loopback and configured Host names are answered', async () => {
  for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `team-box.example:${port}`, 'portal.example']) {
    const res = await get('/api/v3/reseller/openapi.json', host);
    assert.equal(res.status, 200, `${host}: ${res.status}`);
  }
});


abuseTest('Network', 'every answer to an authenticated or control request carries Cache-Control: no-store, and arrives whole over HTTP', async () => {
  const host = `localhost:${port}`;
  const admin = {'x-sandbox-admin': sb.adminSecret!, 'content-type': 'application/json'};
  const created = await http('POST', '/__sandbox/tenants', host, admin, JSON.stringify({customers: 2, seed: 7}));
  assert.equal(created.status, 201, created.text);
  assert.equal(created.headers['cache-control'], 'no-store', 'the control API answer with the tenant tokens');
  const token = (JSON.parse(created.text) as {tokens: {reseller: string}}).tokens.reseller;
  const auth = {authorization: `Bearer ${token}`};
  const json = {...auth, 'content-type': 'application/json'};
  const api = '/api/v3/reseller';
  const customer = await http('POST', `${api}/customers`, host, {...json, 'idempotency-key': 'k-no-store'}, JSON.stringify({name: 'No Store', email: 'no.store@example.com'}));
  const replay = await http('POST', `${api}/customers`, host, {...json, 'idempotency-key': 'k-no-store'}, JSON.stringify({name: 'No Store', email: 'no.store@example.com'}));
  const {id} = JSON.parse(customer.text) as {id: number};
  const answers: [string, HttpAnswer, number][] = [
    ['POST /customers', customer, 201],
    ['its idempotent replay', replay, 201],
    ['GET /me', await get(`${api}/me`, host, auth), 200],
    ['GET /customers', await get(`${api}/customers`, host, auth), 200],
    ['PATCH /customers/{id}', await http('PATCH', `${api}/customers/${id}`, host, {...json, 'if-match': String(customer.headers.etag)}, JSON.stringify({name: 'Renamed'})), 200],
    ['POST /tokens (a secret)', await http('POST', `${api}/tokens`, host, json, JSON.stringify({customer_id: id, name: 'ci', permissions: ['usage:read']})), 201],
    ['GET /usage/export', await get(`${api}/usage/export`, host, auth), 200],
    ['DELETE /customers/{id}', await http('DELETE', `${api}/customers/${id}`, host, auth), 204],
    ['a 404', await get(`${api}/customers/${id}`, host, auth), 404],
    ['a 422', await http('POST', `${api}/customers`, host, json, '{"name":""}'), 422],
    ['a 401', await get(`${api}/customers`, host, {authorization: 'Bearer rs_live_nope'}), 401],
    ['a fault', await get(`${api}/customers`, host, {...auth, ...admin, 'x-sandbox-fault': '{"status":503}'}), 503],
    ['the request log', await get('/__sandbox/requests', host, {...auth, ...admin}), 200],
  ];
  for (const [what, answer, status] of answers) {
    assert.equal(answer.status, status, `${what}: ${answer.status} ${answer.text.slice(0, 200)}`);
    assert.equal(answer.headers['cache-control'], 'no-store', `${what}: Cache-Control ${String(answer.headers['cache-control'])}`);
  }
  assert.equal((await get(`${api}/openapi.json`, host)).headers['cache-control'], undefined, 'the public OpenAPI document may be cached');
});
