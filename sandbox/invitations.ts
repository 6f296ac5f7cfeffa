/**
 * Invitations of RESELLEE users: what the sandbox would email, recorded in `invitation_outbox`
 * (`GET /__sandbox/invitations` lists it), at invite and at every resend. A resend is for an
 * invited user only (409 `user_not_invited` otherwise) and rate-limited per user: the next resend
 * INVITATION_RESEND_INTERVAL_MS after the last resend (a double click, a retry loop), at most
 * INVITATIONS_PER_DAY invitations in 24 hours (the first one counts); past either, 429 with
 * `Retry-After`. Right after inviting a resend may go (the person says "nothing arrived").
 */
import {INVITATION_RESEND_INTERVAL_MS, INVITATIONS_PER_DAY} from '../src/contract/constants.js';
import {iso} from './context.js';
import type {Queryable} from './db.js';
import {ApiError} from './http.js';

export interface SentInvitation {
  user_id: number;
  email: string;
  sent_at: string;
}

export async function sendInvitation(q: Queryable, tenantId: number, customerId: number, userId: number, {resend}: {resend: boolean}): Promise<SentInvitation> {
  const {rows: [user]} = await q.query<{name: string; email: string; status: string; customer: string; reseller: string}>(
    `SELECT u.name, u.email, u.status, c.name AS customer, t.name AS reseller
     FROM users u JOIN customers c ON c.id = u.customer_id JOIN tenants t ON t.id = u.tenant_id
     WHERE u.id = $1 AND u.customer_id = $2 AND u.tenant_id = $3 FOR UPDATE OF u`,
    [userId, customerId, tenantId],
  );
  if (!user) throw new ApiError(404, 'User not found');
  if (resend && user.status !== 'invited') {
    const why = user.status === 'active' ? 'This user has already accepted the invitation' : 'This user is deactivated: reactivate them first';
    throw new ApiError(409, `${why}; only invited users can be sent the invitation again`, undefined, 'user_not_invited');
  }
  if (resend) {
    const {rows: [w]} = await q.query<{since_last: number | null; daily: number | null}>(
      `SELECT
         (SELECT ceil(extract(epoch FROM max(created_at) + $2::int * interval '1 millisecond' - now()))::int FROM invitation_outbox WHERE user_id = $1 AND resend) AS since_last,
         (SELECT ceil(extract(epoch FROM created_at + interval '24 hours' - now()))::int FROM invitation_outbox
           WHERE user_id = $1 AND created_at > now() - interval '24 hours' ORDER BY created_at DESC OFFSET $3::int - 1 LIMIT 1) AS daily`,
      [userId, INVITATION_RESEND_INTERVAL_MS, INVITATIONS_PER_DAY],
    );
    const wait = Math.max(w?.since_last ?? 0, w?.daily ?? 0);
    if (wait > 0) {
      const daily = (w?.daily ?? 0) > 0;
      throw new ApiError(
        429,
        daily ? `At most ${INVITATIONS_PER_DAY} invitations a day per user; retry in ${wait} s` : `The invitation was sent less than ${INVITATION_RESEND_INTERVAL_MS / 1000} s ago; retry in ${wait} s`,
        undefined, 'rate_limited', {'retry-after': String(wait)},
      );
    }
  }
  const subject = `${user.reseller}: you are invited to ${user.customer}`;
  const body = `Hello ${user.name},\n\n${user.reseller} invited you to ${user.customer}'s transcription workspace. Accept the invitation to sign in.\n`;
  const {rows: [sent]} = await q.query<{created_at: Date}>(
    `INSERT INTO invitation_outbox (tenant_id, customer_id, user_id, recipient, subject, body, resend) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING created_at`,
    [tenantId, customerId, userId, user.email, subject, body, resend],
  );
  return {user_id: userId, email: user.email, sent_at: iso(sent!.created_at)!};
}
