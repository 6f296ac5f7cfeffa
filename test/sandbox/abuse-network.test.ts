/**
 * Sandbox abuse: network defaults. A Host allow-list on the API and the control API (DNS
 * rebinding: a page whose name resolves to 127.0.0.1 must not reach the sandbox), and
 * (`Cache-Control: no-store` on credentialed answers is off for now: see sandbox/app.ts.)
 */
import assert from 'node:assert/strict';
import {createServer, request, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, test} from 'node:test';
import {allowedHostsFromEnv, hostAllowed} from '../../sandbox/hosts.js';
import type {Sandbox} from '../../sandbox/index.js';
import {nodeMiddleware} from '../../sandbox/node.js';
import {adminHeaders, tenant} from './helpers.js';
import {createTestSandbox} from './postgres.js';

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

/** A GET over HTTP with an explicit Host header: status, headers and body text. */
function get(path: string, host: string, headers: Record<string, string> = {}): Promise<{status: number; headers: Record<string, unknown>; text: string}> {
  return new Promise((resolve, reject) => {
    const req = request({host: '127.0.0.1', port, path, method: 'GET', headers: {host, ...headers}}, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({status: res.statusCode!, headers: res.headers, text}));
    });
    req.on('error', reject);
    req.end();
  });
}

void test('hostAllowed: loopback names and configured ones only', () => {
  for (const h of ['localhost', 'localhost:8787', 'app.localhost:5173', '127.0.0.1:1', '127.1.2.3', '[::1]:8787', 'LOCALHOST']) assert.equal(hostAllowed(h), true, h);
  for (const h of ['evil.example', 'evil.example:8787', '127.0.0.1.evil.example', 'localhost.evil.example', '[::2]:80', '0.0.0.0:8787', '']) assert.equal(hostAllowed(h), false, h);
  assert.equal(hostAllowed('team-box.example:8787', ['team-box.example']), true);
  assert.deepEqual(allowedHostsFromEnv({ALLOWED_HOSTS: 'a.example, b.example:80', CORS_ORIGINS: 'http://c.example:3000', HOST: '0.0.0.0'}), ['a.example', 'b.example', 'c.example']);
  assert.deepEqual(allowedHostsFromEnv({HOST: '192.168.1.5'}), ['192.168.1.5']);
});

void test('the API and the control API refuse a foreign Host with 403 and the error body', async () => {
  const t = await tenant({customers: 1});
  for (const path of ['/api/v3/reseller/me', '/api/v3/reseller/openapi.json', '/__sandbox/requests']) {
    const res = await get(path, `evil.example:${port}`, {authorization: `Bearer ${t.token}`, ...(await adminHeaders())});
    assert.equal(res.status, 403, `${path}: ${res.status}`);
    assert.equal(JSON.parse(res.text).error.code, 'forbidden');
    assert.match(JSON.parse(res.text).error.message, /Host/);
  }
  assert.equal((await get('/api/v3/reseller/me', `localhost:${port}`, {authorization: `Bearer ${t.token}`})).status, 401, 'another sandbox: unknown token, but answered');
});

void test('loopback and configured Host names are answered', async () => {
  for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `team-box.example:${port}`, 'portal.example']) {
    const res = await get('/api/v3/reseller/openapi.json', host);
    assert.equal(res.status, 200, `${host}: ${res.status}`);
  }
});

