/**
 * `Idempotency-Key` on POST/PUT: the first request with a key runs and its answer (any status below
 * 500) is stored per tenant; a replay with the same key and the same request gets the stored status
 * and body (with `Idempotent-Replayed: true`) and creates nothing. The same key with a different
 * method, path or body answers 409 conflict. Concurrent requests with one key are serialised in
 * process; across processes (real PostgreSQL) the claim row answers 409 while the first is running.
 */
import type {Ctx, Principal} from './context.js';
import {ApiError, errorResponse, readLimited} from './http.js';
import {sha256Hex} from './tokens.js';

export async function idempotent(
  c: Ctx,
  p: Principal,
  limit: number,
  run: (body: Uint8Array) => Promise<Response>,
): Promise<Response> {
  const body = await readLimited(c.req.raw, limit);
  const key = c.req.header('idempotency-key');
  if (!key) return run(body);
  if (key.length > 255) throw new ApiError(400, 'Idempotency-Key is at most 255 characters');
  const {db, locks} = c.get('deps');
  const lockKey = `${p.tenantId}:${key}`;
  const previous = locks.get(lockKey) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((r) => (release = r));
  const chained = previous.then(() => mine);
  locks.set(lockKey, chained);
  await previous;
  try {
    const fingerprint = sha256Hex(`${c.req.method} ${new URL(c.req.url).pathname}\n`) + ':' + sha256Hex(body);
    const claimed = await db.query<{key: string}>(
      `INSERT INTO idempotency (tenant_id, key, fingerprint) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`,
      [p.tenantId, key, fingerprint],
    );
    if (!claimed.rows.length) {
      const {rows: [stored]} = await db.query<{fingerprint: string; status: number | null; content_type: string | null; body: string | null}>(
        `SELECT fingerprint, status, content_type, body FROM idempotency WHERE tenant_id = $1 AND key = $2`,
        [p.tenantId, key],
      );
      if (!stored) throw new ApiError(409, 'Idempotency-Key is being processed; retry');
      if (stored.fingerprint !== fingerprint) throw new ApiError(409, 'This Idempotency-Key was already used with a different request');
      if (stored.status === null) throw new ApiError(409, 'A request with this Idempotency-Key is still being processed');
      const headers: Record<string, string> = {'idempotent-replayed': 'true'};
      if (stored.content_type) headers['content-type'] = stored.content_type;
      return new Response(stored.body === null || stored.status === 204 ? null : stored.body, {status: stored.status, headers});
    }
    let response: Response;
    try {
      response = await run(body);
    } catch (err) {
      if (!(err instanceof ApiError)) {
        await db.query(`DELETE FROM idempotency WHERE tenant_id = $1 AND key = $2`, [p.tenantId, key]);
        throw err;
      }
      response = errorResponse(err);
    }
    if (response.status >= 500) {
      await db.query(`DELETE FROM idempotency WHERE tenant_id = $1 AND key = $2`, [p.tenantId, key]);
      return response;
    }
    const text = await response.text();
    await db.query(
      `UPDATE idempotency SET status = $3, content_type = $4, body = $5 WHERE tenant_id = $1 AND key = $2`,
      [p.tenantId, key, response.status, response.headers.get('content-type'), text],
    );
    return new Response(response.status === 204 ? null : text, {status: response.status, headers: response.headers});
  } finally {
    release();
    if (locks.get(lockKey) === chained) locks.delete(lockKey);
  }
}
