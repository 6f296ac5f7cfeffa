/** Bearer secrets: random, prefixed, stored only as SHA-256 hex. */
import {createHash, randomBytes} from 'node:crypto';

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** A new secret: `<prefix><32 random bytes, base64url>`. */
export const newSecret = (prefix: string): string => prefix + randomBytes(32).toString('base64url');

/** What the token list shows: the prefix and the first 4 characters after it. */
export const displayPrefix = (secret: string, prefix: string): string => secret.slice(0, prefix.length + 4);

export const RESELLER_PREFIX = 'rs_live_';
export const RESELLEE_PREFIX = 'rs_user_';
export const CUSTOMER_PREFIX = 'sk_live_';

/** Fixed development tokens of the two seeded tenants (documented; printed by `npm run sandbox`). */
export const DEV_TOKENS = {
  resellerA: 'rs_dev_reseller_a',
  resellerB: 'rs_dev_reseller_b',
  resellee: 'rs_dev_resellee',
} as const;
