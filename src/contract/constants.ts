/**
 * The contract's plain values (option lists, limits, patterns), without zod: code that needs only
 * these imports them from here, so it does not pull the schemas (and zod) onto a page's eager path.
 * `contract.ts` builds its schemas from these and re-exports them: still one source of truth.
 */

/** The API's path on its origin: the client's default base URL and where the sandbox serves it. */
export const API_BASE_PATH = '/api/v3/reseller';

/** Page sizes of every paged list (the `per_page` values); the first is the default. */
export const PER_PAGE_OPTIONS = [25, 50, 75, 100] as const;
export const DEFAULT_PER_PAGE: (typeof PER_PAGE_OPTIONS)[number] = PER_PAGE_OPTIONS[0];

/**
 * The published plans (DESIGN.md): what the sandbox's `GET /plans` answers and what the elements
 * show when that call fails. `monthly_minutes: null` is a custom quota (Enterprise). Prices (the
 * sandbox's; the public page names none): `monthly_price` in `currency` includes `monthly_minutes`,
 * each minute above them costs `overage_per_minute`; Enterprise is priced by contract (`null`).
 */
export const PLANS = [
  {id: 'bronze', name: 'Bronze', monthly_minutes: 500, custom_models: false, priority_support: false, currency: 'EUR', monthly_price: 49, overage_per_minute: 0.12},
  {id: 'silver', name: 'Silver', monthly_minutes: 2000, custom_models: false, priority_support: false, currency: 'EUR', monthly_price: 149, overage_per_minute: 0.09},
  {id: 'gold', name: 'Gold', monthly_minutes: 10000, custom_models: true, priority_support: true, currency: 'EUR', monthly_price: 499, overage_per_minute: 0.06},
  {id: 'enterprise', name: 'Enterprise', monthly_minutes: null, custom_models: true, priority_support: true, currency: 'EUR', monthly_price: null, overage_per_minute: null},
] as const;
/** Statuses of a billing line: the current period is `open`, the last one `invoiced`, older ones `paid`. */
export const BILLING_STATUSES = ['open', 'invoiced', 'paid'] as const;
/** The plans' ids, in order (a literal of its own so eager code that needs only the ids tree-shakes `PLANS`). */
export const PLAN_IDS = ['bronze', 'silver', 'gold', 'enterprise'] as const;
type SameIds<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time check: `PLANS` and `PLAN_IDS` name the same plans. */
export const PLANS_MATCH_IDS: SameIds<(typeof PLANS)[number]['id'], (typeof PLAN_IDS)[number]> = true;
/** The plan of a new customer when none is chosen. */
export const DEFAULT_PLAN: (typeof PLAN_IDS)[number] = 'bronze';
export const CUSTOMER_STATUSES = ['active', 'inactive'] as const;
export const CUSTOMER_SORT_KEYS = ['id', 'name', 'email', 'phone', 'created_at', 'status'] as const;
/**
 * Sorting by a metadata key: `metadata.<key>` (the key as in METADATA_KEY_PATTERN), by the value's
 * text, case-insensitively; customers without the key come last in both orders.
 */
export const METADATA_SORT_PATTERN = /^metadata\.[a-z][a-z0-9_]{0,39}$/;
export const GRANULARITIES = ['day', 'week', 'month'] as const;
export const TOKEN_PERMISSIONS = ['transcripts:read', 'transcripts:write', 'usage:read', 'users:manage'] as const;
/**
 * A user's status (RESELLEE users of a customer organization). `invited` becomes `active` only when
 * the user accepts the invitation; `active` and `inactive` (shown as "Deactivated") switch both
 * ways; a user deactivated before accepting returns to `invited` when reactivated.
 */
