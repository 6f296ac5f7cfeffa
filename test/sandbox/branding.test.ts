import assert from 'node:assert/strict';
import {test} from 'node:test';
import {Branding, LOGO_MAX_BYTES} from '../../src/contract/schemas.js';
import {call, raw, tenant} from './helpers.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
const GIF = new TextEncoder().encode('GIF89a\x01\x00\x01\x00');
const WEBP = new Uint8Array([...new TextEncoder().encode('RIFF'), 26, 0, 0, 0, ...new TextEncoder().encode('WEBPVP8 ')]);
const AVIF = new Uint8Array([0, 0, 0, 28, ...new TextEncoder().encode('ftypavif'), 0, 0, 0, 0]);
const SVG_SCRIPT = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10" fill="#f00" onload="alert(1)"/></svg>`;

const put = (token: string, body: Uint8Array<ArrayBuffer> | string, type: string) =>
  raw('/branding/logo', {method: 'PUT', headers: {authorization: `Bearer ${token}`, 'content-type': type}, body});

void test('GET /branding starts empty; PATCH sets and clears the brand colour; invalid colour is 422', async () => {
  const t = await tenant({customers: 0});
  const start = Branding.parse((await call(t.token, 'GET', '/branding')).body);
  assert.deepEqual([start.brand_color, start.logo_url, start.logo_content_type], [null, null, null]);
  const set = await call(t.token, 'PATCH', '/branding', {brand_color: '#FF6600'});
  assert.equal(set.status, 200);
  assert.equal(Branding.parse(set.body).brand_color, '#ff6600');
  assert.ok(set.body.updated_at > start.updated_at);
  const bad = await call(t.token, 'PATCH', '/branding', {brand_color: 'orange'});
  assert.equal(bad.status, 422);
  assert.equal(bad.body.error.fields.brand_color, 'Enter a colour as #rrggbb');
  assert.equal((await call(t.token, 'PATCH', '/branding', {brand_color: null})).body.brand_color, null);
});

