/**
 * 5. The sandbox at scale: one tenant with `customers` customers (default 20 000), then list,
 * search and sort requests through the Hono app in process (`app.fetch`, no HTTP), timed from the
 * Request to the parsed JSON body.
 *
 * `POST /__sandbox/tenants` caps `customers` at 500 and seeds a year of daily usage per customer
 * (minutes per customer), so the customers are inserted here in one SQL statement instead (names,
 * emails, phones, plans, statuses and dates spread like the seed's; no usage, users, tokens or
 * transcripts: the list query only reads usage through the primary key of usage_daily). That needs
 * the database handle, which `createSandbox()` does not expose: this file assembles the sandbox
 * from the same parts (`openDb` + `createSchema` + `createApp`), so a change of those signatures
 * shows up in `npm run typecheck`.
 */
import {createApp} from '../../sandbox/app.js';
import {ADMIN_HEADER, resolveControl} from '../../sandbox/control.js';
import {openDb, PGLITE_VERSION} from '../../sandbox/db.js';
import {SandboxState} from '../../sandbox/faults.js';
import {LiveHub} from '../../sandbox/live.js';
import {createSchema, SCHEMA_VERSION} from '../../sandbox/schema.js';

export interface ScaleScenario {
  name: string;
  /** Query string of request `i` (0-based); `prepared` is what `prepare` returned (e.g. cursors). */
  query(i: number, prepared: string[]): string;
  /** Untimed requests before the scenario (e.g. collecting cursors of deep pages). */
  prepare?(get: (query: string) => Promise<unknown>): Promise<string[]>;
}

export interface ScaleResult {
  customers: number;
  seedSeconds: number;
  requestsPerScenario: number;
  transport: string;
  indexes: {name: string; definition: string}[];
  scenarios: {name: string; example: string; p50: number; p95: number; max: number; mean: number; rows: number; total: number}[];
}

const WORDS = [
  'Polder', 'Noord', 'Stem', 'Klank', 'Tekst', 'Echo', 'Delta', 'Haven', 'Molen', 'Zuid', 'Licht', 'Vox', 'Audio', 'Mondial',
  'Atlas', 'Kompas', 'Lingua', 'Verba', 'Sonar', 'Orbit', 'Bureau', 'Studio', 'Media', 'Juridisch', 'Medisch', 'Rhein', 'Alpen',
  'Nordlicht', 'Brabant', 'Zeeland', 'Fryslan', 'Limburg', 'Utrecht', 'Gouda', 'Leiden', 'Delft', 'Tulp', 'Duin', 'Kust', 'Wadden',
];
const SUFFIXES = ['B.V.', 'GmbH', 'Ltd', 'N.V.', 'AG', 'SAS', 'Inc.', 'Groep', 'Partners', 'Holding'];
/** Search terms: a common word, a rarer pair, an email fragment, a digit run, no match at all. */
const TERMS = ['stem', 'haven molen', 'info4', '123', 'delta', 'zzqx', 'nordlicht', '@kompas'];

