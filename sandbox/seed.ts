/**
 * Deterministic seed data (mulberry32 PRNG): customers, users, tokens and 13 months of transcripts
 * are generated in JS and inserted in bulk through `jsonb_to_recordset`; usage_daily is aggregated
 * from the finished transcripts in SQL (one source: every usage figure is a count and a sum of
 * transcripts the API lists), documents from the recent finished transcripts.
 */
import {PLANS} from '../src/contract/constants.js';
import {markDataDay} from './data-day.js';
import type {Db, Queryable} from './db.js';
import {ACCOUNT_MANAGERS, INDUSTRIES, LOCALES, type Locale, REGIONS, SEGMENTS, TIERS, TOKEN_NAMES} from './seed-data.js';
import {CUSTOMER_PREFIX, DEV_TOKENS, newSecret, RESELLEE_PREFIX, RESELLER_PREFIX, sha256Hex} from './tokens.js';

const DAY = 86_400_000;

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  weighted<T>(list: ReadonlyArray<readonly [T, number]>): T {
    const total = list.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of list) if ((r -= w) < 0) return v;
    return list[list.length - 1]![0];
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
}

const NAME_SUFFIXES = ['Holding', 'Group', 'Services', 'International', 'Noord', 'Zuid'];
const SUFFIX_RE = new RegExp(` (${NAME_SUFFIXES.join('|')})$`);

const ascii = (s: string): string =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');

function phone(rng: Rng, country: Locale['country']): string | null {
  if (rng.chance(0.08)) return null;
  const c = country === 'NL' || country === 'JP' || country === 'AE' || country === 'ES' || country === 'FR' ? (rng.chance(0.85) ? 'NL' : rng.pick(['DE', 'BE', 'GB', 'US'] as const)) : country;
  switch (c) {
    case 'NL': return rng.chance(0.7) ? `+316${rng.int(1, 9)}${rng.digits(7)}` : `+31${rng.pick(['20', '10', '30', '40', '70', '50'])}${rng.int(2, 9)}${rng.digits(6)}`;
    case 'DE': return rng.chance(0.5) ? `+4915${rng.int(1, 9)}${rng.digits(8)}` : `+49${rng.pick(['30', '40', '89', '221', '69'])}${rng.int(2, 9)}${rng.digits(6)}`;
    case 'BE': return rng.chance(0.6) ? `+3247${rng.int(0, 9)}${rng.digits(6)}` : `+322${rng.int(2, 9)}${rng.digits(6)}`;
    case 'GB': return `+447${rng.int(4, 9)}${rng.digits(8)}`;
    default: return `+1${rng.pick(['212', '415', '617', '312', '206'])}${rng.int(2, 9)}${rng.digits(2)}${rng.digits(4)}`;
  }
}

export interface SeedTenantOptions {
  name: string;
  customers: number;
  seed: number;
  /** Fixed bearer secrets (the dev tokens); random when absent. */
  resellerToken?: string;
  reselleeToken?: string;
  /** Today (UTC), `YYYY-MM-DD`; defaults to the real date. */
  today?: string;
}

