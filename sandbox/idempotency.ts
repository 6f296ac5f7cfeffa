/**
 * `Idempotency-Key` on POST/PUT: the first request with a key runs and its answer (any status below
 * 500) is stored per tenant; a replay with the same key and the same request gets the stored status
 * and body (with `Idempotent-Replayed: true`) and creates nothing. The same key with a different
 * method, path or body answers 409 conflict. Concurrent requests with one key are serialised in
 * process; across processes (real PostgreSQL) the second waits on the first's claim row.
 *
 * Crash safety: the claim, the request's own writes and the stored answer commit in one
 * transaction, so a sandbox killed mid-request leaves either everything (a retry gets the stored
 * answer) or nothing (a retry runs, once). A refused request (4xx) keeps its answer but none of its
 * writes (a savepoint); a 5xx or a 429 (rate-limited: not processed) keeps nothing. A claim without an answer, which only a crash of an
 * older sandbox could leave, is dropped after `CLAIM_EXPIRY_MS` (60 s) so the retry runs.
 * Answers that carry a secret (`POST /tokens`) are replayed for `SECRET_REPLAY_MS` (10 minutes)
 * only; after that the stored answer is erased and the key answers 409.
 *
 * Stored answers can hold secrets (`POST /tokens` answers the new token's secret once), so nothing
 * is kept in clear: the key is stored as its SHA-256, and the answer is encrypted (AES-256-GCM) with
 * a key derived from the tenant and the Idempotency-Key itself. Only a replay with the same key can
 * read it back; the database alone reveals no secret.
 */
import {createCipheriv, createDecipheriv, createHash, randomBytes} from 'node:crypto';
import type {Ctx, Principal} from './context.js';
import type {Db, Queryable} from './db.js';
import {ApiError, errorResponse, NO_STORE, readLimited} from './http.js';
import {sha256Hex} from './tokens.js';

const sealKey = (tenantId: number, key: string): Buffer => createHash('sha256').update(`idempotency-answer\n${tenantId}\n${key}`).digest();

function seal(text: string, tenantId: number, key: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(tenantId, key), iv);
  const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64');
}

