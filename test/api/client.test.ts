/**
 * ResellerClient against the real sandbox (same origin, fault injection, request log). No fetch
 * stubs: every count below is what really reached the server.
 */
import {expect} from '@open-wc/testing';
import {ResellerClient, type ResellerClientOptions} from '../../src/api/client.js';
import {
  AuthError, ConflictError, HttpError, NetworkError, NotFoundError, RateLimitError, ResellerApiError, SchemaError,
  TimeoutError, ValidationError, formatPath, isAbortError,
} from '../../src/api/errors.js';
import type {Customer} from '../../src/contract/schemas.js';
import {type RecordedRequest, type Tenant, clearRequests, createTenant, requests, setFaults} from '../helpers/sandbox.js';
import {waitFor} from '../helpers/wait.js';

/** Fast retries so tests do not wait on production backoff. */
function client(token: string | null, options: ResellerClientOptions = {}): ResellerClient {
  return new ResellerClient({token, retry: {baseDelayMs: 5, maxDelayMs: 20, jitter: 0.1}, ...options});
}

/** When the current test started: slow requests of an earlier (aborted) test may still land in the log. */
let since = '';

/** The requests of this test that reached the sandbox. */
async function seen(token: string, method: string, path: string | RegExp): Promise<RecordedRequest[]> {
  return (await requests(token)).filter(
    (r) => r.at >= since && r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)),
  );
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, it succeeded');
}

let tenant: Tenant;
let firstId: number;
let lastId: number;

before(async () => {
  tenant = await createTenant({customers: 12, seed: 7});
  const page = await client(tenant.token).listCustomers({per_page: 25});
  firstId = page.data[0]!.id;
  lastId = page.data[page.data.length - 1]!.id;
});

beforeEach(async () => {
  await setFaults(tenant.token, []);
  await clearRequests(tenant.token);
  since = new Date().toISOString();
});

describe('ResellerClient: the validated fetch path', () => {
  it('defaults to /api/v3/reseller on the page origin', () => {
    expect(new ResellerClient().baseUrl).to.equal(`${location.origin}/api/v3/reseller`);
    expect(new ResellerClient({baseUrl: 'https://api.example.com/v3/'}).baseUrl).to.equal('https://api.example.com/v3');
  });

  it('lists customers as a validated page, with the query sent in a stable order', async () => {
    const page = await client(tenant.token).listCustomers({per_page: 50, page: 1, sort: 'name', order: 'desc'});
    expect(page.total).to.equal(12);
    expect(page.per_page).to.equal(50);
    expect(page.data).to.have.length(12);
    const names = page.data.map((c) => c.name.toLowerCase());
    expect(names).to.deep.equal([...names].sort().reverse());
    const [req] = await seen(tenant.token, 'GET', '/customers');
    expect(req!.query).to.equal('order=desc&page=1&per_page=50&sort=name');
  });

  it('answers 404 as a NotFoundError with the server code and message', async () => {
    const error = await rejection(client(tenant.token).getCustomer(99_999_999));
    expect(error).to.be.instanceOf(NotFoundError);
    expect(error).to.be.instanceOf(HttpError);
    expect(error).to.be.instanceOf(ResellerApiError);
    const e = error as NotFoundError;
    expect(e.status).to.equal(404);
    expect(e.code).to.equal('not_found');
    expect(e.kind).to.equal('not-found');
    expect(e.name).to.equal('NotFoundError');
    expect(e.message).to.be.a('string').and.not.empty;
  });

  it('answers 422 as a ValidationError with the field messages', async () => {
    const error = await rejection(client(tenant.token).createCustomer({name: 'X', email: 'not-an-email'}));
    expect(error).to.be.instanceOf(ValidationError);
    expect((error as ValidationError).fields).to.have.property('email').that.is.a('string');
  });

  it('turns a malformed JSON body into a SchemaError with an empty path', async () => {
    await setFaults(tenant.token, [{method: 'GET', path: '/customers', body: 'malformed'}]);
    const error = await rejection(client(tenant.token).listCustomers());
    expect(error).to.be.instanceOf(SchemaError);
    expect((error as SchemaError).at).to.equal('');
    expect((error as SchemaError).message).to.contain('not valid JSON');
  });

  it('turns a body that breaks the contract into a SchemaError naming the failing path', async () => {
    await setFaults(tenant.token, [{method: 'GET', path: '/customers*', body: 'invalid'}]);
    const list = (await rejection(client(tenant.token).listCustomers())) as SchemaError;
    expect(list).to.be.instanceOf(SchemaError);
    expect(list.at).to.equal('data');
    const one = (await rejection(client(tenant.token).getCustomer(firstId))) as SchemaError;
    expect(one.at).to.equal('id');
    expect(one.issues.length).to.be.greaterThan(1);
  });

  it('formats deep paths as data[3].email', () => {
    expect(formatPath(['data', 3, 'email'])).to.equal('data[3].email');
    expect(formatPath([0, 'usage', 'quota_minutes'])).to.equal('[0].usage.quota_minutes');
    expect(formatPath([])).to.equal('');
  });

  it('never puts the token in URLs, error messages or enumerable state', async () => {
    await setFaults(tenant.token, [{status: 500}]);
    const c = client(tenant.token, {retry: false});
    const error = (await rejection(c.listCustomers({q: 'x'}))) as HttpError;
    const [req] = await seen(tenant.token, 'GET', '/customers');
    expect(req!.query).not.to.contain(tenant.token);
    for (const text of [error.message, String(error), error.stack ?? '', JSON.stringify(error), JSON.stringify(c), c.baseUrl]) {
      expect(text).not.to.contain(tenant.token);
    }
    expect(Object.values(c).join(' ')).not.to.contain(tenant.token);
  });
});

