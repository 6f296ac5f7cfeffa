// The README's configuration part tells a partner to run the sandbox with CORS_ORIGINS set to a
// comma-separated list: its example, read from the README and parsed as `npm run sandbox` parses
// it, allows each listed origin (preflight with the kit's headers, a real GET) and no other.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {corsOriginsFromEnv} from '../../sandbox/cors-origins.js';
import type {Sandbox} from '../../sandbox/index.js';
import {createTestSandbox} from './postgres.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

void test('README: CORS_ORIGINS takes a list; each listed origin is allowed, others are not', async () => {
  const example = readme.match(/^CORS_ORIGINS=(\S+) npm run sandbox$/m);
  assert.ok(example, 'the README shows `CORS_ORIGINS=<a>,<b> npm run sandbox` in a code block');
  const origins = corsOriginsFromEnv(example[1]);
  assert.ok(origins.length >= 2, `the example lists several origins: ${example[1]}`);
  assert.deepEqual(corsOriginsFromEnv(' https://a.example , ,https://b.example,'), ['https://a.example', 'https://b.example']);
  assert.deepEqual(corsOriginsFromEnv(undefined), []);

  let sb: Sandbox | null = null;
  try {
    sb = await createTestSandbox({seed: false, corsOrigins: origins});
    for (const origin of origins) {
      const pre = await sb.fetch(new Request('http://x/api/v3/reseller/customers', {
        method: 'OPTIONS',
        headers: {origin, 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization,if-match,idempotency-key'},
      }));
      assert.equal(pre.headers.get('access-control-allow-origin'), origin, `${origin}: preflight allowed`);
      for (const header of ['authorization', 'if-match', 'idempotency-key']) {
        assert.ok(pre.headers.get('access-control-allow-headers')?.toLowerCase().split(/,\s*/).includes(header), `${origin}: ${header} allowed`);
      }
      const get = await sb.fetch(new Request('http://x/api/v3/reseller/plans', {headers: {origin}}));
      assert.equal(get.headers.get('access-control-allow-origin'), origin, `${origin}: GET answered with CORS`);
      assert.match(get.headers.get('access-control-expose-headers')?.toLowerCase() ?? '', /etag/);
    }
    const other = await sb.fetch(new Request('http://x/api/v3/reseller/plans', {headers: {origin: 'https://not-listed.example'}}));
    assert.equal(other.headers.get('access-control-allow-origin'), null, 'an origin not in the list gets no CORS headers');
  } finally {
    await sb?.close();
  }
});
