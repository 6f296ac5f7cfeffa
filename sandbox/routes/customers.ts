/** /me, /plans, /customers and /customers/{id}/subscription. */
import type {Hono} from 'hono';
import {
  Billing, Customer, CustomerCreate, CustomerListQuery, CustomerPage, CustomerUpdate, Me, PlanList, Subscription, SubscriptionUpdate,
} from '../../src/contract/schemas.js';
import {API_BASE_PATH} from '../../src/contract/constants.js';
import {type Env, idParam, noContent, requireReseller, requireSession, send} from '../context.js';
import type {Db, Queryable} from '../db.js';
import {ApiError, JSON_LIMIT, parseJson, readLimited, validate} from '../http.js';
import {idempotent} from '../idempotency.js';
import {endSessions} from '../sessions.js';
import {
  billingAmount, billingPeriod, CUSTOMER_COLUMNS, type CustomerRow, customerObject, etagOf, isUniqueViolation, likePattern, loadCustomer,
  percent, PLANS, planOf, quotaOf,
} from '../model.js';
import {type Cursor, type CursorScope, decodeCursor, encodeCursor, filterFingerprint} from '../cursor.js';

const SORT_COLUMNS = {
  id: 'c.id', name: 'lower(c.name)', email: 'lower(c.email)', phone: 'c.phone', created_at: 'c.created_at', status: 'c.status',
} as const;

/** A search or metadata filter counts at most this many matches (`total_capped` beyond). */
export const TOTAL_CAP = 1000;

/** Casts of the cursor's sort key, bound as text, back to the sort expression's type. */
const KEY_TYPES: Record<string, string> = {name: 'text', email: 'text', phone: 'text', created_at: 'timestamptz', status: 'text'};

/**
 * The rows after (cursor `a`) or before (`b`) the cursor's row in the shown order: a row comparison
 * on (sort key, id) that the (tenant_id, key, id) index answers. The phone sort puts the customers
 * without one last in both orders (NULLS LAST), so its condition says where the NULLs are; so does a
 * metadata sort among a search's few matches (the others: readByMetadata). `bind` adds a parameter
 * and returns its placeholder.
 */
function keysetCondition(key: string, sort: string, nullable: boolean, asc: boolean, cursor: Cursor, bind: (value: unknown) => string): string {
  const forward = cursor.d === 'a';
  const cmp = asc === forward ? '>' : '<';
  if (sort === 'id') return `c.id ${cmp} ${bind(cursor.i)}::int`;
  const k = bind(cursor.k);
  const i = bind(cursor.i);
  const row = `(${key}, c.id) ${cmp} (${k}::${KEY_TYPES[sort] ?? 'text'}, ${i}::int)`;
  if (!nullable) return row;
  const idCmp = `c.id ${cmp} ${i}::int`;
  // (The key is still referenced when it is NULL: every bound parameter needs a type.)
  const none = `${k}::text IS NULL`;
  if (forward) return cursor.k === null ? `(${none} AND ${key} IS NULL AND ${idCmp})` : `(${key} IS NULL OR ${row})`;
  return cursor.k === null ? `(${none} AND (${key} IS NOT NULL OR ${idCmp}))` : `(${key} IS NOT NULL AND ${row})`;
}

type Read = CustomerRow & {cursor_key: string | null};

/**
 * A page in a sort's order. `few`: a search or filter whose count found at most TOTAL_CAP matches,
 * read through the matches' own indexes (trigram, metadata GIN) and sorted, rather than by walking
 * the sort's index and filtering every row on the way (the planner's choice for some rare terms:
 * "123", 400 matches, 22 ms instead of 1). A common term (a capped count) walks the sort's index:
 * its page is found after a few hundred rows instead of sorting thousands of matches.
 */
async function readSorted(db: Db, few: boolean, text: string, params: unknown[]): Promise<Read[]> {
  if (!few) return (await db.query<Read>(text, params)).rows;
  return db.tx(async (q) => {
    await q.query('SET LOCAL enable_indexscan = off');
    return (await q.query<Read>(text, params)).rows;
  });
}