describe('ResellerClient: dedupe and cache', () => {
  it('shares one request between identical concurrent GETs, each caller getting its own copy', async () => {
    const c = client(tenant.token);
    const [a, b, d] = await Promise.all([c.listCustomers({page: 1}), c.listCustomers({page: 1}), c.listCustomers({page: 1})]);
    expect(await seen(tenant.token, 'GET', '/customers')).to.have.length(1);
    expect(a).to.deep.equal(b);
    expect(a).to.deep.equal(d);
    expect(a).not.to.equal(b);
    a.data[0]!.name = 'mutated by caller a';
    expect((await c.listCustomers({page: 1})).data[0]!.name).not.to.equal('mutated by caller a');
  });

  it('reuses a result within the TTL and asks again after it', async () => {
    // A TTL long enough that a stalled CI machine cannot let it lapse between the first two calls.
    const c = client(tenant.token, {cacheTtlMs: 1000});
    const firstAskedAt = performance.now();
    await c.getCustomer(firstId);
    await c.getCustomer(firstId);
    expect(await seen(tenant.token, 'GET', `/customers/${firstId}`)).to.have.length(1);
    // Ask until the second GET reaches the sandbox: not before the TTL has run out.
    await waitFor(async () => {
      await c.getCustomer(firstId);
      return (await seen(tenant.token, 'GET', `/customers/${firstId}`)).length === 2;
    }, 'a GET once the 1 s TTL has lapsed', {interval: 100});
    expect(performance.now() - firstAskedAt, 'asked again only after the TTL').to.be.at.least(1000);
  });

  it('asks again for `fresh: true`, and caches nothing with cacheTtlMs 0', async () => {
    const c = client(tenant.token);
    await c.getCustomer(firstId);
    await c.getCustomer(firstId, {fresh: true});
    expect(await seen(tenant.token, 'GET', `/customers/${firstId}`)).to.have.length(2);
    const noCache = client(tenant.token, {cacheTtlMs: 0});
    await noCache.getMe();
    await noCache.getMe();
    expect(await seen(tenant.token, 'GET', '/me')).to.have.length(2);
  });

  it('drops the customer, its lists and usage after a PATCH of it, but not other customers', async () => {
    const c = client(tenant.token);
    const page = await c.listCustomers();
    const [one, other] = page.data as [Customer, Customer];
    const before = await c.getCustomer(one.id);
    await c.getCustomer(other.id);
    await c.updateCustomer(one.id, {name: 'Renamed Org'}, {etag: c.etagOf(before)});
    const after = await c.getCustomer(one.id);
    expect(after.name).to.equal('Renamed Org');
    const relisted = await c.listCustomers();
    expect(relisted.data.find((x) => x.id === one.id)!.name).to.equal('Renamed Org');
    await c.getCustomer(other.id);
    expect(await seen(tenant.token, 'GET', `/customers/${one.id}`)).to.have.length(2);
    expect(await seen(tenant.token, 'GET', '/customers')).to.have.length(2);
    expect(await seen(tenant.token, 'GET', `/customers/${other.id}`)).to.have.length(1);
  });

  it('drops the customer and its usage after a plan change', async () => {
    const c = client(tenant.token);
    const before = await c.getCustomerUsage(lastId);
    await c.getCustomer(lastId);
    const plan = before.plan === 'gold' ? 'silver' : 'gold';
    await c.updateSubscription(lastId, {plan});
    expect((await c.getCustomerUsage(lastId)).plan).to.equal(plan);
    expect((await c.getCustomer(lastId)).plan).to.equal(plan);
    expect(await seen(tenant.token, 'GET', `/customers/${lastId}/usage`)).to.have.length(2);
    expect(await seen(tenant.token, 'GET', `/customers/${lastId}`)).to.have.length(2);
  });

  it('drops a token list after a token is created or revoked', async () => {
    const c = client(tenant.token);
    const before = await c.listTokens(lastId);
    const created = await c.createToken({customer_id: lastId, name: 'Cache test', permissions: ['usage:read']});
    expect((await c.listTokens(lastId)).length).to.equal(before.length + 1);
    await c.revokeToken(created.id);
    expect((await c.listTokens(lastId)).map((t) => t.id)).not.to.include(created.id);
    expect(await seen(tenant.token, 'GET', `/customers/${lastId}/tokens`)).to.have.length(3);
  });

  it('drops cached lists after a create', async () => {
    const c = client(tenant.token);
    const before = await c.listCustomers({per_page: 100});
    await c.createCustomer({name: 'Listed After Create', email: `listed-${Date.now()}@example.com`});
    const after = await c.listCustomers({per_page: 100});
    expect(after.total).to.equal(before.total + 1);
    expect(await seen(tenant.token, 'GET', '/customers')).to.have.length(2);
  });

  it("lets one caller abort without aborting the request others wait for", async () => {
    await setFaults(tenant.token, [{method: 'GET', path: '/me', delay_ms: 300}]);
    const c = client(tenant.token);
    const quitter = new AbortController();
    const aborted = c.getMe({signal: quitter.signal});
    const waiting = c.getMe({signal: new AbortController().signal});
    const plain = c.getMe();
    quitter.abort();
    const error = await rejection(aborted);
    expect(isAbortError(error)).to.be.true;
    expect((await waiting).role).to.equal('RESELLER');
    expect((await plain).role).to.equal('RESELLER');
    expect(await seen(tenant.token, 'GET', '/me')).to.have.length(1);
  });

  it('aborts the shared request when every caller aborted, and reports nothing', async () => {
    await setFaults(tenant.token, [{method: 'GET', path: '/me', delay_ms: 400}]);
    const reported: unknown[] = [];
    const c = client(tenant.token, {onRequestError: (e) => reported.push(e)});
    const a = new AbortController();
    const b = new AbortController();
    const started = performance.now();
    const calls = [c.getMe({signal: a.signal}), c.getMe({signal: b.signal})].map(rejection);
    a.abort();
    b.abort();
    for (const error of await Promise.all(calls)) expect(isAbortError(error)).to.be.true;
    expect(performance.now() - started).to.be.lessThan(300);
    // A new caller does not join the aborted request: it gets an answer.
    await setFaults(tenant.token, []);
    expect((await c.getMe()).role).to.equal('RESELLER');
    expect(reported).to.deep.equal([]);
  });

  it('rejects at once for an already aborted signal', async () => {
    const c = client(tenant.token);
    const error = await rejection(c.getMe({signal: AbortSignal.abort()}));
    expect(isAbortError(error)).to.be.true;
    expect(await seen(tenant.token, 'GET', '/me')).to.have.length(0);
  });
});

