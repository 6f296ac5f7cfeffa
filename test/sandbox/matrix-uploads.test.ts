/**
 * Reliability matrix, uploads (issue 9): the logo upload (`PUT /branding/logo`, raw body) with
 * oversized bodies (declared, and streamed without Content-Length, also endless), wrong types,
 * spoofed Content-Types and hostile SVG. Each is either rejected (413 / 415 / 422, branding
 * unchanged) or stored and served inert: the sniffed Content-Type, `nosniff`, a CSP with
 * `default-src 'none'` and `sandbox` (no script, no external load), identical bytes.
 */
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {test} from 'node:test';
import {LOGO_MAX_BYTES} from '../../src/contract/schemas.js';
import {BASE, call, raw, tenant, type Tenant} from './helpers.js';
import {Matrix} from './reliability.js';

const matrix = new Matrix('uploads', 'Uploads');

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const HTML = Buffer.from('<!doctype html><html><body><script>parent.postMessage(document.cookie, "*")</script></body></html>');
const svg = (inner: string, attrs = '') => Buffer.from(`<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"${attrs}>${inner}</svg>`);

interface Case {
  row: string;
  body: Uint8Array | (() => ReadableStream<Uint8Array>);
  type: string | null;
  /** The expected refusal, or 'stored' with the type the logo must be served as. */
  expect: number | {stored: string};
  /** Streamed bodies: the most bytes the server may pull before answering. */
  maxPulled?: number;
}

let pulled = 0;
/** A body without Content-Length: `total` bytes (Infinity: endless) in 64 kB chunks, counting what is pulled. */
const stream = (total: number, first: Uint8Array = PNG) => () => {
  pulled = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      const chunk = pulled === 0 ? Buffer.concat([first, Buffer.alloc(65_536 - first.length)]) : new Uint8Array(65_536);
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
};

const cases: Case[] = [
  {row: 'oversized PNG, Content-Length (2 MB + 1)', body: Buffer.concat([PNG, Buffer.alloc(LOGO_MAX_BYTES + 1 - PNG.length)]), type: 'image/png', expect: 413},
  {row: 'oversized PNG, chunked, no Content-Length (3 MB)', body: stream(3 * 1024 * 1024), type: 'image/png', expect: 413, maxPulled: 3 * 1024 * 1024},
  {row: 'endless chunked body, no Content-Length', body: stream(Infinity), type: 'image/png', expect: 413, maxPulled: 17 * 1024 * 1024},
  {row: 'wrong type: text/plain', body: Buffer.from('just text'), type: 'text/plain', expect: 415},
  {row: 'wrong type: application/pdf', body: Buffer.from('%PDF-1.4\n%âãÏÓ\n'), type: 'application/pdf', expect: 415},
  {row: 'wrong type: no Content-Type', body: PNG, type: null, expect: 415},
  {row: 'not an image, sent as application/octet-stream', body: HTML, type: 'application/octet-stream', expect: 415},
  {row: 'spoofed: PNG bytes sent as text/html', body: PNG, type: 'text/html', expect: 415},
  {row: 'spoofed: HTML sent as image/png (evil.png)', body: HTML, type: 'image/png', expect: 415},
  {row: 'spoofed: HTML sent as image/svg+xml', body: HTML, type: 'image/svg+xml', expect: 415},
  {row: 'spoofed: PNG bytes sent as image/svg+xml', body: PNG, type: 'image/svg+xml', expect: 415},
  {row: 'spoofed: SVG sent as image/png', body: svg('<rect width="10" height="10"/>'), type: 'image/png', expect: 415},
  {row: 'empty body', body: new Uint8Array(0), type: 'image/png', expect: 422},
  {row: 'polyglot: PNG header + HTML/script', body: Buffer.concat([PNG, HTML]), type: 'image/png', expect: {stored: 'image/png'}},
  {row: 'polyglot: GIF header + JavaScript', body: Buffer.from('GIF89a=1;alert(document.domain)//'), type: 'application/octet-stream', expect: {stored: 'image/gif'}},
  {row: 'SVG with <script>', body: svg('<script>alert(document.cookie)</script><rect width="10" height="10"/>'), type: 'image/svg+xml', expect: {stored: 'image/svg+xml'}},
  {row: 'SVG with event handlers (onload, onclick)', body: svg('<rect width="10" height="10" onclick="alert(2)"/>', ' onload="alert(1)"'), type: 'image/svg+xml', expect: {stored: 'image/svg+xml'}},
  {row: 'SVG with <foreignObject> (HTML, iframe)', body: svg('<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml"><iframe src="javascript:alert(1)"></iframe><img src="x" onerror="alert(1)"/></div></foreignObject>'), type: 'image/svg+xml', expect: {stored: 'image/svg+xml'}},
  {row: 'SVG with external references (xlink:href, href, CSS url)', body: svg('<style>@import url(http://evil.example/x.css); rect{fill:url(http://evil.example/p.svg#p)}</style><image xlink:href="http://evil.example/track.png" width="5" height="5"/><use href="http://evil.example/sprite.svg#x"/><a xlink:href="javascript:alert(1)"><rect width="10" height="10"/></a>'), type: 'image/svg+xml', expect: {stored: 'image/svg+xml'}},
  // A DOCTYPE with an internal subset is not sniffed as SVG at all.
  {row: 'SVG with XML entity expansion (billion laughs)', body: Buffer.from('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&c;</text></svg>'), type: 'image/svg+xml', expect: 415},
  {row: 'SVG sent as application/octet-stream', body: svg('<script>alert(1)</script>'), type: 'application/octet-stream', expect: {stored: 'image/svg+xml'}},
];