/**
 * The page of a `sort=metadata.<key>` list: the customers with a value under the key in the order of
 * customer_metadata_sort (tenant, key, lower-cased value, id: an index walk that stops at the page),
 * then those without it by id (NULLS LAST in both orders, as `ORDER BY lower(metadata ->> key)`
 * would put them). Read reversed (Prev, a page from the end), the two parts swap. The second part
 * is read only when the first ends on this page; an OFFSET past the first part counts it.
 */
async function readByMetadata(db: Queryable, o: {
  whereSql: string; params: unknown[]; metaKey: string; period: string; dir: 'ASC' | 'DESC'; reversed: boolean; asc: boolean;
  keyed: Cursor | null; limit: number; offset: number;
}): Promise<Read[]> {
  const cmp = o.keyed && (o.asc === (o.keyed.d === 'a')) ? '>' : '<';
  const k = o.keyed?.k ?? null;
  type Part = {from: (bind: (value: unknown) => string) => string; key: string; order: string};
  const withKey: Part = {
    from: (bind) => `customer_metadata m JOIN customers c ON c.id = m.customer_id
      WHERE m.tenant_id = $1 AND m.key = ${bind(o.metaKey)}::text AND ${o.whereSql}${
  o.keyed && k !== null ? ` AND (m.value, m.customer_id) ${cmp} (${bind(k)}::text, ${bind(o.keyed.i)}::int)` : ''}`,
    key: 'm.value', order: `m.value ${o.dir}, m.customer_id ${o.dir}`,
  };
  const without: Part = {
    from: (bind) => `customers c WHERE ${o.whereSql}
      AND NOT EXISTS (SELECT 1 FROM customer_metadata m WHERE m.customer_id = c.id AND m.key = ${bind(o.metaKey)}::text)${
  o.keyed && k === null ? ` AND c.id ${cmp} ${bind(o.keyed.i)}::int` : ''}`,
    key: 'NULL::text', order: `c.id ${o.dir}`,
  };
  // A cursor in the first part (a value) reads on through the second part forward, not backward;
  // a cursor in the second part (no value) reads on through the first backward, not forward.
  const parts = !o.keyed ? (o.reversed ? [without, withKey] : [withKey, without])
    : o.keyed.d === 'a' ? (k !== null ? [withKey, without] : [without])
      : (k !== null ? [withKey] : [without, withKey]);
  const rows: Read[] = [];
  let skip = o.offset;
  for (const [n, part] of parts.entries()) {
    const want = o.limit - rows.length;
    if (want <= 0) break;
    const sql = [...o.params];
    const bind = (value: unknown) => `$${sql.push(value)}`;
    const from = part.from(bind);
    const {rows: got} = await db.query<Read>(
      `SELECT ${CUSTOMER_COLUMNS.replace('$PERIOD', bind(o.period))}, ${part.key} AS cursor_key FROM ${from}
       ORDER BY ${part.order} LIMIT ${bind(want)} OFFSET ${bind(skip)}`,
      sql,
    );
    rows.push(...got);
    if (got.length || !skip || n === parts.length - 1) {
      skip = 0;
    } else {
      // The offset lies beyond this part: what is left of it applies to the next.
      const counted = [...o.params];
      const {rows: [c]} = await db.query<{n: number}>(
        `SELECT count(*)::int AS n FROM ${part.from((value) => `$${counted.push(value)}`)}`, counted,
      );
      skip = Math.max(0, skip - c!.n);
    }
  }
  return rows;
}

const EMAIL_TAKEN = {email: {code: 'email_taken', message: 'This email address is already in use'}} as const;

function checkEnterpriseQuota(plan: string, quota: number | undefined, onlyEnterprise: boolean): void {
  if (plan === 'enterprise' && quota === undefined) throw new ApiError(422, 'Some fields are invalid', {quota_minutes: {code: 'quota_required', message: 'Enter the monthly minutes for the Enterprise plan'}});
  if (onlyEnterprise && plan !== 'enterprise' && quota !== undefined) throw new ApiError(422, 'Some fields are invalid', {quota_minutes: {code: 'quota_not_allowed', message: 'A custom quota is only for the Enterprise plan'}});
}

/**
 * The one plan change, shared by `PUT /customers/{id}/subscription` and `PATCH /customers/{id}`:
 * Enterprise needs `quota_minutes`; the other plans' quota is the plan's, so PUT ignores a
 * quota for them and PATCH (`onlyEnterprise`, like create) refuses it rather than drop it silently.
 * Returns the plan and the stored quota (`null` outside Enterprise).
 */
