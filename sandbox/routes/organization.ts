/** A customer's API tokens and users. */
import type {Hono} from 'hono';
import {Invitation, Token, TokenCreate, TokenCreated, TokenList, TokenUpdate, User, UserInvite, UserList, UserUpdate} from '../../src/contract/schemas.js';
import {type Env, idParam, iso, noContent, requireReseller, send} from '../context.js';
import {ApiError, JSON_LIMIT, parseJson, readLimited, validate} from '../http.js';
import {idempotent} from '../idempotency.js';
import {assertCustomer, isUniqueViolation} from '../model.js';
import {CUSTOMER_PREFIX, displayPrefix, newSecret, sha256Hex} from '../tokens.js';
import {endSessions} from '../sessions.js';
import {sendInvitation} from '../invitations.js';

interface TokenRow {
  id: number;
  customer_id: number;
  name: string;
  prefix: string;
  permissions: string[];
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
}
const tokenObject = (r: TokenRow) => ({
  id: r.id, customer_id: r.customer_id, name: r.name, prefix: r.prefix, permissions: r.permissions,
  created_at: iso(r.created_at), expires_at: iso(r.expires_at), last_used_at: iso(r.last_used_at),
});
const TOKEN_COLUMNS = 'id, customer_id, name, prefix, permissions, created_at, expires_at, last_used_at';

export interface UserRow {
  id: number;
  customer_id: number;
  name: string;
  email: string;
  status: string;
  created_at: Date;
  last_login_at: Date | null;
}
export const userObject = (r: UserRow) => ({
  id: r.id, customer_id: r.customer_id, name: r.name, email: r.email, role: 'RESELLEE', status: r.status,
  created_at: iso(r.created_at), last_login_at: iso(r.last_login_at),
});
export const USER_COLUMNS = 'id, customer_id, name, email, status, created_at, last_login_at';