async function upload(t: Tenant, c: Case): Promise<{status: number; text: string; json: any}> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const headers: Record<string, string> = {authorization: `Bearer ${t.token}`};
  if (c.type) headers['content-type'] = c.type;
  const body = typeof c.body === 'function' ? c.body() : c.body;
  const res = await raw(`${BASE}/branding/logo`, {method: 'PUT', headers, body: body as BodyInit, duplex: 'half'} as RequestInit);
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return {status: res.status, text, json};
}

void test('uploads: oversized, wrong type, spoofed type and hostile SVG are rejected or served inert', async () => {
  const t = await tenant({customers: 1});
  for (const c of cases) {
    const before = (await call(t.token, 'GET', '/branding')).body;
    const res = await upload(t, c);
    if (typeof c.expect === 'number') {
      const problem = res.status !== c.expect
        ? `expected ${c.expect}, got ${res.status} ${res.text.slice(0, 120)}`
        : typeof res.json?.error?.code !== 'string' ? 'no contract error body' : null;
      matrix.cell(c.row, 'upload', problem, `rejected ${res.status} ${res.json?.error?.code ?? ''}`);
      if (c.maxPulled !== undefined) {
        matrix.cell(c.row, 'server stops reading', pulled <= c.maxPulled ? null : `pulled ${pulled} bytes (limit ${c.maxPulled})`, `${(pulled / 1024 / 1024).toFixed(1)} MB pulled`);
      }
      const after = (await call(t.token, 'GET', '/branding')).body;
      matrix.cell(c.row, 'logo unchanged', JSON.stringify(after) === JSON.stringify(before) ? null : 'the branding changed after a refused upload');
      continue;
    }
    const stored = c.expect.stored;
    if (res.status !== 200) {
      matrix.cell(c.row, 'upload', `expected it stored (as ${stored}) and served inert, got ${res.status} ${res.text.slice(0, 120)}`);
      continue;
    }
    matrix.cell(c.row, 'upload', res.json?.logo_content_type === stored ? null : `stored as ${res.json?.logo_content_type}, expected ${stored}`, `stored as ${stored}`);
    // The logo URL is public (an <img> cannot send a token): fetch it without credentials.
    const served = await raw(`http://sandbox.test${res.json.logo_url}`);
    const bytes = Buffer.from(await served.arrayBuffer());
    const h = (name: string) => served.headers.get(name) ?? '';
    const sent = Buffer.from(c.body as Uint8Array);
    matrix.cell(c.row, 'served bytes identical', served.status === 200 && bytes.equals(sent) && res.json.logo_url.endsWith(createHash('sha256').update(sent).digest('hex')) ? null : `served ${served.status}, ${bytes.length} bytes`);
    matrix.cell(c.row, 'Content-Type', h('content-type') === stored ? null : `served as "${h('content-type')}"`);
    matrix.cell(c.row, 'nosniff', h('x-content-type-options').toLowerCase() === 'nosniff' ? null : 'no X-Content-Type-Options: nosniff');
    const csp = h('content-security-policy').split(';').map((d) => d.trim().toLowerCase());
    const cspOk = csp.includes("default-src 'none'") && csp.includes('sandbox') && !csp.some((d) => /^script-src|^connect-src|^img-src|^frame-src|^object-src/.test(d)) &&
      csp.every((d) => !/^style-src/.test(d) || /^style-src( 'unsafe-inline'| 'none')*$/.test(d));
    matrix.cell(c.row, "CSP default-src 'none'; sandbox", cspOk ? null : `CSP "${h('content-security-policy')}"`);
    matrix.cell(c.row, 'Content-Disposition', /^(inline|attachment)\b/.test(h('content-disposition')) ? null : `"${h('content-disposition')}"`, h('content-disposition'));
    matrix.cell(c.row, 'no cookie, no credentials', !served.headers.has('set-cookie') && !served.headers.has('access-control-allow-credentials') ? null : 'sets a cookie or allows credentials');
  }
  assert.deepEqual(matrix.failures(), []);
});

void test('uploads: a RESELLEE, another tenant and no token cannot upload (the logo is the reseller\'s)', async () => {
  const start = matrix.cells.length;
  const t = await tenant({customers: 1});
  for (const [name, token, expected] of [['RESELLEE token', t.reselleeToken, 403], ['no token', null, 401]] as const) {
    const res = await call(token, 'PUT', '/branding/logo', PNG, {'content-type': 'image/png'});
    matrix.cell(`valid PNG, ${name}`, 'upload', res.status === expected ? null : `expected ${expected}, got ${res.status}`, `rejected ${res.status}`);
  }
  assert.equal((await call(t.token, 'GET', '/branding')).body.logo_url, null);
  assert.deepEqual(matrix.failures(start), []);
});