export interface SeededTenant {
  tenantId: number;
  name: string;
  tokens: {reseller: string; resellee: string};
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Creates one reseller tenant with `customers` customers and everything that hangs off them. */
export async function seedTenant(db: Db, opts: SeedTenantOptions): Promise<SeededTenant> {
  const rng = new Rng(opts.seed);
  const today = opts.today ?? isoDay(Date.now());
  const todayMs = Date.parse(today + 'T00:00:00Z');
  const now = Date.now();
  const monthStart = today.slice(0, 8) + '01';
  const usageFrom = isoDay(Date.UTC(new Date(todayMs).getUTCFullYear(), new Date(todayMs).getUTCMonth() - 13, 1));
  const slug = ascii(opts.name).slice(0, 20) || 'reseller';
  const resellerToken = opts.resellerToken ?? newSecret(RESELLER_PREFIX);
  const reselleeToken = opts.reselleeToken ?? newSecret(RESELLEE_PREFIX);

  return db.tx(async (q) => {
    // Bulk load: the rows are consistent by construction, so PGlite (superuser, single owner) skips
    // the per-row foreign-key triggers for this transaction; PostgreSQL roles may not, and need not.
    if (db.kind === 'pglite') await q.query(`SET LOCAL session_replication_role = replica`);
    const {rows: [tenant]} = await q.query<{id: number}>(
      `INSERT INTO tenants (name, admin_name, admin_email, seed) VALUES ($1, $2, $3, $4) RETURNING id`,
      [opts.name, 'Reseller Admin', `admin@${slug}.example`, opts.seed],
    );
    const tenantId = tenant!.id;
    await q.query(
      `INSERT INTO tokens (tenant_id, kind, name, prefix, token_hash) VALUES ($1, 'reseller', 'Reseller session', $2, $3)`,
      [tenantId, resellerToken.slice(0, 12), sha256Hex(resellerToken)],
    );
    const n = opts.customers;
    if (n === 0) {
      // A RESELLEE needs a customer organization: create a minimal one.
      return {tenantId, name: opts.name, tokens: {reseller: resellerToken, resellee: await reselleeWithoutCustomers(q, tenantId, reselleeToken)}};
    }
    const ids = await nextIds(q, 'customers_id_seq', n);

    const customers: object[] = [];
    const users: object[] = [];
    const tokens: object[] = [];
    const transcripts: SeedTranscript[] = [];
    const emails = new Set<string>();
    const names = new Set<string>();
    let reselleeUserIndex = -1;

    for (let i = 0; i < n; i++) {
      const id = ids[i]!;
      const loc = rng.weighted(LOCALES);
      const first = rng.pick(loc.first);
      const last = rng.pick(loc.last);
      let company = rng.pick(loc.company).replace('{last}', last).replace('{word}', rng.pick(loc.words));
      for (let k = 0; names.has(company); k++) company = k < NAME_SUFFIXES.length ? `${company.replace(SUFFIX_RE, '')} ${NAME_SUFFIXES[k]}` : `${company} ${k}`;
      names.add(company);
      const domain = `${ascii(company.replace(/\b(B\.?V\.?|GmbH|AG|SAS|S\.L\.|Ltd|LLP|Inc\.|KK|FZ-LLC|BV)\b/g, '')).slice(0, 24) || ascii(last) + rng.int(1, 99)}.${loc.tld}`;
      const local = rng.chance(0.5) ? `${ascii(first)}.${ascii(last)}` : rng.pick(['info', 'admin', 'office', 'contact', 'it']);
      let email = `${local}@${domain}`;
      for (let k = 2; emails.has(email.toLowerCase()); k++) email = `${local}${k}@${domain}`;
      emails.add(email.toLowerCase());
      const plan = rng.weighted([['bronze', 40], ['silver', 30], ['gold', 20], ['enterprise', 10]] as const);
      const quota = plan === 'enterprise' ? rng.int(4, 20) * 5000 : PLANS.find((p) => p.id === plan)!.monthly_minutes;
      const active = rng.chance(0.85);
      const createdMs = todayMs - rng.int(1, 1095) * DAY + rng.int(7 * 3600, 18 * 3600) * 1000;
      const updatedMs = Math.min(now - 60_000, createdMs + rng.int(0, 400) * DAY + rng.int(0, 86_399) * 1000);
      const metadata: Record<string, string> = {
        segment: plan === 'enterprise' ? 'enterprise' : rng.pick(SEGMENTS),
        industry: rng.pick(INDUSTRIES),
        account_manager: rng.pick(ACCOUNT_MANAGERS),
      };
      if (rng.chance(0.3)) metadata.crm_id = `CRM-${rng.int(10000, 99999)}`;
      // Every customer has a region (from its country, so the demo can filter and show it); the old
      // random draw stays so every draw after it, and so every seeded tenant, is as it was.
      if (rng.chance(0.2)) rng.pick(['benelux', 'dach', 'emea', 'na', 'apac']);
      metadata.region = REGIONS[loc.country];
      metadata.tier = TIERS[plan];
      if (rng.chance(0.15)) metadata.contract_ref = `RS-${rng.int(2021, 2026)}-${rng.digits(4)}`;
      customers.push({
        id, name: company, email, phone: phone(rng, loc.country), plan,
        quota_minutes: plan === 'enterprise' ? quota : null, status: active ? 'active' : 'inactive', metadata,
        created_at: new Date(createdMs).toISOString(), updated_at: new Date(updatedMs).toISOString(),
      });

      // Usage profile: a typical share of the monthly quota, spread over ~22 working days.
      const share = 0.15 + rng.next() * 0.55;
      const stopMs = active ? todayMs : Math.max(createdMs, todayMs - rng.int(20, 300) * DAY);
      rng.int(6, 45); // was the average transcript length; kept so pinned seeds keep their data
      const hot = active && rng.chance(0.2) ? (rng.chance(0.45) ? 1.02 + rng.next() * 0.4 : 0.81 + rng.next() * 0.18) : null;
      transcripts.push(...customerTranscripts({
        customerId: id, key: opts.seed * 100_003 + i, daily: (quota! * share) / 22, titles: loc.titles, language: loc.language,
        from: Math.max(Date.parse(usageFrom), Date.parse(isoDay(createdMs))), to: Math.min(todayMs, Date.parse(isoDay(stopMs))),
        rangeFrom: Date.parse(usageFrom), rangeTo: todayMs, now, hot: hot === null ? null : {target: hot, quota: quota!, monthStart: Date.parse(monthStart)},
      }));

      // Users (RESELLEE role) of the organization.
      const nUsers = rng.int(1, 4);
      for (let u = 0; u < nUsers; u++) {
        const uf = rng.pick(loc.first);
        const ul = rng.pick(loc.last);
        const status = u === 0 && active ? 'active' : rng.weighted([['active', 65], ['invited', 22], ['inactive', 13]] as const);
        const uCreated = createdMs + rng.int(0, 200) * DAY;
        if (reselleeUserIndex < 0 && active && u === 0) reselleeUserIndex = users.length;
        users.push({
          customer_id: id, name: `${uf} ${ul}`, email: `${ascii(uf)}.${ascii(ul)}${u ? u : ''}@${domain}`, status,
          created_at: new Date(Math.min(uCreated, now - 3600_000)).toISOString(),
          last_login_at: status === 'active' ? new Date(now - rng.int(1, 60 * 24 * 30) * 60_000).toISOString() : null,
        });
      }

      // Customer API tokens (the secrets are random and never known).
      const nTokens = rng.int(0, 3);
      for (let t = 0; t < nTokens; t++) {
        const perms = ['transcripts:read', 'transcripts:write', 'usage:read', 'users:manage'].filter((_, p) => p === 0 || rng.chance(0.5));
        const tCreated = Math.min(now - 3600_000, createdMs + rng.int(0, 300) * DAY);
        const secret = newSecret(CUSTOMER_PREFIX);
        tokens.push({
          customer_id: id, name: rng.pick(TOKEN_NAMES), prefix: secret.slice(0, CUSTOMER_PREFIX.length + 4), token_hash: sha256Hex(secret),
          permissions: perms, created_at: new Date(tCreated).toISOString(),
          expires_at: rng.chance(0.4) ? new Date(tCreated + rng.int(30, 730) * DAY).toISOString() : null,
          last_used_at: rng.chance(0.7) ? new Date(now - rng.int(1, 60 * 24 * 20) * 60_000).toISOString() : null,
        });
      }

      // Transcripts are generated in SQL below, from the same daily profile as the usage (one source).
      // These draws were the old in-JS transcripts: skipping them keeps every pinned seed's
      // customers, users and tokens as they were (tests and stories depend on seeds).
      const skipped = active ? rng.int(0, 9) : rng.int(0, 2);
      for (let t = 0; t < skipped * 6; t++) rng.next();
    }

    await q.query(
      `INSERT INTO customers (id, tenant_id, name, email, phone, plan, quota_minutes, status, metadata, created_at, updated_at)
       SELECT id, $1, name, email, phone, plan, quota_minutes, status, metadata, created_at, updated_at
       FROM jsonb_to_recordset($2::jsonb) AS x(id int, name text, email text, phone text, plan text, quota_minutes int, status text, metadata jsonb, created_at timestamptz, updated_at timestamptz)`,
      [tenantId, JSON.stringify(customers)],
    );
    const userIds = await nextIds(q, 'users_id_seq', users.length);
    await q.query(
      `INSERT INTO users (id, tenant_id, customer_id, name, email, status, created_at, last_login_at, accepted_at)
       SELECT id, $1, customer_id, name, email, status, created_at, last_login_at, CASE WHEN status = 'invited' THEN NULL ELSE created_at END
       FROM jsonb_to_recordset($2::jsonb) AS x(id int, customer_id int, name text, email text, status text, created_at timestamptz, last_login_at timestamptz)`,
      [tenantId, JSON.stringify(users.map((u, i) => ({...u, id: userIds[i]})))],
    );
    await q.query(
      `INSERT INTO tokens (tenant_id, kind, customer_id, name, prefix, token_hash, permissions, created_at, expires_at, last_used_at)
       SELECT $1, 'customer', customer_id, name, prefix, token_hash, ARRAY(SELECT jsonb_array_elements_text(permissions)), created_at, expires_at, last_used_at
       FROM jsonb_to_recordset($2::jsonb) AS x(customer_id int, name text, prefix text, token_hash text, permissions jsonb, created_at timestamptz, expires_at timestamptz, last_used_at timestamptz)`,
      [tenantId, JSON.stringify(tokens)],
    );
    // One source: the transcripts (generated above) are inserted, and usage_daily is aggregated from
    // them, so every usage figure is a count and a sum of transcripts the API lists.
    await q.query(
      `INSERT INTO transcripts (tenant_id, customer_id, title, language, status, duration_seconds, created_at, completed_at)
       SELECT $1, c, t, l, s, d, a, f
       FROM jsonb_to_recordset($2::jsonb) AS x(c int, t text, l text, s text, d int, a timestamptz, f timestamptz)`,
      [tenantId, JSON.stringify(transcripts)],
    );
    await q.query(
      `INSERT INTO usage_daily (customer_id, day, audio_minutes, transcriptions)
       SELECT customer_id, (created_at AT TIME ZONE 'UTC')::date, sum(duration_seconds) / 60.0, count(*)
       FROM transcripts WHERE tenant_id = $1 AND status = 'done' GROUP BY 1, 2`,
      [tenantId],
    );
    // Documents: one or two formats per transcript finished in the last 90 days (older documents
    // have expired; sandbox/README.md says so).
    await q.query(
      `INSERT INTO documents (tenant_id, customer_id, transcript_id, format, created_at)
       SELECT t.tenant_id, t.customer_id, t.id, f.format, t.completed_at
       FROM transcripts t
       CROSS JOIN LATERAL unnest(ARRAY['docx', 'srt', 'pdf', 'txt', 'vtt']) WITH ORDINALITY AS f(format, n)
       WHERE t.tenant_id = $1 AND t.status = 'done' AND t.created_at >= $2::timestamptz
         AND (f.n = 1 + t.id % 5 OR (t.id % 3 = 0 AND f.n = 1 + (t.id + 2) % 5))
       ORDER BY t.id, f.n`,
      [tenantId, new Date(todayMs - 90 * DAY).toISOString()],
    );

    // The RESELLEE login: the first user of the first active customer.
    const reselleeUser = userIds[reselleeUserIndex >= 0 ? reselleeUserIndex : 0]!;
    await q.query(`UPDATE users SET status = 'active', accepted_at = COALESCE(accepted_at, created_at) WHERE id = $1`, [reselleeUser]);
    await q.query(
      `INSERT INTO tokens (tenant_id, kind, customer_id, user_id, name, prefix, token_hash)
       SELECT tenant_id, 'resellee', customer_id, id, 'RESELLEE session', $2, $3 FROM users WHERE id = $1`,
      [reselleeUser, reselleeToken.slice(0, 12), sha256Hex(reselleeToken)],
    );
    // The count triggers were skipped with the others (replica role): the tenant's totals, counted once.
    await q.query(
      `INSERT INTO customer_counts (tenant_id, status, n) SELECT tenant_id, status, count(*) FROM customers WHERE tenant_id = $1 GROUP BY tenant_id, status
       ON CONFLICT (tenant_id, status) DO UPDATE SET n = excluded.n`,
      [tenantId],
    );
    // Likewise the metadata sort's rows (customer_metadata), and the merge of the GIN indexes' pending lists.
    await q.query(`SELECT customer_metadata_fill($1)`, [tenantId]);
    await q.query(`SELECT customers_gin_merge()`);
    return {tenantId, name: opts.name, tokens: {reseller: resellerToken, resellee: reselleeToken}};
  });
}

/** One transcript as inserted (short keys keep the JSON of ~100,000 rows small). */
interface SeedTranscript {c: number; t: string; l: string; s: 'done' | 'failed' | 'processing'; d: number; a: string; f: string | null}

interface TranscriptProfile {
  customerId: number;
  /** Seeds this customer's own PRNG (the tenant's stream is not touched). */
  key: number;
  /** Typical minutes on a working day. */
  daily: number;
  titles: readonly string[];
  language: string;
  /** First and last day with transcripts (ms, UTC midnight), and the seeded range for the growth trend. */
  from: number;
  to: number;
  rangeFrom: number;
  rangeTo: number;
  now: number;
  /** Near or over quota this month: the month's billed minutes are scaled to target × quota. */
  hot: {target: number; quota: number; monthStart: number} | null;
}

/**
 * A customer's transcripts, day by day: weekday/weekend pattern, a summer and Christmas dip, slow
 * growth and noise. A day's minutes (rounded to 0.1) are split over one to three transcripts in
 * whole 6-second units, so the usage aggregated from them is exact to the 0.1 minute stored.
 * About 6 % fail and those of the last hour are still processing: neither is billed.
 */
function customerTranscripts(p: TranscriptProfile): SeedTranscript[] {
  const rng = new Rng(p.key);
  const out: SeedTranscript[] = [];
  const span = Math.max(1, (p.rangeTo - p.rangeFrom) / DAY);
  for (let day = p.from; day <= p.to; day += DAY) {
    const date = new Date(day);
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    const r = rng.next();
    const month = date.getUTCMonth();
    const minutes = Math.round(p.daily * (weekend ? 0.12 : 1) * (month === 7 || (month === 11 && date.getUTCDate() > 22) ? 0.55 : 1)
      * (0.75 + (0.25 * (day - p.rangeFrom)) / DAY / span) * (0.3 + 1.4 * r) * 10) / 10;
    if (minutes < 0.5 || r <= (weekend ? 0.85 : 0.04)) continue;
    const n = Math.min(3, 1 + Math.floor(minutes / 480));
    const units = Math.round(minutes * 10);
    for (let k = 0; k < n; k++) {
      const at = day + (7 + 3 * k) * 3600_000 + rng.int(0, 9000) * 1000;
      const failed = rng.chance(0.06);
      const title = rng.pick(p.titles).replace('{n}', String(rng.int(1, 120))).replace('{q}', String(rng.int(1, 4)));
      if (at > p.now) continue;
      const d = 6 * (Math.floor(units / n) + (k < units % n ? 1 : 0));
      const s = at > p.now - 3600_000 ? 'processing' : failed ? 'failed' : 'done';
      out.push({c: p.customerId, t: title, l: p.language, s, d, a: new Date(at).toISOString(), f: s === 'processing' ? null : new Date(Math.min(p.now, at + d * 300)).toISOString()});
    }
  }
  if (p.hot) {
    // One more finished transcript today, then this month's billed minutes scaled to the target.
    const at = Math.max(p.to, p.now - 2 * 3600_000);
    out.push({c: p.customerId, t: rng.pick(p.titles).replace('{n}', '1').replace('{q}', '1'), l: p.language, s: 'done', d: 600, a: new Date(at).toISOString(), f: new Date(Math.min(p.now, at + 180_000)).toISOString()});
    const month = out.filter((t) => t.s === 'done' && Date.parse(t.a) >= p.hot!.monthStart);
    const f = (p.hot.target * p.hot.quota * 60) / month.reduce((sum, t) => sum + t.d, 0);
    for (const t of month) t.d = Math.max(6, Math.round((t.d * f) / 6) * 6);
  }
  return out;
}

async function nextIds(q: Queryable, seq: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const {rows} = await q.query<{id: number}>(`SELECT nextval('${seq}')::int AS id FROM generate_series(1, $1::int) ORDER BY 1`, [n]);
  return rows.map((r) => r.id);
}

/** A tenant without customers still gets a RESELLEE login (for role-gating tests), tied to no organization. */
async function reselleeWithoutCustomers(q: Queryable, tenantId: number, secret: string): Promise<string> {
  await q.query(
    `INSERT INTO tokens (tenant_id, kind, name, prefix, token_hash) VALUES ($1, 'resellee', 'RESELLEE session', $2, $3)`,
    [tenantId, secret.slice(0, 12), sha256Hex(secret)],
  );
  return secret;
}

/** Seeds the two documented tenants when the database is empty. */
export async function seedDefault(db: Db): Promise<boolean> {
  const {rows} = await db.query<{n: number}>('SELECT count(*)::int AS n FROM tenants');
  if (rows[0]!.n > 0) return false;
  await seedTenant(db, {name: 'Polderstem Reseller', customers: 300, seed: 1, resellerToken: DEV_TOKENS.resellerA, reselleeToken: DEV_TOKENS.resellee});
  await seedTenant(db, {name: 'Nordlicht Transkription', customers: 40, seed: 2, resellerToken: DEV_TOKENS.resellerB, reselleeToken: 'rs_dev_resellee_b'});
  await markDataDay(db);
  return true;
}