describe('ResellerClient: retries', () => {
  it('retries a GET after a 503 and a 502', async () => {
    await setFaults(tenant.token, [{method: 'GET', path: '/me', status: 503, times: 1}, {method: 'GET', path: '/me', status: 502, times: 1}]);
    expect((await client(tenant.token).getMe()).role).to.equal('RESELLER');
    expect((await seen(tenant.token, 'GET', '/me')).map((r) => r.status)).to.deep.equal([503, 502, 200]);
  });

  it('gives up after two retries with the last HttpError, reported once', async () => {
    await setFaults(tenant.token, [{method: 'GET', path: '/me', status: 504}]);
    const reported: ResellerApiError[] = [];
    const error = await rejection(client(tenant.token, {onRequestError: (e) => reported.push(e)}).getMe());
    expect(error).to.be.instanceOf(HttpError);
    expect((error as HttpError).status).to.equal(504);
    expect(await seen(tenant.token, 'GET', '/me')).to.have.length(3);
    expect(reported).to.deep.equal([error]);
    expect(reported[0]!.path).to.equal('/me');
  });

  it('does not retry other errors (500)', async () => {
    await setFaults(tenant.token, [{method: 'GET', path: '/me', status: 500}]);
    expect(await rejection(client(tenant.token).getMe())).to.be.instanceOf(HttpError);
    expect(await seen(tenant.token, 'GET', '/me')).to.have.length(1);
  });

  it('turns a dropped connection into a NetworkError after two retries, and recovers from one drop', async () => {
    await setFaults(tenant.token, [{method: 'GET', path: '/me', drop: true}]);
    // A pass-through around the real fetch counts the client's attempts: browsers may themselves
    // resend a GET on a reset keep-alive connection, so the server log can hold more.
    let attempts = 0;
    const counted: typeof fetch = (input, init) => (attempts++, fetch(input, init));
    const error = await rejection(client(tenant.token, {fetch: counted}).getMe());
    expect(error).to.be.instanceOf(NetworkError);
    expect((error as NetworkError).kind).to.equal('network');
    expect(attempts).to.equal(3);
    await setFaults(tenant.token, [{method: 'GET', path: '/me', drop: true, times: 1}]);
    expect((await client(tenant.token).getMe()).role).to.equal('RESELLER');
  });

  it('retries a POST after a 503 with the same Idempotency-Key, creating the customer once', async () => {
    await setFaults(tenant.token, [{method: 'POST', path: '/customers', status: 503, times: 1}]);
    const email = `once-${Date.now()}@example.com`;
    const created = await client(tenant.token).createCustomer({name: 'Created Once', email});
    const posts = await seen(tenant.token, 'POST', '/customers');
    expect(posts.map((r) => r.status)).to.deep.equal([503, 201]);
    // The request log shows a digest of the key, never the key itself (sandbox/faults.ts).
    expect(posts[0]!.idempotency_key).to.match(/^sha256:[0-9a-f]{16}$/);
    expect(posts[1]!.idempotency_key).to.equal(posts[0]!.idempotency_key);
    const found = await client(tenant.token).listCustomers({q: email});
    expect(found.data.map((c) => c.id)).to.deep.equal([created.id]);
  });

  it('sends a new key for each logical call, and a caller key is replayed by the server', async () => {
    const c = client(tenant.token);
    await c.createCustomer({name: 'Key One', email: `k1-${Date.now()}@example.com`});
    await c.createCustomer({name: 'Key Two', email: `k2-${Date.now()}@example.com`});
    const [p1, p2] = await seen(tenant.token, 'POST', '/customers');
    expect(p1!.idempotency_key).to.be.a('string').and.not.equal(p2!.idempotency_key);
    const key = `test-${Date.now()}`;
    const email = `replay-${Date.now()}@example.com`;
    const first = await c.createCustomer({name: 'Replayed', email}, {idempotencyKey: key});
    const second = await c.createCustomer({name: 'Replayed', email}, {idempotencyKey: key});
    expect(second.id).to.equal(first.id);
    expect((await c.listCustomers({q: email})).total).to.equal(1);
  });

  it('never retries a POST sent without a key', async () => {
    await setFaults(tenant.token, [{method: 'POST', path: '/customers', status: 503, times: 1}]);
    const email = `nokey-${Date.now()}@example.com`;
    const error = await rejection(client(tenant.token).createCustomer({name: 'No Key', email}, {idempotencyKey: false}));
    expect((error as HttpError).status).to.equal(503);
    const posts = await seen(tenant.token, 'POST', '/customers');
    expect(posts).to.have.length(1);
    expect(posts[0]!.idempotency_key).to.equal(null);
  });

  it('never retries a PATCH', async () => {
    await setFaults(tenant.token, [{method: 'PATCH', status: 503, times: 1}]);
    const error = await rejection(client(tenant.token).updateCustomer(firstId, {name: 'Not Retried'}));
    expect((error as HttpError).status).to.equal(503);
    expect(await seen(tenant.token, 'PATCH', `/customers/${firstId}`)).to.have.length(1);
  });

  it('does not retry at all with retry: false', async () => {
    await setFaults(tenant.token, [{method: 'GET', path: '/me', status: 503, times: 1}]);
    expect(await rejection(client(tenant.token, {retry: false}).getMe())).to.be.instanceOf(HttpError);
    expect(await seen(tenant.token, 'GET', '/me')).to.have.length(1);
  });
});

