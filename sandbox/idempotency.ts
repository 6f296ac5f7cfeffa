/**
 * `Idempotency-Key` on POST/PUT: the first request with a key runs and its answer (any status below
 * 500) is stored per tenant; a replay with the same key and the same request gets the stored status
 * and body (with `Idempotent-Replayed: true`) and creates nothing. The same key with a different
 * method, path or body answers 409 conflict. Concurrent requests with one key are serialised in
 * process; across processes (real PostgreSQL) the claim row answers 409 while the first is running.
 *
 * Stored answers can hold secrets (`POST /tokens` answers the new token's secret once), so nothing
 * is kept in clear: the key is stored as its SHA-256, and the answer is encrypted (AES-256-GCM) with
 * a key derived from the tenant and the Idempotency-Key itself. Only a replay with the same key can
 * read it back; the database alone reveals no secret.
 */
import {createCipheriv, createDecipheriv, createHash, randomBytes} from 'node:crypto';
import type {Ctx, Principal} from './context.js';
import {ApiError, errorResponse, readLimited} from './http.js';
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
  const keyHash = sha256Hex(`idempotency-key\n${key}`);
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
      [p.tenantId, keyHash, fingerprint],
    );
    if (!claimed.rows.length) {
      const {rows: [stored]} = await db.query<{fingerprint: string; status: number | null; content_type: string | null; body: string | null}>(
        `SELECT fingerprint, status, content_type, body FROM idempotency WHERE tenant_id = $1 AND key = $2`,
        [p.tenantId, keyHash],
      );
      if (!stored) throw new ApiError(409, 'Idempotency-Key is being processed; retry');
      if (stored.fingerprint !== fingerprint) throw new ApiError(409, 'This Idempotency-Key was already used with a different request');
      if (stored.status === null) throw new ApiError(409, 'A request with this Idempotency-Key is still being processed');
      const headers: Record<string, string> = {'idempotent-replayed': 'true'};
      if (stored.content_type) headers['content-type'] = stored.content_type;
      return new Response(stored.body === null || stored.status === 204 ? null : unseal(stored.body, p.tenantId, key), {status: stored.status, headers});
    }
    let response: Response;
    try {
      response = await run(body);
    } catch (err) {
      if (!(err instanceof ApiError)) {
        await db.query(`DELETE FROM idempotency WHERE tenant_id = $1 AND key = $2`, [p.tenantId, keyHash]);
        throw err;
      }
      response = errorResponse(err);
    }
    if (response.status >= 500) {
      await db.query(`DELETE FROM idempotency WHERE tenant_id = $1 AND key = $2`, [p.tenantId, keyHash]);
      return response;
    }
    const text = await response.text();
    await db.query(
      `UPDATE idempotency SET status = $3, content_type = $4, body = $5 WHERE tenant_id = $1 AND key = $2`,
      [p.tenantId, keyHash, response.status, response.headers.get('content-type'), seal(text, p.tenantId, key)],
    );
    return new Response(response.status === 204 ? null : text, {status: response.status, headers: response.headers});
  } finally {
    release();
    if (locks.get(lockKey) === chained) locks.delete(lockKey);
  }
}
