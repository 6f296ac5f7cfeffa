/**
 * Sessions follow their users: deactivating a user ends that user's sessions, deactivating a
 * customer ends every session and API token of that customer (its users' RESELLEE sessions, also
 * ones minted through the control API, and its `sk_live_` tokens). Deleting a user or a customer
 * removes its tokens by `ON DELETE CASCADE`. Either way the change is a data-changing request, so
 * the session cache (context.ts) is emptied before its answer is sent: the next request with such
 * a token is refused.
 */
import type {Queryable} from './db.js';

export async function endSessions(q: Queryable, tenantId: number, of: {customerId: number} | {userId: number}): Promise<void> {
  if ('userId' in of) {
    await q.query(`UPDATE tokens SET revoked_at = now() WHERE tenant_id = $1 AND user_id = $2 AND revoked_at IS NULL`, [tenantId, of.userId]);
  } else {
    await q.query(`UPDATE tokens SET revoked_at = now() WHERE tenant_id = $1 AND customer_id = $2 AND revoked_at IS NULL`, [tenantId, of.customerId]);
  }
}
