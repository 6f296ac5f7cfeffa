/**
 * Sandbox abuse, validation at the edge: inputs PostgreSQL or a plain object cannot hold (NUL bytes,
 * lone UTF-16 surrogates, ids past int4, year-0000 dates, `__proto__` keys, oversized control-API
 * seeds) answer 400/404/422 with the contract's error body, never 500, and store nothing.
 */
import assert from 'node:assert/strict';
import {SandboxErrorBody} from '../../src/contract/schemas.js';
import {type Call, call, control, tenant} from './helpers.js';
import {abuseTest} from './reliability.js';

const BIG = '2147483648'; // 2^31: one past PostgreSQL's int4

/** The answer is `status` with a contract error body (closed code lists); for a 422, `field` is named with a code. */
function refused(res: Call, status: number, what: string, field?: string): void {
  assert.equal(res.status, status, `${what}: ${res.status} ${res.text.slice(0, 300)}`);
  assert.ok(SandboxErrorBody.safeParse(res.body).success, `${what}: error body in the contract's shape: ${res.text.slice(0, 300)}`);
  if (field) {
    assert.ok(Object.hasOwn(res.body.error.fields ?? {}, field), `${what}: names ${field}: ${JSON.stringify(res.body.error.fields)}`);
    assert.ok(Object.hasOwn(res.body.error.field_codes ?? {}, field), `${what}: a code for ${field}: ${JSON.stringify(res.body.error.field_codes)}`);
  }
}

abuseTest('Validation', 'NUL bytes in the query: 400 with the error body', async () => {
  const t = await tenant({customers: 1});
  refused(await call(t.token, 'GET', '/customers?q=a%00b'), 400, 'NUL in ?q');
  refused(await call(t.token, 'GET', '/transcripts?q=%00'), 400, 'NUL in transcripts ?q');
  refused(await call(t.token, 'GET', '/customers?status=active%00'), 400, 'NUL in ?status');
});

abuseTest('Validation', 'NUL bytes, lone surrogates and __proto__/constructor/prototype keys in bodies: 422 naming the field, nothing stored', async () => {
  const t = await tenant({customers: 1});
  const bodies: [string, string, string][] = [
    ['{"name":"a\\u0000b","email":"n@n.example"}', 'name', 'NUL in a string'],
    ['{"name":"S","email":"s@s.example","metadata":{"k":"\\ud800"}}', 'metadata.k', 'lone surrogate in a metadata value'],
    ['{"name":"S","email":"s@s.example","metadata":{"\\udc00":"x"}}', 'metadata.\udc00', 'lone surrogate in a metadata key'],
    ['{"name":"P","email":"p@p.example","metadata":{"__proto__":{"x":"1"}}}', 'metadata.__proto__', '__proto__ key'],
    ['{"name":"C","email":"c@c.example","metadata":{"constructor":"x"}}', 'metadata.constructor', 'constructor key'],
    ['{"name":"R","email":"r@r.example","metadata":{"prototype":"x"}}', 'metadata.prototype', 'prototype key'],
    ['{"__proto__":{"name":"X"},"name":"T","email":"t@t.example"}', '__proto__', 'top-level __proto__ key'],
  ];
  for (const [body, field, what] of bodies) refused(await call(t.token, 'POST', '/customers', body), 422, what, field);
  assert.equal((await call(t.token, 'GET', '/customers')).body.total, 1, 'nothing was created');

  const [customer] = (await call(t.token, 'GET', '/customers')).body.data;
  const read = await call(t.token, 'GET', `/customers/${customer.id}`);
  const before = read.body;
  const patch = await call(t.token, 'PATCH', `/customers/${customer.id}`, '{"metadata":{"__proto__":{"segment":"x"}}}', {'if-match': read.headers.get('etag')!});
  refused(patch, 422, 'PATCH metadata.__proto__', 'metadata.__proto__');
  assert.deepEqual((await call(t.token, 'GET', `/customers/${customer.id}`)).body.metadata, before.metadata, 'metadata kept, not silently emptied');
});