describe('ResellerClient: optimistic concurrency', () => {
  it('sends If-Match with the ETag of the customer read, and answers a stale one with ConflictError', async () => {
    const c = client(tenant.token);
    const read = await c.getCustomer(firstId);
    const etag = c.etagOf(read);
    expect(etag).to.be.a('string').and.not.empty;
    const updated = await c.updateCustomer(firstId, {name: 'First Edit'}, {etag});
    expect(c.etagOf(updated)).to.be.a('string').and.not.equal(etag);
    const error = await rejection(c.updateCustomer(firstId, {name: 'Stale Edit'}, {etag}));
    expect(error).to.be.instanceOf(ConflictError);
    expect((error as ConflictError).status).to.equal(412);
    expect((error as ConflictError).kind).to.equal('conflict');
    const patches = await seen(tenant.token, 'PATCH', `/customers/${firstId}`);
    expect(patches.map((r) => [r.if_match, r.status])).to.deep.equal([[etag, 200], [etag, 412]]);
    // Overwrite: read the fresh ETag and send the edit again.
    const fresh = await c.getCustomer(firstId, {fresh: true});
    expect(fresh.name).to.equal('First Edit');
    const overwritten = await c.updateCustomer(firstId, {name: 'Stale Edit'}, {etag: c.etagOf(fresh)});
    expect(overwritten.name).to.equal('Stale Edit');
  });

  it('keeps the ETag with cached results and deduplicated copies', async () => {
    const c = client(tenant.token);
    const [a, b] = await Promise.all([c.getCustomer(firstId), c.getCustomer(firstId)]);
    const cached = await c.getCustomer(firstId);
    expect(c.etagOf(a)).to.be.a('string');
    expect(c.etagOf(b)).to.equal(c.etagOf(a));
    expect(c.etagOf(cached)).to.equal(c.etagOf(a));
    expect(c.etagOf({})).to.equal(undefined);
  });
});