void test('PUT /branding/logo stores the image; the logo URL serves it without auth, inert and immutable', async () => {
  const t = await tenant({customers: 0});
  const res = await put(t.token, PNG, 'image/png');
  assert.equal(res.status, 200);
  const b = Branding.parse(await res.json());
  assert.equal(b.logo_content_type, 'image/png');
  assert.match(b.logo_url!, /^\/api\/v3\/reseller\/branding\/logo\/[0-9a-f]{64}$/);
  const logo = await raw('http://sandbox.test' + b.logo_url);
  assert.equal(logo.status, 200);
  assert.equal(logo.headers.get('content-type'), 'image/png');
  assert.equal(logo.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(logo.headers.get('content-security-policy'), "default-src 'none'; style-src 'unsafe-inline'; sandbox");
  assert.equal(logo.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.deepEqual(new Uint8Array(await logo.arrayBuffer()), PNG);
  assert.equal(Branding.parse((await call(t.token, 'GET', '/branding')).body).logo_url, b.logo_url);
});

void test('logo sniffing: JPEG, GIF, WebP, AVIF and SVG accepted by their magic bytes', async () => {
  const t = await tenant({customers: 0});
  for (const [bytes, type] of [[JPEG, 'image/jpeg'], [GIF, 'image/gif'], [WEBP, 'image/webp'], [AVIF, 'image/avif'], [new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml']] as const) {
    const res = await put(t.token, bytes, type);
    assert.equal(res.status, 200, type);
    assert.equal((await res.json()).logo_content_type, type);
  }
  // application/octet-stream: the sniffed type decides.
  const octet = await put(t.token, PNG, 'application/octet-stream');
  assert.equal((await octet.json()).logo_content_type, 'image/png');
});

void test('logo: declared type that disagrees with the bytes, non-images and other content types are 415', async () => {
  const t = await tenant({customers: 0});
  for (const [bytes, type] of [[JPEG, 'image/png'], [PNG, 'image/svg+xml'], [new TextEncoder().encode('<html><svg/></html>'), 'image/svg+xml'], [new TextEncoder().encode('hello'), 'application/octet-stream'], [PNG, 'text/plain'], [PNG, 'application/json']] as const) {
    const res = await put(t.token, bytes, type);
    assert.equal(res.status, 415, `${type}`);
    assert.equal((await res.json()).error.code, 'unsupported_media_type');
  }
  assert.equal(Branding.parse((await call(t.token, 'GET', '/branding')).body).logo_url, null);
});

void test('an SVG with a script is stored as-is and only ever served with the sandboxing CSP', async () => {
  const t = await tenant({customers: 0});
  const res = await put(t.token, SVG_SCRIPT, 'image/svg+xml');
  assert.equal(res.status, 200);
  const {logo_url} = await res.json();
  const logo = await raw('http://sandbox.test' + logo_url);
  assert.equal(logo.headers.get('content-type'), 'image/svg+xml');
  assert.equal(logo.headers.get('content-security-policy'), "default-src 'none'; style-src 'unsafe-inline'; sandbox");
  assert.equal(logo.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(await logo.text(), SVG_SCRIPT);
});

void test('logo larger than 2 MB is 413 (Content-Length and chunked)', async () => {
  const t = await tenant({customers: 0});
  const big = new Uint8Array(LOGO_MAX_BYTES + 1);
  big.set(PNG);
  const withLength = await raw('/branding/logo', {method: 'PUT', headers: {authorization: `Bearer ${t.token}`, 'content-type': 'image/png', 'content-length': String(big.byteLength)}, body: big});
  assert.equal(withLength.status, 413);
  assert.equal((await withLength.json()).error.code, 'payload_too_large');
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < big.byteLength; i += 256 * 1024) controller.enqueue(big.slice(i, i + 256 * 1024));
      controller.close();
    },
  });
  const chunked = await raw('/branding/logo', {method: 'PUT', headers: {authorization: `Bearer ${t.token}`, 'content-type': 'image/png'}, body: stream, duplex: 'half'} as RequestInit);
  assert.equal(chunked.status, 413);
  const exact = new Uint8Array(LOGO_MAX_BYTES);
  exact.set(PNG);
  assert.equal((await put(t.token, exact, 'image/png')).status, 200);
});

void test('DELETE /branding/logo removes it; the old URL then answers 404', async () => {
  const t = await tenant({customers: 0});
  const {logo_url} = await (await put(t.token, GIF, 'image/gif')).json();
  const del = await call(t.token, 'DELETE', '/branding/logo');
  assert.equal(del.status, 200);
  assert.deepEqual([del.body.logo_url, del.body.logo_content_type], [null, null]);
  assert.equal((await raw('http://sandbox.test' + logo_url)).status, 404);
  assert.equal((await raw('/branding/logo/not-a-hash')).status, 404);
});

void test("a RESELLEE reads its own reseller's branding, never another's, and cannot change it", async () => {
  const a = await tenant({customers: 2});
  const b = await tenant({customers: 2});
  await call(a.token, 'PATCH', '/branding', {brand_color: '#aa0011'});
  assert.equal((await put(a.token, PNG, 'image/png')).status, 200);
  await call(b.token, 'PATCH', '/branding', {brand_color: '#00bb22'});
  const ownA = Branding.parse((await call(a.token, 'GET', '/branding')).body);
  const seenByA = await call(a.reselleeToken, 'GET', '/branding');
  assert.equal(seenByA.status, 200);
  assert.deepEqual(Branding.parse(seenByA.body), ownA);
  const seenByB = Branding.parse((await call(b.reselleeToken, 'GET', '/branding')).body);
  assert.deepEqual([seenByB.brand_color, seenByB.logo_url], ['#00bb22', null], "B's customers see B's branding, not A's");
  // Writes stay RESELLER-only, and change nothing.
  assert.equal((await call(a.reselleeToken, 'PATCH', '/branding', {brand_color: '#000000'})).status, 403);
  assert.equal((await put(a.reselleeToken, GIF, 'image/gif')).status, 403);
  assert.equal((await call(a.reselleeToken, 'DELETE', '/branding/logo')).status, 403);
  assert.deepEqual(Branding.parse((await call(a.token, 'GET', '/branding')).body), ownA);
});

void test('GET /branding: ETag and If-None-Match answer 304 until it changes; a tag never matches across tenants', async () => {
  const a = await tenant({customers: 0});
  const b = await tenant({customers: 0});
  const get = (token: string, inm?: string) => raw('/branding', {headers: {authorization: `Bearer ${token}`, ...(inm ? {'if-none-match': inm} : {})}});
  const first = await get(a.token);
  const etag = first.headers.get('etag')!;
  assert.match(etag, /^"[0-9a-f]{32}"$/);
  assert.equal(first.headers.get('cache-control'), 'private, no-cache');
  assert.equal(first.headers.get('vary'), 'Authorization');
  const again = await get(a.reselleeToken, etag);
  assert.equal(again.status, 304, "the reseller's customers share its version");
  assert.equal(await again.text(), '');
  assert.equal((await get(a.token, `W/${etag}`)).status, 304, 'weak comparison');
  const other = await get(b.token, etag);
  assert.equal(other.status, 200, "another tenant's session gets its own branding, never a 304 on A's tag");
  assert.notEqual(other.headers.get('etag'), etag);
  await call(a.token, 'PATCH', '/branding', {brand_color: '#123456'});
  const changed = await get(a.token, etag);
  assert.equal(changed.status, 200);
  assert.equal(Branding.parse(await changed.json()).brand_color, '#123456');
  assert.notEqual(changed.headers.get('etag'), etag);
});
