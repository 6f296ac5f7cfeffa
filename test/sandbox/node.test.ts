import assert from 'node:assert/strict';
import {createServer, request, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, test} from 'node:test';
import {ENDPOINTS} from '../../src/contract/endpoints.js';
import type {Sandbox} from '../../sandbox/index.js';
import {koaMiddleware, nodeMiddleware} from '../../sandbox/node.js';
import {adminHeaders, control, sandbox, tenant} from './helpers.js';
import {createTestSandbox} from './postgres.js';

let server: Server;
let koaServer: Server;
let origin: string;
let koaOrigin: string;

before(async () => {
  const sb = await sandbox();
  const mw = nodeMiddleware(sb);
  server = createServer((req, res) => mw(req, res, () => res.writeHead(200, {'content-type': 'text/plain'}).end('next')));
  // A minimal Koa-like host: ctx {req, res, url}, respond=false means the middleware answered.
  const koa = koaMiddleware(sb);
  koaServer = createServer((req, res) => {
    const ctx = {req, res, url: req.url ?? '/', respond: true};
    void koa(ctx, async () => {
      res.writeHead(200).end('koa-next');
    });
  });
  await Promise.all([new Promise<void>((r) => server.listen(0, '127.0.0.1', r)), new Promise<void>((r) => koaServer.listen(0, '127.0.0.1', r))]);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  koaOrigin = `http://127.0.0.1:${(koaServer.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
  koaServer.closeAllConnections();
  koaServer.close();
});

void test('nodeMiddleware answers /api/v3/reseller/** and /__sandbox/**, next() for anything else', async () => {
  const t = await tenant({customers: 2});
  const me = await fetch(`${origin}/api/v3/reseller/me`, {headers: {authorization: `Bearer ${t.token}`}});
  assert.equal(me.status, 200);
  assert.equal((await me.json()).role, 'RESELLER');
  assert.equal(await (await fetch(`${origin}/index.html`)).text(), 'next');
  assert.equal(await (await fetch(`${origin}/api/v3/resellers`)).text(), 'next');
  const created = await fetch(`${origin}/__sandbox/tenants`, {method: 'POST', headers: {'content-type': 'application/json', ...(await adminHeaders())}, body: '{"customers":1}'});
  assert.equal(created.status, 201);
});

void test('koaMiddleware serves the sandbox and passes other paths on', async () => {
  const t = await tenant({customers: 1});
  const res = await fetch(`${koaOrigin}/api/v3/reseller/customers`, {headers: {authorization: `Bearer ${t.token}`}});
  assert.equal(res.status, 200);
  assert.equal((await res.json()).total, 1);
  assert.equal(await (await fetch(`${koaOrigin}/test/index.html`)).text(), 'koa-next');
});

void test('a drop fault destroys the socket: fetch fails with a network error', async () => {
  const t = await tenant({customers: 1});
  await control('PUT', '/faults', t.token, {rules: [{path: '/customers', drop: true, times: 1}]});
  await assert.rejects(fetch(`${origin}/api/v3/reseller/customers`, {headers: {authorization: `Bearer ${t.token}`}}), TypeError);
  const ok = await fetch(`${origin}/api/v3/reseller/customers`, {headers: {authorization: `Bearer ${t.token}`}});
  assert.equal(ok.status, 200);
  const log = (await control('GET', '/requests', t.token)).body.data;
  assert.deepEqual(log.slice(-2).map((r: {status: number}) => r.status), [0, 200]);
});

function chunkedPost(path: string, token: string, type: string, chunk: Buffer, count: number): Promise<{status: number; body: string}> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, {method: path.endsWith('logo') ? 'PUT' : 'POST', headers: {authorization: `Bearer ${token}`, 'content-type': type}}, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({status: res.statusCode!, body}));
    });
    assert.equal(req.getHeader('content-length'), undefined);
    req.on('error', reject);
    let sent = 0;
    const write = () => {
      while (sent < count) {
        sent++;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

void test('over HTTP, chunked bodies without Content-Length are limited while reading (JSON 64 KB, logo 2 MB)', async () => {
  const t = await tenant({customers: 0});
  const json = await chunkedPost('/api/v3/reseller/customers', t.token, 'application/json', Buffer.alloc(16 * 1024, 0x20), 5);
  assert.equal(json.status, 413);
  assert.equal(JSON.parse(json.body).error.code, 'payload_too_large');
  const png = Buffer.alloc(256 * 1024);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png);
  const logo = await chunkedPost('/api/v3/reseller/branding/logo', t.token, 'image/png', png, 9);
  assert.equal(logo.status, 413);
  const small = await chunkedPost('/api/v3/reseller/branding/logo', t.token, 'image/png', png, 2);
  assert.equal(small.status, 200);
});

void test('GET /openapi.json: OpenAPI 3.1 from the endpoint table, public, every operation tagged', async () => {
  const res = await fetch(`${origin}/api/v3/reseller/openapi.json`);
  assert.equal(res.status, 200);
  const doc = await res.json();
  assert.equal(doc.openapi, '3.1.0');
  for (const e of ENDPOINTS) {
    const op = doc.paths[e.path]?.[e.method];
    assert.ok(op, `${e.method} ${e.path}`);
    assert.deepEqual(op.tags, [e.origin]);
  }
  const list = doc.paths['/customers'].get;
  assert.ok(list.parameters.some((p: {name: string; in: string}) => p.name === 'per_page' && p.in === 'query'));
  const create = doc.paths['/customers'].post;
  assert.deepEqual(create.requestBody.content['application/json'].schema.required.sort(), ['email', 'name']);
  assert.ok(create.responses['201'].content['application/json'].schema.properties.usage);
});

void test('CORS: only allow-listed origins, exposing ETag and Retry-After', async () => {
  let sb: Sandbox | null = null;
  try {
    sb = await createTestSandbox({seed: false, corsOrigins: ['https://portal.example']});
    const pre = await sb.fetch(new Request('http://x/api/v3/reseller/customers', {
      method: 'OPTIONS', headers: {origin: 'https://portal.example', 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization,if-match,idempotency-key'},
    }));
    assert.equal(pre.headers.get('access-control-allow-origin'), 'https://portal.example');
    assert.match(pre.headers.get('access-control-allow-headers')!.toLowerCase(), /if-match/);
    const get = await sb.fetch(new Request('http://x/api/v3/reseller/plans', {headers: {origin: 'https://portal.example'}}));
    assert.match(get.headers.get('access-control-expose-headers')!.toLowerCase(), /etag.*retry-after|retry-after.*etag/);
    const evil = await sb.fetch(new Request('http://x/api/v3/reseller/plans', {headers: {origin: 'https://evil.example'}}));
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
  } finally {
    await sb?.close();
  }
  const none = await fetch(`${origin}/api/v3/reseller/plans`, {headers: {origin: 'https://portal.example'}});
  assert.equal(none.headers.get('access-control-allow-origin'), null, 'no CORS unless configured');
});