const sqlArray = (values: string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]`;

const pick = (list: string[], salt: string) => `(${sqlArray(list)})[1 + abs(hashtext(g::text || '${salt}')) % ${list.length}]`;

export async function runScale(customers: number, requests: number, log: (line: string) => void = () => {}): Promise<ScaleResult> {
  const db = await openDb({dataDir: null, init: createSchema, templateKey: `${PGLITE_VERSION}-${SCHEMA_VERSION}`});
  try {
    const control = resolveControl(true)!;
    const app = createApp({db, state: new SandboxState(), locks: new Map(), live: new LiveHub()}, {control});
    const call = async (path: string, init: RequestInit = {}) => {
      const response = await app.fetch(new Request(`http://bench.local${path}`, init));
      const body: unknown = await response.json();
      if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${JSON.stringify(body)}`);
      return body;
    };

    const seedStart = performance.now();
    const tenant = (await call('/__sandbox/tenants', {
      method: 'POST',
      headers: {'content-type': 'application/json', [ADMIN_HEADER]: control.secret},
      body: JSON.stringify({customers: 0, name: 'Bench Scale Reseller', seed: 7}),
    })) as {tenant_id: number; tokens: {reseller: string}};
    // One statement per 20 000 rows keeps PGlite's memory in check at 100 000.
    for (let from = 1; from <= customers; from += 20_000) {
      const to = Math.min(customers, from + 19_999);
      await db.query(
        `INSERT INTO customers (tenant_id, name, email, phone, plan, quota_minutes, status, metadata, created_at, updated_at)
         SELECT $1,
           ${pick(WORDS, 'a')} || ' ' || ${pick(WORDS, 'b')} || ' ' || ${pick(SUFFIXES, 'c')},
           (${sqlArray(['info', 'admin', 'office', 'contact'])})[1 + g % 4] || g || '@' || lower(${pick(WORDS, 'd')}) || '-' || (g % 997) || '.example',
           CASE WHEN g % 10 = 0 THEN NULL ELSE '+316' || lpad((abs(hashtext(g::text || 'p')) % 100000000)::text, 8, '0') END,
           (ARRAY['bronze', 'bronze', 'silver', 'silver', 'gold', 'enterprise'])[1 + g % 6],
           CASE WHEN g % 6 = 5 THEN 50000 ELSE NULL END,
           CASE WHEN abs(hashtext(g::text || 's')) % 100 < 85 THEN 'active' ELSE 'inactive' END,
           jsonb_build_object('segment', 'smb', 'region', ${pick(['Benelux', 'DACH', 'Nordics', 'Iberia', 'UK', 'France'], 'r')}),
           now() - (abs(hashtext(g::text || 't')) % (3 * 365 * 24 * 3600)) * interval '1 second',
           now() - (abs(hashtext(g::text || 'u')) % (365 * 24 * 3600)) * interval '1 second'
         FROM generate_series($2::int, $3::int) AS g`,
        [tenant.tenant_id, from, to],
      );
      log(`  scale: ${to} of ${customers} customers inserted`);
    }
    await db.exec('ANALYZE customers');
    const seedSeconds = (performance.now() - seedStart) / 1000;

    const {rows: indexes} = await db.query<{name: string; definition: string}>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename = 'customers' ORDER BY indexname`,
    );

    const pages = Math.max(1, Math.floor(customers / 25));
    type Page = {next_cursor?: string | null; last_cursor?: string | null};
    /** The `next_cursor` of 40 pages spread over the list (reached by page number, untimed): deep pages by cursor. */
    const deepCursors = (base: string) => async (get: (query: string) => Promise<unknown>) => {
      const out: string[] = [];
      for (let k = 0; k < 40; k++) {
        const page = (await get(`${base}&page=${1 + ((k * 7919) % pages)}`)) as Page;
        if (page.next_cursor) out.push(page.next_cursor);
      }
      return out;
    };
    const lastCursor = (base: string) => async (get: (query: string) => Promise<unknown>) => [((await get(base)) as Page).last_cursor ?? ''];
    const withCursor = (base: string) => (i: number, prepared: string[]) => `${base}&cursor=${encodeURIComponent(prepared[i % prepared.length]!)}`;
    const scenarios: ScaleScenario[] = [
      {name: 'list, page 1 (default sort: id)', query: () => 'page=1&per_page=25'},
      {name: 'list, random page (OFFSET up to the end)', query: (i) => `page=${1 + ((i * 7919) % pages)}&per_page=25`},
      {name: 'list, random deep page by next_cursor', query: withCursor('per_page=25'), prepare: deepCursors('per_page=25')},
      {name: 'list, last page by last_cursor', query: withCursor('per_page=25'), prepare: lastCursor('per_page=25')},
      {name: 'search q= (rotating terms), page 1', query: (i) => `q=${encodeURIComponent(TERMS[i % TERMS.length]!)}&per_page=25`},
      {name: 'sort name asc/desc, page 1', query: (i) => `sort=name&order=${i % 2 ? 'desc' : 'asc'}&per_page=25`},
      {name: 'sort name desc, random deep page by next_cursor', query: withCursor('sort=name&order=desc&per_page=25'), prepare: deepCursors('sort=name&order=desc&per_page=25')},
      {name: 'sort phone asc, last page by last_cursor', query: withCursor('sort=phone&per_page=25'), prepare: lastCursor('sort=phone&per_page=25')},
      {name: 'sort created_at desc + status=active, page 1', query: () => 'sort=created_at&order=desc&status=active&per_page=25'},
      {name: 'sort email asc, page 1..10', query: (i) => `sort=email&order=asc&page=${1 + (i % 10)}&per_page=100`},
      {name: 'sort metadata.region asc, page 1 (customer_metadata index)', query: () => 'sort=metadata.region&per_page=25'},
    ];
    const headers = {authorization: `Bearer ${tenant.tokens.reseller}`};
    const results: ScaleResult['scenarios'] = [];
    const get = (query: string) => call(`/api/v3/reseller/customers?${query}`, {headers});
    for (const scenario of scenarios) {
      const prepared = scenario.prepare ? await scenario.prepare(get) : [];
      // A few warm-up requests (plan cache, JIT), not counted.
      for (let i = 0; i < 5; i++) await get(scenario.query(i, prepared));
      const times: number[] = [];
      let rows = 0;
      let total = 0;
      for (let i = 0; i < requests; i++) {
        const start = performance.now();
        const page = (await get(scenario.query(i, prepared))) as {data: unknown[]; total: number};
        times.push(performance.now() - start);
        rows += page.data.length;
        total += page.total;
      }
      times.sort((a, b) => a - b);
      const at = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!;
      results.push({
        name: scenario.name,
        example: `GET /customers?${scenario.query(1, prepared)}`.slice(0, 160),
        p50: at(50),
        p95: at(95),
        max: times[times.length - 1]!,
        mean: times.reduce((a, b) => a + b, 0) / times.length,
        rows: Math.round(rows / requests),
        total: Math.round(total / requests),
      });
      log(`  scale: ${scenario.name}: p50 ${at(50).toFixed(1)} ms, p95 ${at(95).toFixed(1)} ms`);
    }
    return {customers, seedSeconds, requestsPerScenario: requests, transport: 'in process: Hono app.fetch(Request) → JSON body parsed; no HTTP', indexes, scenarios: results};
  } finally {
    await db.close();
  }
}
