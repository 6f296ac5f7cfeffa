/**
 * The OpenAPI document against the server: for every operation in the document, a request set made
 * from it (valid requests with real ids, and bad ones: no token, a RESELLEE token, bad and huge path
 * ids, wrong-typed and out-of-range query values, missing and wrong-typed body fields, not JSON, the
 * wrong media type, an oversized body, a `__proto__` key, an overlong Idempotency-Key), sent to a
 * sandbox. Every answer's status must be one the document declares for that operation, its body must
 * match the declared schema, and none is a 500. Each operation must also answer 2xx at least once
 * (so the success schemas are checked, not only the errors).
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {check, resolve, sample} from './json-schema.js';
import {call, type Call, invitedUser, tenant} from './helpers.js';

type Schema = Record<string, unknown>;
interface Operation {
  parameters?: {name: string; in: string; required: boolean; schema: Schema}[];
  requestBody?: {content: Record<string, {schema: Schema}>};
  responses: Record<string, {content?: Record<string, {schema: Schema}>}>;
}
interface Probe {
  what: string;
  token: string | null;
  path: string;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
}

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8" fill="#0b3d91"/></svg>';
const BAD_IDS = ['0', '-1', 'abc', '2147483648', '99999999999999999999'];

/** A value of the wrong type for `schema` (a string for a number, a number for a string, ...). */
function wrongType(schema: Schema, root: Schema): unknown {
  const s = resolve(schema, root);
  const type = ([] as unknown[]).concat(s.type ?? (s.anyOf ? 'mixed' : 'object'))[0];
  return type === 'string' ? 12345 : type === 'object' ? ['not', 'an', 'object'] : type === 'array' ? {not: 'a list'} : 'not a number';
}