function unseal(sealed: string, tenantId: number, key: string): string {
  const raw = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', sealKey(tenantId, key), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** A claim that never got its answer is dropped after this long, so a retry runs (see the header). */
export const CLAIM_EXPIRY_MS = 60_000;
/** How long an answer that carries a secret (`POST /tokens`) is replayed; afterwards the key answers 409. */
export const SECRET_REPLAY_MS = 10 * 60_000;

export interface IdempotencyOptions {
  /** The answer holds a secret: replay it for `SECRET_REPLAY_MS` only, then forget it. */
  secret?: boolean;
}

/** Thrown inside the transaction to roll it back and still answer with `response` (a 5xx answer is not stored). */
class Abandon {
  constructor(readonly response: Response) {}
}

/** `db` with every query (and nested transaction) on the transaction `q`. */
function scopedDb(db: Db, q: Queryable): Db {
  const scoped = Object.create(db) as Db;
  scoped.query = (sql, params) => q.query(sql, params);
  scoped.tx = (fn) => fn(q);
  return scoped;
}

export async function idempotent(
  c: Ctx,
  p: Principal,
  limit: number,
  run: (body: Uint8Array) => Promise<Response>,
  options: IdempotencyOptions = {},
): Promise<Response> {
  const body = await readLimited(c.req.raw, limit);
  const key = c.req.header('idempotency-key');
  if (!key) return run(body);
  if (key.length > 255) throw new ApiError(400, 'Idempotency-Key is at most 255 characters');
  const deps = c.get('deps');
  const {db, locks} = deps;
  const keyHash = sha256Hex(`idempotency-key\n${key}`);
  const lockKey = `${p.tenantId}:${keyHash}`;
  const previous = locks.get(lockKey) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((r) => (release = r));
  const chained = previous.then(() => mine);
  locks.set(lockKey, chained);
  await previous;
  try {
    const fingerprint = sha256Hex(`${c.req.method} ${new URL(c.req.url).pathname}\n`) + ':' + sha256Hex(body);
    // Claims are committed together with the work and its answer (below), so an answer-less claim
    // is only left behind by a sandbox that crashed before this was so: drop it once it is stale.
    await db.query(
      `DELETE FROM idempotency WHERE tenant_id = $1 AND key = $2 AND status IS NULL AND created_at < now() - $3::int * interval '1 millisecond'`,
      [p.tenantId, keyHash, CLAIM_EXPIRY_MS],
    );
    return await db.tx(async (q) => {
      const claimed = await q.query<{key: string}>(
        `INSERT INTO idempotency (tenant_id, key, fingerprint) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`,
        [p.tenantId, keyHash, fingerprint],
      );
      if (!claimed.rows.length) return replay(q, p.tenantId, key, keyHash, fingerprint, options);
      // The work, the claim and the stored answer commit together: a crash leaves either all or nothing.
      await q.query('SAVEPOINT idempotent_run');
      let response: Response;
      c.set('deps', {...deps, db: scopedDb(db, q)});
      try {
        response = await run(body);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        // A refused request stores its answer, but none of what it did before refusing.
        await q.query('ROLLBACK TO SAVEPOINT idempotent_run');
        response = errorResponse(err);
      } finally {
        c.set('deps', deps);
      }
      // A 5xx, or a 429 (not processed: try again later), keeps nothing: the same key may run after Retry-After.
      if (response.status >= 500 || response.status === 429) throw new Abandon(response);
      const text = await response.text();
      await q.query(
        `UPDATE idempotency SET status = $3, content_type = $4, body = $5 WHERE tenant_id = $1 AND key = $2`,
        [p.tenantId, keyHash, response.status, response.headers.get('content-type'), seal(text, p.tenantId, key)],
      );
      return new Response(response.status === 204 ? null : text, {status: response.status, headers: response.headers});
    });
  } catch (err) {
    if (err instanceof Abandon) return err.response;
    throw err;
  } finally {
    release();
    if (locks.get(lockKey) === chained) locks.delete(lockKey);
  }
}

/** The stored answer for a key seen before (or 409). */
async function replay(q: Queryable, tenantId: number, key: string, keyHash: string, fingerprint: string, options: IdempotencyOptions): Promise<Response> {
  const {rows: [stored]} = await q.query<{fingerprint: string; status: number | null; content_type: string | null; body: string | null; age_ms: number}>(
    `SELECT fingerprint, status, content_type, body, (extract(epoch FROM now() - created_at) * 1000)::float8 AS age_ms
     FROM idempotency WHERE tenant_id = $1 AND key = $2`,
    [tenantId, keyHash],
  );
  if (!stored) throw new ApiError(409, 'Idempotency-Key is being processed; retry');
  if (stored.fingerprint !== fingerprint) throw new ApiError(409, 'This Idempotency-Key was already used with a different request');
  if (stored.status === null) throw new ApiError(409, 'A request with this Idempotency-Key is still being processed');
  if (options.secret && Number(stored.age_ms) > SECRET_REPLAY_MS) {
    await q.query(`UPDATE idempotency SET body = NULL WHERE tenant_id = $1 AND key = $2`, [tenantId, keyHash]);
    // Answered, not thrown: a throw would roll the erasure back with the transaction.
    return errorResponse(new ApiError(409, 'The answer to this Idempotency-Key held a secret and is no longer replayed (after 10 minutes); send a new request with a new key'));
  }
  const headers: Record<string, string> = {...NO_STORE, 'idempotent-replayed': 'true'};
  if (stored.content_type) headers['content-type'] = stored.content_type;
  if (stored.body === null && stored.status !== 204) throw new ApiError(409, 'The answer to this Idempotency-Key is no longer kept; send a new request with a new key');
  return new Response(stored.body === null || stored.status === 204 ? null : unseal(stored.body, tenantId, key), {status: stored.status, headers});
}