abuseTest('Validation', 'ids >= 2^31, negative or not numeric: 404 in a path, 422 naming the field in a body or query', async () => {
  const t = await tenant({customers: 1});
  for (const id of [BIG, '99999999999999999999', '-1', '0', 'abc', '1e3', '1.5']) {
    for (const path of [`/customers/${id}`, `/customers/${id}/usage`, `/customers/${id}/subscription`, `/customers/${id}/tokens`, `/customers/${id}/users`, `/transcripts/documents/${id}/download`]) {
      refused(await call(t.token, 'GET', path), 404, `GET ${path}`);
    }
    refused(await call(t.token, 'DELETE', `/tokens/${id}`), 404, `DELETE /tokens/${id}`);
    refused(await call(t.token, 'PATCH', `/customers/1/users/${id}`, {status: 'active'}), 404, `PATCH a user ${id}`);
  }
  for (const path of [`/customers?page=${BIG}`, `/transcripts?customer_id=${BIG}`, `/transcripts?page=${BIG}`, `/transcripts/documents?customer_id=${BIG}`,
    `/transcripts/documents?transcript_id=${BIG}`, `/usage/export?customer_id=${BIG}`, '/transcripts?customer_id=-1', '/transcripts?customer_id=abc']) {
    const name = /[?&](\w+)=/.exec(path)![1]!;
    refused(await call(t.token, 'GET', path), 422, `GET ${path}`, name);
  }
  for (const customerId of [2 ** 31, 1e300, -1, 0, 1.5, '1']) {
    refused(await call(t.token, 'POST', '/tokens', {customer_id: customerId, name: 'x', permissions: ['usage:read']}), 422, `POST /tokens customer_id ${customerId}`, 'customer_id');
  }
  refused(await control('POST', '/transcripts', t.token, {customer_id: 2 ** 31, title: 'x'}), 422, 'control transcript for customer 2^31', 'customer_id');
});

abuseTest('Validation', 'year-0000 and out-of-range dates in usage, export and transcript queries: 422 naming the field', async () => {
  const t = await tenant({customers: 1});
  const [customer] = (await call(t.token, 'GET', '/customers')).body.data;
  const cases: [string, string][] = [
    [`/customers/${customer.id}/usage?from=0000-01-01&to=0000-12-31`, 'from'],
    ['/usage?from=0000-01-01&to=0000-12-31', 'from'],
    ['/usage?from=2026-01-01&to=9999-12-31', 'to'],
    ['/usage?from=1899-12-31&to=1900-01-31', 'from'],
    ['/usage?from=2024-02-30', 'from'],
    ['/usage?to=2024-13-01', 'to'],
    ['/usage/export?from=0000-01-01&to=0000-01-31&granularity=day', 'from'],
    ['/usage/export?from=9999-12-01&to=9999-12-31&granularity=month', 'from'],
    ['/transcripts?from=0000-01-01', 'from'],
    ['/transcripts?to=00000-01-01', 'to'],
  ];
  for (const [path, field] of cases) refused(await call(t.token, 'GET', path), 422, `GET ${path}`, field);
  refused(await call(t.token, 'POST', '/tokens', {customer_id: customer.id, name: 'x', permissions: ['usage:read'], expires_at: '0000-01-01T00:00:00Z'}), 422, 'token expiring in year 0', 'expires_at');
});

abuseTest('Validation', 'control API: an oversized or negative seed, NUL in a tenant name or transcript title: 422, never 500', async () => {
  for (const seed of [2 ** 31, 1e300, -1, 1.5, '9'.repeat(400)]) {
    refused(await control('POST', '/tenants', undefined, {customers: 1, seed}), 422, `seed ${String(seed).slice(0, 20)}`, 'seed');
  }
  refused(await control('POST', '/tenants', undefined, {customers: 1, name: 'a\u0000b'}), 422, 'NUL in a tenant name', 'name');
  refused(await control('POST', '/tenants', undefined, '{"customers":1,"__proto__":{"customers":500}}'), 422, '__proto__ in a tenant body', '__proto__');
  const t = await tenant({customers: 1});
  const [customer] = (await call(t.token, 'GET', '/customers')).body.data;
  refused(await control('POST', '/transcripts', t.token, {customer_id: customer.id, title: 'x\u0000y'}), 422, 'NUL in a transcript title', 'title');
  refused(await control('POST', '/transcripts', t.token, {customer_id: customer.id, title: '\ud800'}), 422, 'lone surrogate in a transcript title', 'title');
});
