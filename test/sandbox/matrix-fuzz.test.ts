/**
 * Reliability matrix, fuzzing (issue 9): for every response schema of the contract (every
 * `response` in src/contract/endpoints.ts, plus the error body), fast-check generates valid values from
 * the zod schema itself and corrupts them (a required key dropped, a wrong type, null, a huge
 * string, extra nesting, a broken or non-object document). Each value is served by the real
 * sandbox (a `body_raw` fault rule) and read through `ResellerClient`, in process:
 * valid ones resolve with exactly the parsed value, every corrupted one rejects with the client's
 * SchemaError naming the failing path (for the error body: the generic HTTP error), and nothing
 * throws uncaught. FUZZ_RUNS (default 1000) runs per schema, within FUZZ_BUDGET_MS (default 420 s,
 * shared out among the schemas still to run; under the runner's 600 s per file): on a loaded
 * machine a schema stops at its share of the budget, never below FUZZ_MIN_RUNS (default 100) runs,
 * and its cell says how many ran.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import type * as z from 'zod/mini';
import type {ResellerClient} from '../../src/api/client.js';
import * as contract from '../../src/contract/schemas.js';
import {ENDPOINTS} from '../../src/contract/endpoints.js';
import {HttpError, SchemaError} from '../../src/api/errors.js';
import {control, sandbox, tenant} from './helpers.js';
import {Matrix} from './reliability.js';
import {inProcess} from './transports.js';

const matrix = new Matrix('fuzz-responses', 'Fuzzing');
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 420_000);
const MIN_RUNS = Math.min(RUNS, Number(process.env.FUZZ_MIN_RUNS ?? 100));

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
type Schema = z.ZodMiniType;
type Path = (string | number)[];
const def = (s: Schema): Json => (s as Json)._zod.def;

// ---- valid values, derived from the zod/mini schema ------------------------------------------

const plainString = fc.oneof(
  {weight: 30, arbitrary: fc.string({unit: 'binary', maxLength: 24})},
  {weight: 3, arbitrary: fc.constantFrom('<script>alert(1)</script>', '"\\u0000', '\u202Eevil', '👩‍👩‍👧‍👦', 'null', '{}', '__proto__x', 'constructor')},
  {weight: 1, arbitrary: fc.integer({min: 1000, max: 3000}).map((n) => 'Ω<x'.repeat(n))},
);
const timestamp = fc.date({min: new Date('1970-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true});

function arb(schema: Schema): fc.Arbitrary<unknown> {
  const d = def(schema);
  const checks: Json[] = (d.checks ?? []).map((c: Json) => c._zod.def);
  switch (d.type) {
    case 'object': {
      const shape = d.shape as Record<string, Schema>;
      const required = Object.keys(shape).filter((k) => def(shape[k]!).type !== 'optional');
      return fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, arb(v)])), {requiredKeys: required});
    }
    case 'optional':
    case 'default':
      return arb(d.innerType);
    case 'nullable':
      return fc.option(arb(d.innerType), {nil: null, freq: 4});
    case 'array': {
      const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
      return fc.array(arb(d.element), {minLength: min, maxLength: Math.max(min, 3)});
    }
    case 'record': {
      const key = def(d.keyType).type === 'string' && !(def(d.keyType).checks ?? []).length
        ? fc.string({unit: 'binary', minLength: 1, maxLength: 12}).filter((k) => k !== '__proto__')
        : (arb(d.keyType) as fc.Arbitrary<string>);
      return fc.dictionary(key, arb(d.valueType), {maxKeys: 3});
    }
    case 'enum':
      return fc.constantFrom(...Object.values(d.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(d.values as unknown[]));
    case 'union':
      return fc.oneof(...(d.options as Schema[]).map(arb));
    case 'boolean':
      return fc.boolean();
    case 'number': {
      const lower = checks.find((c) => c.check === 'greater_than');
      const upper = checks.find((c) => c.check === 'less_than');
      const min = lower ? (lower.inclusive ? lower.value : lower.value + (d.format === 'safeint' ? 1 : 0.001)) : -1e6;
      const max = upper ? (upper.inclusive ? upper.value : upper.value - (d.format === 'safeint' ? 1 : 0.001)) : d.format === 'safeint' ? 2_000_000_000 : 1e9;
      if (d.format === 'safeint') return fc.oneof(fc.integer({min, max: Math.min(max, min + 1000)}), fc.integer({min, max}));
      return fc.double({min, max, noNaN: true, noDefaultInfinity: true}).map((n) => (Object.is(n, -0) ? 0 : n));
    }
    case 'string': {
      if (d.format === 'datetime') return timestamp.map((t) => t.toISOString());
      if (d.format === 'date') return timestamp.map((t) => t.toISOString().slice(0, 10));
      const regex = checks.find((c) => c.check === 'string_format' && c.format === 'regex');
      if (regex) return fc.stringMatching(regex.pattern as RegExp);
      if (d.format || checks.length) throw new Error(`no arbitrary for string format ${d.format ?? checks.map((c) => c.check).join()}`);
      return plainString;
    }
    default:
      throw new Error(`no arbitrary for zod type "${d.type}": extend arb() in matrix-fuzz.test.ts`);
  }
}

// ---- corruptions --------------------------------------------------------------------------------

interface Site {
  path: Path;
  schema: Schema;
  /** The parent object's schema and key, when the value is a property (for "drop"). */
  droppable: boolean;
}