void test('every operation of the OpenAPI document answers only declared statuses with declared bodies, never 500', async () => {
  const t = await tenant({customers: 3});
  const doc = (await call(null, 'GET', '/openapi.json')).body as {paths: Record<string, Record<string, Operation>>};
  const root = doc as unknown as Schema;

  // Real ids of the tenant's resources for the valid requests.
  const customerId = (await call(t.token, 'GET', '/customers?sort=id')).body.data[0].id as number;
  const userId = (await call(t.token, 'GET', `/customers/${customerId}/users`)).body.data[0]?.id ?? 1;
  const tokenId = (await call(t.token, 'GET', `/customers/${customerId}/tokens`)).body.data[0]?.id ?? 1;
  const documentId = (await call(t.token, 'GET', '/transcripts/documents')).body.data[0]?.id ?? 1;
  const logo = await call(t.token, 'PUT', '/branding/logo', SVG, {'content-type': 'image/svg+xml'});
  const hash = /([0-9a-f]{64})/.exec(JSON.stringify(logo.body))?.[1] ?? '0'.repeat(64);
  const ids: Record<string, string> = {id: String(customerId), userId: String(userId), hash};
  // Resending an invitation needs an invited user (the seed's were never sent: no rate limit yet).
  const invited = await invitedUser(t);

  const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({path, method, op})));
  assert.ok(operations.length >= 25, `the document lists the API's operations (${operations.length})`);
  // Deletions last, so the other operations see their resources; the customer's (which takes its tokens and users) very last.
  const rank = (o: {method: string; path: string}) => (o.method !== 'delete' ? 0 : o.path === '/customers/{id}' ? 2 : 1);
  operations.sort((a, b) => rank(a) - rank(b));

  const problems: string[] = [];
  const succeeded = new Set<string>();
  let sent = 0;
  for (const {path, method, op} of operations) {
    const name = `${method.toUpperCase()} ${path}`;
    const pathIds: Record<string, string> = {
      ...ids,
      ...(path.startsWith('/tokens/') ? {id: String(tokenId)} : path.startsWith('/transcripts/documents/') ? {id: String(documentId)} : {}),
      ...(path.endsWith('/invitation') ? {id: String(invited.customerId), userId: String(invited.userId)} : {}),
    };
    const fill = (over: Record<string, string> = {}) => path.replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent(over[p] ?? pathIds[p]!));
    const query = (op.parameters ?? []).filter((p) => p.in === 'query');
    const jsonBody = op.requestBody?.content['application/json']?.schema;
    const imageBody = op.requestBody && !jsonBody;
    const json = {'content-type': 'application/json'};
    const validBody = jsonBody ? JSON.stringify(sample(jsonBody, root, false, sent)) : imageBody ? SVG : undefined;
    const validHeaders = jsonBody ? json : imageBody ? {'content-type': 'image/svg+xml'} : {};
    const probes: Probe[] = [
      {what: 'valid', token: t.token, path: fill(), body: validBody, headers: validHeaders},
      {what: 'no token', token: null, path: fill(), body: validBody, headers: validHeaders},
      {what: 'RESELLEE token', token: t.reselleeToken, path: fill(), body: validBody, headers: validHeaders},
    ];
    if (jsonBody) {
      const full = sample(jsonBody, root, true, sent + 1) as Record<string, unknown>;
      probes.push({what: 'every field', token: t.token, path: fill(), body: JSON.stringify(full), headers: json});
      probes.push({what: 'missing fields', token: t.token, path: fill(), body: '{}', headers: json});
      probes.push({what: 'not JSON', token: t.token, path: fill(), body: '{"name": ', headers: json});
      probes.push({what: 'text/plain', token: t.token, path: fill(), body: validBody, headers: {'content-type': 'text/plain'}});
      probes.push({what: 'oversized', token: t.token, path: fill(), body: JSON.stringify({name: 'x'.repeat(70_000)}), headers: json});
      probes.push({what: '__proto__ key', token: t.token, path: fill(), body: '{"__proto__":{"admin":true}}', headers: json});
      for (const [field, schema] of Object.entries((resolve(jsonBody, root).properties ?? {}) as Record<string, Schema>)) {
        probes.push({what: `${field} wrong type`, token: t.token, path: fill(), body: JSON.stringify({...full, [field]: wrongType(schema, root)}), headers: json});
        if (resolve(schema, root).type === 'integer') probes.push({what: `${field} 2^31`, token: t.token, path: fill(), body: JSON.stringify({...full, [field]: 2 ** 31}), headers: json});
      }
    }
    if (imageBody) {
      probes.push({what: 'empty image', token: t.token, path: fill(), body: '', headers: {'content-type': 'image/svg+xml'}});
      probes.push({what: 'not an image', token: t.token, path: fill(), body: 'plain text', headers: {'content-type': 'text/plain'}});
    }
    if (op.responses['409']) probes.push({what: 'overlong Idempotency-Key', token: t.token, path: fill(), body: validBody, headers: {...validHeaders, 'idempotency-key': 'k'.repeat(300)}});
    for (const p of path.match(/\{\w+\}/g) ?? []) {
      for (const bad of p === '{hash}' ? ['abc', 'f'.repeat(64)] : BAD_IDS) probes.push({what: `${p} = ${bad}`, token: t.token, path: fill({[p.slice(1, -1)]: bad}), body: validBody, headers: validHeaders});
    }
    if (query.length) {
      const full = Object.entries(Object.fromEntries(query.map((q) => [q.name, q.name === 'customer_id' ? String(customerId) : String(sample(q.schema, root, true, sent))])));
      probes.push({what: 'every query parameter', token: t.token, path: `${fill()}?${new URLSearchParams(full)}`});
      for (const q of query) {
        for (const bad of ['abc', '2147483648', '-1', '%00', '0000-01-01']) probes.push({what: `?${q.name}=${bad}`, token: t.token, path: `${fill()}?${q.name}=${bad}`});
      }
    }
    for (const probe of probes) {
      const res: Call = await call(probe.token, method.toUpperCase(), probe.path, probe.body, probe.headers);
      sent++;
      const where = `${name} (${probe.what}) -> ${res.status}`;
      const declared = op.responses[String(res.status)];
      if (!declared) {
        problems.push(`${where}: status not declared (declared: ${Object.keys(op.responses).join(', ')}) ${res.text.slice(0, 160)}`);
        continue;
      }
      if (res.status >= 200 && res.status < 300) succeeded.add(name);
      const schema = declared.content?.['application/json']?.schema;
      if (schema) {
        if (!(res.headers.get('content-type') ?? '').includes('application/json')) problems.push(`${where}: not JSON (${res.headers.get('content-type')})`);
        else problems.push(...check(schema, res.body, root).map((p) => `${where}: ${p}`));
      } else if (declared.content && res.status !== 204 && !res.text.length) {
        problems.push(`${where}: empty body where the document declares ${Object.keys(declared.content).join(', ')}`);
      }
    }
  }
  assert.deepEqual(problems, [], `${problems.length} of ${sent} answers broke the document:\n${problems.slice(0, 40).join('\n')}`);
  assert.deepEqual(operations.map((o) => `${o.method.toUpperCase()} ${o.path}`).filter((n) => !succeeded.has(n)), [], 'every operation answered 2xx at least once');
  assert.ok(sent > 300, `a real request set (${sent} requests)`);
});
