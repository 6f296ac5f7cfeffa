/**
 * Sandbox abuse: fault matching. A fault rule's `path` pattern used to become a regular expression
 * with one `.*` per `*`; `/*a*a*a*a*b` against a long path backtracked for minutes and froze every
 * tenant. The sandbox runs in a child process here so a frozen server shows up as a request that
 * never answers (the client's own timer still runs), not as a hung test file.
 */
import assert from 'node:assert/strict';
import {after, before} from 'node:test';
import {globMatch} from '../../sandbox/glob.js';
import {type ChildSandbox, startChildSandbox} from './child.js';
import {abuseTest} from './reliability.js';

let child: ChildSandbox;
before(async () => {
  child = await startChildSandbox({dataDir: null, seed: false, control: true});
});
after(() => child?.stop());

const adminHeaders = (): Record<string, string> => (child.adminSecret ? {'x-sandbox-admin': child.adminSecret} : {});

async function newTenant(): Promise<string> {
  const res = await fetch(`${child.origin}/__sandbox/tenants`, {
    method: 'POST',
    headers: {'content-type': 'application/json', ...adminHeaders()},
    body: JSON.stringify({customers: 1, seed: 16}),
  });
  assert.equal(res.status, 201, await res.clone().text());
  return ((await res.json()) as {tokens: {reseller: string}}).tokens.reseller;
}

abuseTest('Faults', 'globMatch: * matches any run (slashes too), everything else literally', () => {
  assert.equal(globMatch('/customers/*', '/customers/12/usage'), true);
  assert.equal(globMatch('/customers/*', '/customers'), false);
  assert.equal(globMatch('/customers', '/customers'), true);
  assert.equal(globMatch('*', ''), true);
  assert.equal(globMatch('/c*s/*/u*e', '/customers/1/usage'), true);
  assert.equal(globMatch('/c*s/*/u*e', '/customers/1/users'), false);
  assert.equal(globMatch('/a.b', '/aXb'), false, '. is a literal, not any character');
  assert.equal(globMatch('/(x|y)+', '/(x|y)+'), true, 'regex syntax is literal text');
  assert.equal(globMatch('**a**', 'bab'), true);
  assert.equal(globMatch('/*a*a*a*a*b', `/${'a'.repeat(50)}b`), true);
  assert.equal(globMatch('/*a*a*a*a*b', `/${'a'.repeat(50)}`), false);
});

abuseTest('Faults', 'X-Sandbox-Fault "/*a*a*a*a*b" on a 5,000-character path answers, and another tenant is answered meanwhile', async () => {
  const [a, b] = [await newTenant(), await newTenant()];
  const path = `/api/v3/reseller/${'a'.repeat(5000)}`;
  // Generous: the answer takes milliseconds; the old matcher needed 27 s for 240 characters and
  // does not finish at all for 5,000 (exponential in the number of stars).
  const bound = AbortSignal.timeout(20_000);
  const [attack, other] = await Promise.all([
    fetch(`${child.origin}${path}`, {headers: {authorization: `Bearer ${a}`, 'x-sandbox-fault': JSON.stringify({path: '/*a*a*a*a*b', status: 500}), ...adminHeaders()}, signal: bound}),
    fetch(`${child.origin}/api/v3/reseller/me`, {headers: {authorization: `Bearer ${b}`}, signal: bound}),
  ]);
  assert.equal(attack.status, 404, 'no such endpoint (the pattern does not match: no fault)');
  assert.equal(other.status, 200);
  const unauthenticated = await fetch(`${child.origin}${path}`, {headers: {'x-sandbox-fault': JSON.stringify({path: '/*a*a*a*a*b', status: 500})}, signal: bound});
  assert.ok([401, 404].includes(unauthenticated.status), `answered ${unauthenticated.status}`);
});