/** Every node of `value` with its schema (through optional/nullable/default), root first. */
function sites(schema: Schema, value: unknown, path: Path = [], droppable = false, out: Site[] = []): Site[] {
  out.push({path, schema, droppable});
  let s = schema;
  while (['optional', 'nullable', 'default'].includes(def(s).type)) s = def(s).innerType;
  const d = def(s);
  if (value === null || typeof value !== 'object') return out;
  if (d.type === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const child = (d.shape as Record<string, Schema>)[k];
      if (child) sites(child, v, [...path, k], def(child).type !== 'optional', out);
    }
  } else if (d.type === 'array') {
    (value as unknown[]).forEach((v, i) => sites(d.element, v, [...path, i], false, out));
  } else if (d.type === 'record') {
    for (const [k, v] of Object.entries(value)) sites(d.valueType, v, [...path, k], false, out);
  }
  return out;
}

const KINDS = ['drop', 'wrong type', 'null', 'huge string', 'nesting'] as const;
type Kind = (typeof KINDS)[number] | 'not JSON' | 'not an object';

/** A replacement the node's schema must reject, or undefined when this kind cannot break it. */
function replacement(site: Site, kind: Kind, original: unknown): {value: unknown} | 'drop' | undefined {
  const accepts = (v: unknown) => site.schema.safeParse(v).success;
  const pick = (v: unknown) => (accepts(v) ? undefined : {value: v});
  switch (kind) {
    case 'drop':
      return site.droppable ? 'drop' : undefined;
    case 'null':
      return pick(null);
    case 'huge string':
      return pick('\u{1F4A5}'.repeat(6000));
    case 'nesting':
      return pick(Array.isArray(original) ? {data: original} : [original]) ?? pick({value: original});
    case 'wrong type':
      for (const v of [typeof original === 'number' ? String(original) : 42, true, [], {}, 'x']) {
        const r = pick(v);
        if (r) return r;
      }
      return undefined;
    default:
      return undefined;
  }
}

function corrupt(root: unknown, site: Site, r: {value: unknown} | 'drop'): unknown {
  if (!site.path.length) return r === 'drop' ? undefined : r.value;
  const copy = structuredClone(root) as Json;
  let node = copy;
  for (const key of site.path.slice(0, -1)) node = node[key];
  const last = site.path.at(-1)!;
  if (r === 'drop') delete node[last];
  else node[last] = r.value;
  return copy;
}

/** `data[3].email`, written independently of the client's formatter. */
const shown = (path: Path) => path.reduce<string>((out, k) => (typeof k === 'number' ? `${out}[${k}]` : out ? `${out}.${k}` : k), '');

// ---- the endpoints: schema → a client call -------------------------------------------------------