export function organizationRoutes(api: Hono<Env>): void {
  // ---- Tokens: customer API tokens (sk_live_…), for the customer's API; never reseller access.
  api.post('/tokens', async (c) => {
    const p = requireReseller(c);
    return idempotent(c, p, JSON_LIMIT, async (bytes) => {
      const input = validate(TokenCreate, parseJson(c.req.raw, bytes));
      if (input.expires_at && Date.parse(input.expires_at) <= Date.now()) {
        throw new ApiError(422, 'Some fields are invalid', {expires_at: {code: 'expiry_past', message: 'The expiry date must be in the future'}});
      }
      const {db} = c.get('deps');
      await assertCustomer(db, p.tenantId, input.customer_id);
      const secret = newSecret(CUSTOMER_PREFIX);
      const {rows: [row]} = await db.query<TokenRow>(
        `INSERT INTO tokens (tenant_id, kind, customer_id, name, prefix, token_hash, permissions, created_at, expires_at)
         VALUES ($1, 'customer', $2, $3, $4, $5, $6::text[], date_trunc('milliseconds', now()), $7) RETURNING ${TOKEN_COLUMNS}`,
        [p.tenantId, input.customer_id, input.name, displayPrefix(secret, CUSTOMER_PREFIX), sha256Hex(secret), [...new Set(input.permissions)], input.expires_at ?? null],
      );
      return send(TokenCreated, {...tokenObject(row!), secret}, 201);
    }, {secret: true});
  });

  api.get('/customers/:id/tokens', async (c) => {
    const p = requireReseller(c);
    const {db} = c.get('deps');
    const id = idParam(c);
    await assertCustomer(db, p.tenantId, id);
    const {rows} = await db.query<TokenRow>(
      `SELECT ${TOKEN_COLUMNS} FROM tokens WHERE customer_id = $1 AND tenant_id = $2 AND kind = 'customer' AND revoked_at IS NULL
       ORDER BY created_at DESC, id DESC`,
      [id, p.tenantId],
    );
    return send(TokenList, {data: rows.map(tokenObject)});
  });

  // Permissions after creation: the whole new set; the request log records who changed what.
  api.patch('/tokens/:id', async (c) => {
    const p = requireReseller(c);
    const {db} = c.get('deps');
    const id = idParam(c);
    const input = validate(TokenUpdate, parseJson(c.req.raw, await readLimited(c.req.raw, JSON_LIMIT)));
    const permissions = [...new Set(input.permissions)];
    const {before, row} = await db.tx(async (q) => {
      const {rows: [old]} = await q.query<{permissions: string[]}>(
        `SELECT permissions FROM tokens WHERE id = $1 AND tenant_id = $2 AND kind = 'customer' AND revoked_at IS NULL FOR UPDATE`, [id, p.tenantId],
      );
      if (!old) throw new ApiError(404, 'Token not found');
      const {rows: [updated]} = await q.query<TokenRow>(`UPDATE tokens SET permissions = $2::text[] WHERE id = $1 RETURNING ${TOKEN_COLUMNS}`, [id, permissions]);
      return {before: old.permissions, row: updated!};
    });
    const {rows: [actor]} = await db.query<{prefix: string}>(`SELECT prefix FROM tokens WHERE id = $1`, [p.tokenId]);
    c.set('audit', {
      actor: {token_id: p.tokenId, prefix: actor?.prefix ?? '', role: p.role},
      target: `token ${id}`,
      changes: {permissions: {from: before, to: row.permissions}},
    });
    return send(Token, tokenObject(row));
  });

  api.delete('/tokens/:id', async (c) => {
    const p = requireReseller(c);
    const {rows} = await c.get('deps').db.query(
      `UPDATE tokens SET revoked_at = now() WHERE id = $1 AND tenant_id = $2 AND kind = 'customer' AND revoked_at IS NULL RETURNING id`,
      [idParam(c), p.tenantId],
    );
    if (!rows.length) throw new ApiError(404, 'Token not found');
    return noContent();
  });

  // ---- Users (RESELLEE) of a customer organization.
  api.get('/customers/:id/users', async (c) => {
    const p = requireReseller(c);
    const {db} = c.get('deps');
    const id = idParam(c);
    await assertCustomer(db, p.tenantId, id);
    const {rows} = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE customer_id = $1 ORDER BY created_at, id`, [id]);
    return send(UserList, {data: rows.map(userObject)});
  });

  api.post('/customers/:id/users', async (c) => {
    const p = requireReseller(c);
    const {db} = c.get('deps');
    const id = idParam(c);
    await assertCustomer(db, p.tenantId, id);
    return idempotent(c, p, JSON_LIMIT, async (bytes) => {
      const input = validate(UserInvite, parseJson(c.req.raw, bytes));
      const {db} = c.get('deps'); // inside idempotent(): the database of its transaction
      try {
        const {rows: [row]} = await db.query<UserRow>(
          `INSERT INTO users (tenant_id, customer_id, name, email, status, created_at) VALUES ($1, $2, $3, $4, 'invited', date_trunc('milliseconds', now()))
           RETURNING ${USER_COLUMNS}`,
          [p.tenantId, id, input.name, input.email],
        );
        await sendInvitation(db, p.tenantId, id, row!.id, {resend: false});
        return send(User, userObject(row!), 201);
      } catch (err) {
        if (isUniqueViolation(err)) throw new ApiError(422, 'Some fields are invalid', {email: {code: 'email_taken', message: 'This email address is already in use'}});
        throw err;
      }
    });
  });

  // Name and status. The status machine (constants.ts USER_STATUSES): invited → active only by
  // accepting the invitation (409 invitation_not_accepted here); active ↔ inactive; a user
  // deactivated before accepting is reactivated as invited.
  api.patch('/customers/:id/users/:userId', async (c) => {
    const p = requireReseller(c);
    const {db} = c.get('deps');
    const id = idParam(c);
    const userId = idParam(c, 'userId');
    await assertUser(c, p.tenantId, id, userId);
    const input = validate(UserUpdate, parseJson(c.req.raw, await readLimited(c.req.raw, JSON_LIMIT)));
    const row = await db.tx(async (q) => {
      const {rows: [old]} = await q.query<{status: string; accepted: boolean}>(
        `SELECT status, accepted_at IS NOT NULL AS accepted FROM users WHERE id = $1 AND customer_id = $2 AND tenant_id = $3 FOR UPDATE`, [userId, id, p.tenantId],
      );
      if (!old) throw new ApiError(404, 'User not found');
      let status = old.status;
      if (input.status === 'inactive') status = 'inactive';
      else if (input.status === 'active' && old.status === 'invited') {
        throw new ApiError(409, 'An invited user becomes active by accepting the invitation (send it again with POST /customers/{id}/users/{userId}/invitation)', undefined, 'invitation_not_accepted');
      } else if (input.status === 'active' && old.status === 'inactive') status = old.accepted ? 'active' : 'invited';
      const {rows: [updated]} = await q.query<UserRow>(
        `UPDATE users SET status = $3, name = COALESCE($4, name) WHERE id = $1 AND customer_id = $2 RETURNING ${USER_COLUMNS}`,
        [userId, id, status, input.name ?? null],
      );
      if (status === 'inactive' && old.status !== 'inactive') await endSessions(q, p.tenantId, {userId});
      return updated;
    });
    return send(User, userObject(row!));
  });

  // Send the invitation again (only to an invited user; rate-limited per user: invitations.ts).
  api.post('/customers/:id/users/:userId/invitation', async (c) => {
    const p = requireReseller(c);
    const id = idParam(c);
    const userId = idParam(c, 'userId');
    await assertUser(c, p.tenantId, id, userId);
    return idempotent(c, p, JSON_LIMIT, async () => {
      const {db} = c.get('deps'); // inside idempotent(): the database of its transaction
      return send(Invitation, await sendInvitation(db, p.tenantId, id, userId, {resend: true}), 202);
    });
  });

  api.delete('/customers/:id/users/:userId', async (c) => {
    const p = requireReseller(c);
    const id = idParam(c);
    const userId = idParam(c, 'userId');
    await assertUser(c, p.tenantId, id, userId);
    await c.get('deps').db.query(`DELETE FROM users WHERE id = $1 AND customer_id = $2`, [userId, id]);
    return noContent();
  });
}

async function assertUser(c: Parameters<typeof requireReseller>[0], tenantId: number, customerId: number, userId: number): Promise<void> {
  const {rows} = await c.get('deps').db.query(
    `SELECT 1 FROM users WHERE id = $1 AND customer_id = $2 AND tenant_id = $3`, [userId, customerId, tenantId],
  );
  if (!rows.length) throw new ApiError(404, 'User not found');
}