function planChange(input: {plan: string; quota_minutes?: number | undefined}, onlyEnterprise: boolean): {plan: string; quota_minutes: number | null} {
  checkEnterpriseQuota(input.plan, input.quota_minutes, onlyEnterprise);
  return {plan: input.plan, quota_minutes: input.plan === 'enterprise' ? input.quota_minutes! : null};
}

export function customerRoutes(api: Hono<Env>): void {
  api.get('/me', async (c) => {
    const p = requireSession(c);
    const {db} = c.get('deps');
    if (p.role === 'RESELLER') {
      const {rows: [t]} = await db.query<{id: number; name: string; admin_name: string; admin_email: string}>(
        `SELECT id, name, admin_name, admin_email FROM tenants WHERE id = $1`, [p.tenantId],
      );
      return send(Me, {organization: {id: t!.id, name: t!.name}, role: 'RESELLER', user: {name: t!.admin_name, email: t!.admin_email}});
    }
    const {rows: [u]} = await db.query<{cid: number; cname: string; name: string; email: string}>(
      `SELECT c.id AS cid, c.name AS cname, u.name, u.email FROM users u JOIN customers c ON c.id = u.customer_id WHERE u.id = $1`,
      [p.userId],
    );
    return send(Me, {
      organization: u ? {id: u.cid, name: u.cname} : {id: p.tenantId, name: 'Customer organization'},
      role: 'RESELLEE',
      user: u ? {name: u.name, email: u.email} : {name: 'Resellee User', email: 'user@org.example'},
    });
  });

  api.get('/plans', (c) => {
    requireReseller(c);
    return send(PlanList, {data: PLANS});
  });

  api.get('/customers', async (c) => {
    const p = requireReseller(c);
    // `metadata` repeats (one filter each); the other parameters are single.
    const raw: Record<string, unknown> = {...c.req.query()};
    const filters = c.req.queries('metadata');
    if (filters) raw.metadata = filters;
    const query = validate(CustomerListQuery, raw, 'Invalid query parameters');
    const {db} = c.get('deps');
    const where = ['c.tenant_id = $1'];
    const params: unknown[] = [p.tenantId];
    if (query.status) {
      params.push(query.status);
      where.push(`c.status = $${params.length}`);
    }
    if (query.q?.trim()) {
      params.push(likePattern(query.q.trim()));
      where.push(`(c.name ILIKE $${params.length} OR c.email ILIKE $${params.length})`);
    }
    for (const filter of query.metadata ?? []) {
      // Containment (`@>`) of a one-key object, bound as a parameter: the GIN index customers_metadata answers it,
      // and no key or value is ever part of the SQL text or of a JSON path.
      const at = filter.indexOf(':');
      params.push(JSON.stringify({[filter.slice(0, at)]: filter.slice(at + 1)}));
      where.push(`c.metadata @> $${params.length}::jsonb`);
    }
    if (query.metadata_q?.trim()) {
      params.push(likePattern(query.metadata_q.trim()));
      where.push(`EXISTS (SELECT 1 FROM jsonb_each_text(c.metadata) m WHERE m.value ILIKE $${params.length})`);
    }
    const whereSql = where.join(' AND ');
    // The plain list and the status filter read their total from customer_counts (kept by triggers,
    // sandbox/schema.ts); a search or a metadata filter can match most of a large tenant: its count
    // stops at TOTAL_CAP + 1 rows (`total_capped`).
    const search = Boolean(query.q?.trim() || query.metadata_q?.trim() || query.metadata?.length);
    const {rows: [count]} = await db.query<{total: number}>(
      search
        ? `SELECT count(*)::int AS total FROM (SELECT 1 FROM customers c WHERE ${whereSql} LIMIT ${TOTAL_CAP + 1}) s`
        : `SELECT coalesce(sum(n), 0)::int AS total FROM customer_counts WHERE tenant_id = $1${query.status ? ' AND status = $2' : ''}`,
      search ? params : params.slice(0, query.status ? 2 : 1),
    );
    const capped = search && count!.total > TOTAL_CAP;
    const total = capped ? TOTAL_CAP : count!.total;
    const lastPage = Math.max(1, Math.ceil(total / query.per_page));

    const scope: CursorScope = {t: p.tenantId, s: query.sort, o: query.order, n: query.per_page, f: filterFingerprint(query)};
    const cursor = query.cursor ? decodeCursor(query.cursor, scope) : null;
    const asc = query.order !== 'desc';
    // A metadata key sorts by its value's lower-cased text (the key a bound parameter, never SQL
    // text); customers without it come last in both orders.
    const sql: unknown[] = [...params];
    const bind = (value: unknown) => `$${sql.push(value)}`;
    // A search or filter under the cap sorts its few matches (readSorted), a metadata sort among them
    // by the expression itself; otherwise a metadata sort walks customer_metadata (readByMetadata).
    const few = search && !capped;
    const sortKey = query.sort.startsWith('metadata.') ? query.sort.slice('metadata.'.length) : null;
    const metadataKey = few ? null : sortKey;
    const key = sortKey === null ? SORT_COLUMNS[query.sort as keyof typeof SORT_COLUMNS]
      : metadataKey === null ? `lower(c.metadata ->> ${bind(sortKey)}::text)` : '';
    const nullable = query.sort === 'phone' || (metadataKey === null && sortKey !== null);
    // `last_cursor` (`z`) is the last page of the list as it is now: a page number read from the end.
    const pageNumber = cursor?.d === 'z' ? lastPage : query.page;
    const keyed = cursor && cursor.d !== 'z' ? cursor : null;
    // Rows are read in the shown order, or reversed (Prev by cursor; a page number in the second
    // half of an exact total, read from the end so Last costs what First does) and turned round.
    const fromEnd = !keyed && !capped && pageNumber > 1 && (pageNumber - 1) * query.per_page >= total / 2;
    const reversed = keyed ? keyed.d === 'b' : fromEnd;
    const dir = (asc !== reversed) ? 'ASC' : 'DESC';
    const nulls = nullable ? (reversed ? ' NULLS FIRST' : ' NULLS LAST') : '';
    let condition = keyed && metadataKey === null ? keysetCondition(key, query.sort, nullable, asc, keyed, bind) : null;
    let limit = query.per_page + 1; // one more row says whether there is a further page
    let offset = 0;
    if (!keyed) {
      if (fromEnd) {
        const fromTheEnd = total - pageNumber * query.per_page;
        offset = Math.max(0, fromTheEnd);
        limit = query.per_page + Math.min(0, fromTheEnd); // exactly the page: the total says what follows
      } else {
        offset = (pageNumber - 1) * query.per_page;
      }
    }
    if (offset > 0 && limit > 0 && metadataKey === null) {
      // A page number: the row before the page found by a narrow read of (sort key, id) through the
      // sort's index, then the page read after that row as a cursor would, so the OFFSET's rows are
      // skipped without computing their columns and usage.
      const [edge] = await readSorted(db, few, `SELECT (${key})::text AS cursor_key, c.id FROM customers c WHERE ${whereSql}
        ORDER BY ${key} ${dir}${nulls}, c.id ${dir} LIMIT 1 OFFSET ${offset - 1}`, [...sql]);
      if (!edge) limit = 0;
      else condition = keysetCondition(key, query.sort, nullable, asc, {...scope, d: reversed ? 'b' : 'a', k: edge.cursor_key, i: edge.id, p: 0}, bind);
      offset = 0;
    }
    const period = billingPeriod().start;
    const read = limit <= 0 ? [] : metadataKey !== null
      ? await readByMetadata(db, {whereSql, params, metaKey: metadataKey, period, dir, reversed, asc, keyed, limit, offset})
      : await readSorted(db, few, `SELECT ${CUSTOMER_COLUMNS.replace('$PERIOD', bind(period))}, (${key})::text AS cursor_key FROM customers c
         WHERE ${whereSql}${condition ? ` AND ${condition}` : ''}
         ORDER BY ${key} ${dir}${nulls}, c.id ${dir} LIMIT ${bind(limit)} OFFSET ${bind(offset)}`, sql);
    const further = read.length === limit && limit === query.per_page + 1;
    const rows = further ? read.slice(0, query.per_page) : read;
    if (reversed) rows.reverse();
    let page = keyed ? keyed.p : pageNumber;
    // Prev by cursor that finds no further rows before: this is the first page, whatever the cursor said.
    if (keyed?.d === 'b' && !further) page = 1;
    const hasNext = keyed?.d === 'b' ? true : fromEnd ? pageNumber * query.per_page < total : further;
    const hasPrev = page > 1 && rows.length > 0;
    const edge = (row: Read | undefined, d: 'a' | 'b', to: number) =>
      row ? encodeCursor({...scope, d, k: row.cursor_key, i: row.id, p: to}) : null;
    return send(CustomerPage, {
      data: rows.map(customerObject), page, per_page: query.per_page, total, total_capped: capped,
      next_cursor: hasNext && rows.length ? edge(rows.at(-1), 'a', page + 1) : null,
      prev_cursor: hasPrev ? edge(rows[0], 'b', page - 1) : null,
      // An exact total knows where the end is; a capped one does not (no Last: page on by next_cursor).
      last_cursor: capped ? null : encodeCursor({...scope, d: 'z', k: null, i: 0, p: lastPage}),
    });
  });

  api.post('/customers', async (c) => {
    const p = requireReseller(c);
    return idempotent(c, p, JSON_LIMIT, async (bytes) => {
      const input = validate(CustomerCreate, parseJson(c.req.raw, bytes));
      checkEnterpriseQuota(input.plan, input.quota_minutes, true);
      const {db} = c.get('deps');
      let id: number;
      try {
        const {rows} = await db.query<{id: number}>(
          `INSERT INTO customers (tenant_id, name, email, phone, plan, quota_minutes, status, metadata, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'active', $7, date_trunc('milliseconds', now()), date_trunc('milliseconds', now())) RETURNING id`,
          [p.tenantId, input.name, input.email, input.phone ?? null, input.plan, input.quota_minutes ?? null, JSON.stringify(input.metadata ?? {})],
        );
        id = rows[0]!.id;
      } catch (err) {
        if (isUniqueViolation(err)) throw new ApiError(422, 'Some fields are invalid', EMAIL_TAKEN);
        throw err;
      }
      const row = await loadCustomer(db, p.tenantId, id);
      return send(Customer, customerObject(row), 201, {etag: etagOf(row), location: `${API_BASE_PATH}/customers/${id}`});
    });
  });

  api.get('/customers/:id', async (c) => {
    const p = requireReseller(c);
    const row = await loadCustomer(c.get('deps').db, p.tenantId, idParam(c));
    return send(Customer, customerObject(row), 200, {etag: etagOf(row)});
  });

  api.patch('/customers/:id', async (c) => {
    const p = requireReseller(c);
    const id = idParam(c);
    const {db} = c.get('deps');
    await loadCustomer(db, p.tenantId, id); // 404 before reading or validating anything
    const input = validate(CustomerUpdate, parseJson(c.req.raw, await readLimited(c.req.raw, JSON_LIMIT)));
    const ifMatch = c.req.header('if-match');
    const row = await db.tx(async (q) => {
      const current = await loadCustomer(q, p.tenantId, id, true);
      if (ifMatch !== undefined && !etagMatches(ifMatch, etagOf(current))) throw new ApiError(412);
      const sets: string[] = [];
      const params: unknown[] = [id, p.tenantId];
      const set = (col: string, value: unknown) => {
        params.push(value);
        sets.push(`${col} = $${params.length}`);
      };
      if (input.name !== undefined) set('name', input.name);
      if (input.email !== undefined) set('email', input.email);
      if (input.phone !== undefined) set('phone', input.phone);
      if (input.status !== undefined) set('status', input.status);
      if (input.metadata !== undefined) set('metadata', JSON.stringify(input.metadata));
      if (input.plan !== undefined || input.quota_minutes !== undefined) {
        // A quota alone keeps the current plan (and so is accepted only for Enterprise).
        const change = planChange({plan: input.plan ?? current.plan, quota_minutes: input.quota_minutes}, true);
        set('plan', change.plan);
        set('quota_minutes', change.quota_minutes);
      }
      sets.push(`updated_at = date_trunc('milliseconds', greatest(clock_timestamp(), updated_at + interval '1 millisecond'))`);
      try {
        await q.query(`UPDATE customers SET ${sets.join(', ')} WHERE id = $1 AND tenant_id = $2`, params);
      } catch (err) {
        if (isUniqueViolation(err)) throw new ApiError(422, 'Some fields are invalid', EMAIL_TAKEN);
        throw err;
      }
      if (input.status === 'inactive' && current.status !== 'inactive') await endSessions(q, p.tenantId, {customerId: id});
      return loadCustomer(q, p.tenantId, id);
    });
    return send(Customer, customerObject(row), 200, {etag: etagOf(row)});
  });

  api.delete('/customers/:id', async (c) => {
    const p = requireReseller(c);
    const {rows} = await c.get('deps').db.query(`DELETE FROM customers WHERE id = $1 AND tenant_id = $2 RETURNING id`, [idParam(c), p.tenantId]);
    if (!rows.length) throw new ApiError(404, 'Customer not found');
    return noContent();
  });

  api.get('/customers/:id/subscription', async (c) => {
    const p = requireReseller(c);
    const row = await loadCustomer(c.get('deps').db, p.tenantId, idParam(c));
    return send(Subscription, subscriptionObject(row));
  });

  api.get('/customers/:id/billing', async (c) => {
    const p = requireReseller(c);
    const {db} = c.get('deps');
    const row = await loadCustomer(db, p.tenantId, idParam(c));
    const current = billingPeriod();
    // Up to 12 whole past months, none before the month of registration; minutes summed from the
    // same usage_daily rows the usage endpoints read, so billing and usage agree by construction.
    const {rows} = await db.query<{start: string; end: string; minutes: number}>(
      `SELECT to_char(m, 'YYYY-MM-DD') AS start, to_char(m + interval '1 month' - interval '1 day', 'YYYY-MM-DD') AS end,
         coalesce((SELECT sum(u.audio_minutes) FROM usage_daily u
           WHERE u.customer_id = $1 AND u.day >= m::date AND u.day < (m + interval '1 month')::date), 0)::float8 AS minutes
       FROM generate_series(greatest($2::date - interval '12 months', date_trunc('month', $3::timestamptz AT TIME ZONE 'UTC')), $2::date - interval '1 month', interval '1 month') AS m
       ORDER BY m DESC`,
      [row.id, current.start, row.created_at],
    );
    const line = (period: {start: string; end: string}, minutes: number, status: 'open' | 'invoiced' | 'paid') => {
      const m = Math.round(minutes * 10) / 10;
      return {period, plan: row.plan, minutes: m, amount: billingAmount(row.plan, m), status};
    };
    return send(Billing, {
      customer_id: row.id, currency: planOf(row.plan).currency,
      current: line(current, row.period_minutes, 'open'),
      history: rows.map((r, i) => line({start: r.start, end: r.end}, r.minutes, i === 0 ? 'invoiced' : 'paid')),
    });
  });

  api.put('/customers/:id/subscription', async (c) => {
    const p = requireReseller(c);
    const id = idParam(c);
    const {db} = c.get('deps');
    await loadCustomer(db, p.tenantId, id);
    return idempotent(c, p, JSON_LIMIT, async (bytes) => {
      const input = validate(SubscriptionUpdate, parseJson(c.req.raw, bytes));
      const change = planChange(input, false);
      const {db} = c.get('deps'); // inside idempotent(): the database of its transaction
      await db.query(
        `UPDATE customers SET plan = $3, quota_minutes = $4,
           updated_at = date_trunc('milliseconds', greatest(clock_timestamp(), updated_at + interval '1 millisecond'))
         WHERE id = $1 AND tenant_id = $2`,
        [id, p.tenantId, change.plan, change.quota_minutes],
      );
      return send(Subscription, subscriptionObject(await loadCustomer(db, p.tenantId, id)));
    });
  });
}

function subscriptionObject(row: CustomerRow) {
  const plan = planOf(row.plan);
  const quota = quotaOf(row.plan, row.quota_minutes);
  const minutes = Math.round(row.period_minutes * 10) / 10;
  return {
    customer_id: row.id, plan: plan.id, quota_minutes: quota, custom_models: plan.custom_models, priority_support: plan.priority_support,
    billing_period: billingPeriod(), transcription_minutes: minutes, usage_percent: percent(minutes, quota),
  };
}

/** `If-Match` against the current ETag (weak comparison; `*` matches anything). */
function etagMatches(header: string, etag: string): boolean {
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || strip(t) === strip(etag));
}