const PNG = new Blob([Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')], {type: 'image/png'});
/** Every endpoint with a JSON response, as `METHOD path` → the client call (ids are never reached: the fault answers first). */
const CALLS: Record<string, (c: ResellerClient) => Promise<unknown>> = {
  'POST /customers': (c) => c.createCustomer({name: 'Fuzz', email: 'fuzz@fuzz.example'}),
  'GET /customers': (c) => c.listCustomers(),
  'GET /customers/{id}': (c) => c.getCustomer(7),
  'PATCH /customers/{id}': (c) => c.updateCustomer(7, {name: 'Fuzz'}),
  'GET /customers/{id}/usage': (c) => c.getCustomerUsage(7),
  'GET /customers/{id}/billing': (c) => c.getBilling(7),
  'POST /tokens': (c) => c.createToken({customer_id: 7, name: 'Fuzz', permissions: ['usage:read']}),
  'GET /transcripts': (c) => c.listTranscripts(),
  'GET /transcripts/documents': (c) => c.listDocuments(),
  'GET /transcripts/{id}/content': (c) => c.getTranscriptContent(7),
  'GET /events': (c) => c.pollEvents({after: '1'}),
  'GET /me': (c) => c.getMe(),
  'GET /plans': (c) => c.getPlans().then((data) => ({data})),
  'GET /customers/{id}/subscription': (c) => c.getSubscription(7),
  'PUT /customers/{id}/subscription': (c) => c.updateSubscription(7, {plan: 'gold'}),
  'GET /customers/{id}/tokens': (c) => c.listTokens(7).then((data) => ({data})),
  'PATCH /tokens/{id}': (c) => c.updateToken(7, {permissions: ['usage:read']}),
  'GET /customers/{id}/users': (c) => c.listUsers(7).then((data) => ({data})),
  'POST /customers/{id}/users': (c) => c.inviteUser(7, {name: 'Fuzz', email: 'fuzz@fuzz.example'}),
  'PATCH /customers/{id}/users/{userId}': (c) => c.updateUser(7, 8, {status: 'active'}),
  'POST /customers/{id}/users/{userId}/invitation': (c) => c.resendInvitation(7, 8),
  'GET /usage': (c) => c.getUsage(),
  'GET /branding': (c) => c.getBranding(),
  'PATCH /branding': (c) => c.updateBranding({brand_color: '#123456'}),
  'PUT /branding/logo': (c) => c.uploadLogo(PNG),
  'DELETE /branding/logo': (c) => c.deleteLogo(),
  'GET /reports': (c) => c.listReports(),
  'POST /reports': (c) => c.generateReport({period: '2026-01'}),
  'GET /reports/settings': (c) => c.getReportSettings(),
  'PUT /reports/settings': (c) => c.updateReportSettings({enabled: true, recipients: []}),
  'GET /reports/{id}': (c) => c.getReport(7),
};
const faultPath = (path: string) => path.replace('{id}', '7').replace('{userId}', '8');

const schemaName = (schema: unknown) => Object.entries(contract).find(([, v]) => v === schema)?.[0] ?? '?';
const bytes = (s: string) => Buffer.byteLength(s);
const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

interface Case {
  endpoint: string;
  valid: string;
  expected: unknown;
  corrupted: string;
  kind: Kind;
  /** The corrupted path ('' for the document itself). */
  at: string;
  status?: number;
}

/** One valid value and one corruption of it (null when this sample cannot be used: too large). */
function makeCase(schema: Schema, endpoint: string, value: unknown, pick: number, kind: Kind, junk: string): Case | null {
  const valid = JSON.stringify(value);
  if (bytes(valid) > 27_000) return null;
  let corrupted: string;
  let at = '';
  if (kind === 'not JSON') {
    corrupted = junk.length % 2 ? valid.slice(0, Math.max(0, valid.length - 1 - junk.length)) : `${valid}${junk}}`;
    if (parses(corrupted)) corrupted = `{${corrupted}`;
  } else if (kind === 'not an object') {
    corrupted = [JSON.stringify(null), '[]', '"text"', '42', 'true', '['.repeat(2000) + ']'.repeat(2000)][pick % 6]!;
  } else {
    const all = sites(schema, value);
    let chosen: {site: Site; r: {value: unknown} | 'drop'} | undefined;
    for (let i = 0; i < all.length && !chosen; i++) {
      const site = all[(pick + i) % all.length]!;
      const r = replacement(site, kind, site.path.reduce<Json>((v, k) => v[k], value));
      if (r) chosen = {site, r};
    }
    if (!chosen) {
      // Nothing in this value breaks with this kind (e.g. a huge string where every string is free text).
      chosen = {site: all[0]!, r: {value: 42}};
      kind = 'not an object';
    }
    const broken = corrupt(value, chosen.site, chosen.r);
    corrupted = broken === undefined ? '' : JSON.stringify(broken);
    at = shown(chosen.site.path);
  }
  if (bytes(corrupted) > 27_000) return null;
  return {endpoint, valid, expected: schema.parse(JSON.parse(valid)), corrupted, kind, at};
}

/** RUNS cases from fast-check samples (reproducible with FUZZ_SEED); oversized samples are drawn again. */
function casesFor<T>(arbitrary: fc.Arbitrary<T>, seed: number, make: (sample: T, i: number) => Case | null): Case[] {
  const out: Case[] = [];
  for (let round = 0; out.length < RUNS && round < 10; round++) {
    for (const sample of fc.sample(arbitrary, {numRuns: RUNS, seed: seed + round})) {
      const c = make(sample, out.length);
      if (c && out.length < RUNS) out.push(c);
    }
  }
  return out;
}

// A fixed seed under CI (a run that lands must be reproducible); a new one on every local run.
const SEED = Number(process.env.FUZZ_SEED ?? (process.env.CI ? 1124221520 : Date.now() % 2 ** 31));

void test(`fuzzing: up to ${RUNS} valid and ${RUNS} corrupted responses per response schema (at least ${MIN_RUNS} within the time budget), through the client`, {timeout: 20 * 60_000}, async () => {
  const sb = await sandbox();
  const t = await tenant({customers: 0});
  const client = inProcess(sb).client(t.token, {retry: false});
  let uncaught = 0;
  const onUncaught = () => void uncaught++;
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);

  const bySchema = new Map<Schema, string[]>();
  for (const e of ENDPOINTS as readonly Json[]) {
    if (!e.response) continue;
    const key = `${e.method.toUpperCase()} ${e.path}`;
    bySchema.set(e.response, [...(bySchema.get(e.response) ?? []), key]);
  }
  const started = Date.now();
  const timings: string[] = [];

  /**
   * Serves every case's valid body, then its corrupted body, in order: the sandbox queues the
   * fault rules (`times: 1` each, first match wins), one PUT per batch that fits the control API's
   * 64 kB body, then the client calls run one after the other.
   */
  let schemasLeft = bySchema.size + 1; // + the error body
  /** Runs the cases until this schema's share of the time budget is spent (at least MIN_RUNS): how many ran. */
  async function run(cases: Case[], check: (c: Case, valid: {v?: unknown; e?: unknown}, corrupted: {v?: unknown; e?: unknown}) => void): Promise<number> {
    const deadline = Date.now() + Math.max(0, started + BUDGET_MS - Date.now()) / schemasLeft--;
    let i = 0;
    while (i < cases.length && (i < MIN_RUNS || Date.now() < deadline)) {
      const batch: Case[] = [];
      const rules: object[] = [];
      let size = 0;
      while (i < cases.length && rules.length < 100) {
        const c = cases[i]!;
        const [method, path] = c.endpoint.split(' ') as [string, string];
        const pair = [c.valid, c.corrupted].map((body) => ({method, path: faultPath(path), body_raw: body, times: 1, ...(c.status ? {status: c.status} : {})}));
        const add = bytes(JSON.stringify(pair));
        if (batch.length && size + add > 60_000) break;
        batch.push(c);
        rules.push(...pair);
        size += add;
        i++;
      }
      const res = await control('PUT', '/faults', t.token, {rules});
      assert.equal(res.status, 200, res.text.slice(0, 300));
      for (const c of batch) {
        const callFn = CALLS[c.endpoint]!;
        const valid = await callFn(client).then((v) => ({v}), (e: unknown) => ({e}));
        const corrupted = await callFn(client).then((v) => ({v}), (e: unknown) => ({e}));
        check(c, valid, corrupted);
      }
    }
    return i;
  }

  for (const [schema, endpoints] of bySchema) {
    const name = schemaName(schema);
    const unmapped = endpoints.filter((e) => !CALLS[e]);
    if (unmapped.length) {
      matrix.cell(name, 'valid → parsed value', `no client call mapped for ${unmapped.join(', ')}: add it to CALLS`);
      continue;
    }
    const t0 = Date.now();
    let validProblem: string | null = null;
    let corruptProblem: string | null = null;
    let validFailures = 0;
    let corruptFailures = 0;
    const kindsSeen = new Map<Kind, number>();
    const sampleArb = fc.tuple(arb(schema), fc.nat(), fc.constantFrom<Kind>(...KINDS, 'not JSON', 'not an object'), fc.string({maxLength: 20}));
    const cases = casesFor(sampleArb, SEED, ([value, pick, kind, junk], i) => {
      if (!schema.safeParse(value).success) throw new Error(`the generator produced an invalid ${name}: ${JSON.stringify(value).slice(0, 300)}`);
      return makeCase(schema, endpoints[i % endpoints.length]!, value, pick, kind, junk);
    });
    const ran = await run(cases, (c, valid, bad) => {
      kindsSeen.set(c.kind, (kindsSeen.get(c.kind) ?? 0) + 1);
      if ('e' in valid) {
        validFailures++;
        validProblem ??= `${c.endpoint}: a valid ${name} was refused: ${String(valid.e)} — ${c.valid.slice(0, 200)}`;
      } else {
        try {
          assert.deepStrictEqual(valid.v, c.expected);
        } catch {
          validFailures++;
          validProblem ??= `${c.endpoint}: the client returned something else than the parsed ${name}: ${JSON.stringify(valid.v).slice(0, 200)}`;
        }
      }
      const e = bad.e;
      const problem = !('e' in bad)
        ? `${c.endpoint}: a corrupted ${name} (${c.kind} at "${c.at}") was accepted: ${c.corrupted.slice(0, 200)}`
        : !(e instanceof SchemaError)
          ? `${c.endpoint}: ${c.kind} at "${c.at}" gave ${String(e)} instead of a SchemaError`
          : !(e.at === c.at || (c.at === '' ? true : e.at.startsWith(`${c.at}.`) || e.at.startsWith(`${c.at}[`))) || (c.at !== '' && !e.message.includes(e.at))
            ? `${c.endpoint}: ${c.kind} at "${c.at}" named "${e.at}" (${e.message.slice(0, 160)})`
            : null;
      if (problem) {
        corruptFailures++;
        corruptProblem ??= problem;
      }
    });
    const ms = Date.now() - t0;
    timings.push(`${name} ${(ms / 1000).toFixed(1)} s`);
    const detail = `${ran} of ${RUNS} runs${ran < cases.length ? ' (time budget)' : ''} over ${endpoints.join(', ')} (seed ${SEED})`;
    matrix.cell(name, 'valid → parsed value', ran < MIN_RUNS ? `only ${ran} runs` : validProblem && `${validFailures} failed; first: ${validProblem}`, detail);
    matrix.cell(name, 'corrupted → SchemaError naming the path', corruptProblem && `${corruptFailures} failed; first: ${corruptProblem}`,
      [...kindsSeen].map(([k, n]) => `${k} ×${n}`).join(', '));
  }

  // The error body (4xx): a valid one gives a typed error with its code and message; a corrupted one
  // the generic HTTP error of the status (never a crash, never a SchemaError).
  {
    const t0 = Date.now();
    let validProblem: string | null = null;
    let corruptProblem: string | null = null;
    const statuses = [400, 403, 404, 409, 412, 413, 415, 422] as const;
    const sampleArb = fc.tuple(arb(contract.ErrorBody), fc.nat(), fc.constantFrom<Kind>('drop', 'wrong type', 'null', 'nesting', 'not JSON', 'not an object'), fc.string({maxLength: 20}));
    const cases = casesFor(sampleArb, SEED, ([value, pick, kind, junk], i) => {
      const c = makeCase(contract.ErrorBody, 'GET /customers/{id}', value, pick, kind, junk);
      return c && {...c, status: statuses[i % statuses.length]};
    });
    const ran = await run(cases, (c, valid, bad) => {
      const parsed = c.expected as contract.ErrorBody;
      const e = valid.e as HttpError;
      // The client keeps the server's message as sent (the elements isolate bidi text where they show it).
      if (!(e instanceof HttpError) || e.status !== c.status || e.code !== parsed.error.code || e.message !== parsed.error.message) {
        validProblem ??= `valid error body (${c.status}) gave ${String(valid.e ?? 'a success')}`;
      }
      const e2 = bad.e as HttpError;
      if (!(e2 instanceof HttpError) || e2.status !== c.status || e2.code !== `http_${c.status}`) {
        corruptProblem ??= `corrupted error body (${c.kind} at "${c.at}", ${c.status}) gave ${String(bad.e ?? 'a success')} (code ${e2?.code})`;
      }
    });
    const ms = Date.now() - t0;
    timings.push(`ErrorBody ${(ms / 1000).toFixed(1)} s`);
    matrix.cell('ErrorBody', 'valid → parsed value', ran < MIN_RUNS ? `only ${ran} runs` : validProblem, `${ran} of ${RUNS} runs (statuses ${statuses.join(', ')}): a typed error with the body's code and message`);
    matrix.cell('ErrorBody', 'corrupted → SchemaError naming the path', corruptProblem, 'an error body that breaks the contract gives the generic HTTP error (code http_<status>)');
  }

  await new Promise((r) => setTimeout(r, 50));
  process.off('uncaughtException', onUncaught);
  process.off('unhandledRejection', onUncaught);
  for (const name of [...bySchema.keys()].map(schemaName).concat('ErrorBody')) {
    matrix.cell(name, 'no uncaught exception', uncaught ? `${uncaught} uncaught exceptions or rejections during the fuzz` : null);
  }
  console.log(`fuzz: up to ${RUNS} valid + ${RUNS} corrupted per schema (budget ${BUDGET_MS / 1000} s), seed ${SEED}, ${((Date.now() - started) / 1000).toFixed(1)} s: ${timings.join(', ')}`);
  assert.deepEqual(matrix.failures(), []);
});