describe('ResellerClient: authentication', () => {
  it('asks getToken once for concurrent 401s and retries each call once', async () => {
    let calls = 0;
    let unauthorized = 0;
    const c = client('rsk_expired_or_bogus', {
      // The real fetch, counting the 401s the client receives.
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (response.status === 401) unauthorized++;
        return response;
      },
      // The token arrives only once all three calls have had their 401: the refresh is concurrent for each.
      getToken: async () => {
        calls++;
        await waitFor(() => unauthorized >= 3, 'the three calls receive their 401', {observe: () => unauthorized});
        return tenant.token;
      },
    });
    const [page, me, one] = await Promise.all([c.listCustomers(), c.getMe(), c.getCustomer(firstId)]);
    expect(calls).to.equal(1);
    expect(page.total).to.be.greaterThan(0);
    expect(me.role).to.equal('RESELLER');
    expect(one.id).to.equal(firstId);
    // The sandbox logs authenticated requests only: each call reached it once with the fresh token.
    expect(await seen(tenant.token, 'GET', /^\/(me|customers)/)).to.have.length(3);
  });

  it('calls getToken first when there is no token yet (once for concurrent calls)', async () => {
    let calls = 0;
    const c = client(null, {getToken: () => (calls++, tenant.token)});
    await Promise.all([c.getMe(), c.listCustomers()]);
    expect(calls).to.equal(1);
  });

  it('gives up on a second 401 with AuthError, reported once through onAuthError', async () => {
    let calls = 0;
    const authErrors: AuthError[] = [];
    const requestErrors: unknown[] = [];
    const c = client('rsk_bogus', {
      getToken: async () => (calls++, 'rsk_still_bogus'),
      onAuthError: (e) => authErrors.push(e),
      onRequestError: (e) => requestErrors.push(e),
    });
    const [e1, e2] = await Promise.all([rejection(c.getMe()), rejection(c.listCustomers())]);
    expect(e1).to.be.instanceOf(AuthError);
    expect(e2).to.be.instanceOf(AuthError);
    expect((e1 as AuthError).status).to.equal(401);
    expect((e1 as AuthError).kind).to.equal('auth');
    expect(calls).to.equal(1);
    expect(authErrors).to.have.length(1);
    expect(requestErrors).to.deep.equal([]);
    expect(authErrors[0]!.message).not.to.contain('rsk_still_bogus');
  });

  it('fails with AuthError at once without getToken', async () => {
    const authErrors: unknown[] = [];
    const error = await rejection(client('rsk_bogus', {onAuthError: (e) => authErrors.push(e)}).getMe());
    expect(error).to.be.instanceOf(AuthError);
    expect(authErrors).to.deep.equal([error]);
  });

  it('treats a failing getToken as AuthError', async () => {
    const c = client('rsk_bogus', {getToken: () => Promise.reject(new Error('host login failed'))});
    const error = await rejection(c.getMe());
    expect(error).to.be.instanceOf(AuthError);
    expect((error as AuthError).code).to.equal('token_refresh_failed');
  });

  it('answers a RESELLEE token on reseller endpoints with a ForbiddenError', async () => {
    const c = client(tenant.reselleeToken);
    expect((await c.getMe()).role).to.equal('RESELLEE');
    const error = await rejection(c.listCustomers());
    expect(error).to.be.instanceOf(HttpError);
    expect((error as HttpError).kind).to.equal('forbidden');
  });
});

