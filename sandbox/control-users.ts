/**
 * Control API for users' invitations (the tenant's RESELLER bearer token says which tenant):
 * - `POST /__sandbox/users/{id}/accept`: the user accepts their invitation, as they would from the
 *   email: `invited` → `active` (the only way there), answering `200` with the user. 404 for a user
 *   of another tenant, 409 `user_not_invited` for a user who is not invited (an active one, or one
 *   deactivated before accepting: reactivate first). For tests and the demo.
 * - `GET /__sandbox/invitations`: what the sandbox would have emailed (invitations and resends), newest first.
 */
import type {Hono} from 'hono';
import {User} from '../src/contract/schemas.js';
import {type Env, idParam, iso, requireReseller, send} from './context.js';
import {ApiError, NO_STORE} from './http.js';
import {USER_COLUMNS, userObject, type UserRow} from './routes/organization.js';

export function userControlRoutes(app: Hono<Env>): void {
  app.post('/__sandbox/users/:id/accept', async (c) => {
    const p = requireReseller(c);
    const id = idParam(c);
    const row = await c.get('deps').db.tx(async (q) => {
      const {rows: [user]} = await q.query<{status: string}>(`SELECT status FROM users WHERE id = $1 AND tenant_id = $2 FOR UPDATE`, [id, p.tenantId]);
      if (!user) throw new ApiError(404, 'User not found');
      if (user.status !== 'invited') throw new ApiError(409, `Only an invited user can accept (this one is ${user.status})`, undefined, 'user_not_invited');
      const {rows: [accepted]} = await q.query<UserRow>(
        `UPDATE users SET status = 'active', accepted_at = date_trunc('milliseconds', now()) WHERE id = $1 RETURNING ${USER_COLUMNS}`, [id],
      );
      return accepted!;
    });
    return send(User, userObject(row), 200);
  });

  app.get('/__sandbox/invitations', async (c) => {
    const p = requireReseller(c);
    const {rows} = await c.get('deps').db.query<{id: number; customer_id: number; user_id: number; recipient: string; subject: string; body: string; resend: boolean; created_at: Date}>(
      `SELECT id, customer_id, user_id, recipient, subject, body, resend, created_at FROM invitation_outbox WHERE tenant_id = $1 ORDER BY id DESC LIMIT 100`,
      [p.tenantId],
    );
    return c.json({data: rows.map((r) => ({...r, created_at: iso(r.created_at)}))}, 200, NO_STORE);
  });
}