export const USER_STATUSES = ['invited', 'active', 'inactive'] as const;
/** A user's name: at most this many characters (after trimming). */
export const USER_NAME_MAX = 200;
/** Control characters (C0, DEL, C1: line breaks, tabs, escapes) are not allowed in a user's name. */
export const CONTROL_CHARACTER = /\p{Cc}/u;
/** An invitation can be sent again this long after the last resend (ms)… */
export const INVITATION_RESEND_INTERVAL_MS = 60_000;
/** …and at most this many times in 24 hours (the first invitation counts). */
export const INVITATIONS_PER_DAY = 5;
export const TRANSCRIPT_STATUSES = ['queued', 'processing', 'done', 'failed'] as const;
export const DOCUMENT_FORMATS = ['docx', 'pdf', 'txt', 'srt', 'vtt'] as const;
export const ROLES = ['RESELLER', 'RESELLEE'] as const;

/** A report's period: a calendar month, `YYYY-MM`, in the years 1900 to 2999. */
export const REPORT_PERIOD_PATTERN = /^(19|2\d)\d\d-(0[1-9]|1[0-2])$/;
/** A quick email shape check for forms (no zod on the elements' eager path); the server's 422 has the last word. */
export const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
/** Most recipients of the monthly usage report (`PUT /reports/settings`). */
export const REPORT_RECIPIENTS_MAX = 10;
/** A report's download file name (`usage-report_2026-03.pdf`), as the server sends it and the elements save it. */
export const reportFileName = (period: string, format: 'csv' | 'pdf'): string => `usage-report_${period}.${format}`;
/** Who made a report: the month-end job, or someone's "Generate now". */
export const REPORT_TRIGGERS = ['schedule', 'manual'] as const;

/** Largest id of any resource (PostgreSQL int4): larger ids are refused (422 in a body or query, 404 in a path). */
export const ID_MAX = 2_147_483_647;

/** Calendar dates the API takes and answers: years 1900 to 2999 (`YYYY-MM-DD`). */
export const DATE_PATTERN = /^(19|2\d)\d\d-/;

/** Largest custom (Enterprise) monthly quota, in minutes. */
export const QUOTA_MAX = 10_000_000;

export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/svg+xml'] as const;

/** E.164 phone number: `+` then 8 to 15 digits. */
export const E164_PATTERN = /^\+[1-9]\d{7,14}$/;
/** `#rrggbb`. */
export const HEX_COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
/** Metadata keys: lowercase letters, digits and `_`, starting with a letter, at most 40. */
export const METADATA_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
/** Longest metadata value, in characters. */
export const METADATA_VALUE_MAX = 500;
/**
 * One `metadata` filter of `GET /customers`: `key:value` (exact match on that key's value). The key
 * follows METADATA_KEY_PATTERN, the value is 1 to METADATA_VALUE_MAX characters (it may hold `:`).
 */
export const METADATA_FILTER_PATTERN = /^[a-z][a-z0-9_]{0,39}:[\s\S]{1,500}$/u;
/** At most this many `metadata` filters in one `GET /customers` (they combine with AND). */
export const METADATA_FILTERS_MAX = 5;

/**
 * The closed list of `error.code` values the API answers with (README, "Errors"). A client must
 * still expect a code it does not know (a newer server): the kit then shows the server's `message`.
 * `client_closed_request` (499) is only logged: the client that went away never reads it.
 */
export const ERROR_CODES = [
  'bad_request', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'precondition_failed', 'payload_too_large',
  'unsupported_media_type', 'validation_failed', 'rate_limited', 'internal', 'bad_gateway', 'service_unavailable',
  'gateway_timeout', 'client_closed_request',
  // 409s of the user status machine: a resend for a user who is not invited; activating a user who has not accepted.
  'user_not_invited', 'invitation_not_accepted',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The closed list of per-field codes of a 422 (`error.field_codes`, beside the English
 * `error.fields` messages): what is wrong with the field, for a client to say in its own language.
 */
export const FIELD_ERROR_CODES = [
  'required', 'too_long', 'too_short', 'invalid', 'invalid_email', 'invalid_phone', 'email_taken', 'quota_required',
  'quota_not_allowed', 'range_reversed', 'range_too_long', 'expiry_past', 'image_empty', 'unknown_field', 'control_characters', 'invalid_cursor',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];