describe('ResellerClient: rate limits and time limits', () => {
  it('waits out Retry-After on 429 and tries again', async () => {
    await setFaults(tenant.token, [{method: 'GET', path: '/me', status: 429, retry_after: 1, times: 1}]);
    const started = performance.now();
    expect((await client(tenant.token).getMe()).role).to.equal('RESELLER');
    expect(performance.now() - started).to.be.greaterThan(950);
    expect((await seen(tenant.token, 'GET', '/me')).map((r) => r.status)).to.deep.equal([429, 200]);
  });

  it('gives up with RateLimitError when Retry-After is beyond the cap', async () => {
    await setFaults(tenant.token, [{method: 'GET', path: '/me', status: 429, retry_after: 30}]);
    const started = performance.now();
    const error = await rejection(client(tenant.token).getMe());
    expect(error).to.be.instanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).to.equal(30_000);
    expect(performance.now() - started).to.be.lessThan(1000);
    expect(await seen(tenant.token, 'GET', '/me')).to.have.length(1);
  });

  it('honours a lower cap from the options', async () => {
    await setFaults(tenant.token, [{method: 'GET', path: '/me', status: 429, retry_after: 1}]);
    const error = await rejection(client(tenant.token, {retry: {maxRetryAfterMs: 500}}).getMe());
    expect(error).to.be.instanceOf(RateLimitError);
    expect(await seen(tenant.token, 'GET', '/me')).to.have.length(1);
  });

  it('times out a slow answer with TimeoutError (not retried)', async () => {
    await setFaults(tenant.token, [{method: 'GET', path: '/me', delay_ms: 1500}]);
    const reported: unknown[] = [];
    const started = performance.now();
    const error = await rejection(client(tenant.token, {timeoutMs: 200, onRequestError: (e) => reported.push(e)}).getMe());
    expect(error).to.be.instanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).to.equal(200);
    expect(performance.now() - started).to.be.lessThan(1000);
    expect(reported).to.deep.equal([error]);
  });

  it('times out and aborts without AbortSignal.any (engines that lack it)', async () => {
    const saved = Object.getOwnPropertyDescriptor(AbortSignal, 'any');
    delete (AbortSignal as {any?: unknown}).any;
    try {
      await setFaults(tenant.token, [{method: 'GET', path: '/me', delay_ms: 1500}]);
      const c = client(tenant.token, {timeoutMs: 200});
      expect(await rejection(c.getMe({signal: new AbortController().signal}))).to.be.instanceOf(TimeoutError);
      const controller = new AbortController();
      const pending = rejection(c.getMe({signal: controller.signal, fresh: true}));
      controller.abort();
      expect(isAbortError(await pending)).to.be.true;
    } finally {
      if (saved) Object.defineProperty(AbortSignal, 'any', saved);
    }
  });

  it('aborts a mutation with the caller signal, without reporting it', async () => {
    await setFaults(tenant.token, [{method: 'PATCH', delay_ms: 500}]);
    const reported: unknown[] = [];
    const c = client(tenant.token, {onRequestError: (e) => reported.push(e)});
    const controller = new AbortController();
    const pending = rejection(c.updateCustomer(lastId, {name: 'Aborted Edit'}, {signal: controller.signal}));
    controller.abort();
    expect(isAbortError(await pending)).to.be.true;
    expect(reported).to.deep.equal([]);
  });
});
