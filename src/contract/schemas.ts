/**
 * The Reseller API contract: every request and response body, in one place.
 *
 * The client validates every response with these schemas, the sandbox validates every request with
 * them and shapes every response through them, and the OpenAPI document is generated from them.
 * Browser code imports zod through `zod/mini` (a fraction of the classic build's weight).
 *
 * Wire format: JSON, snake_case, ISO-8601 UTC timestamps, calendar dates as `YYYY-MM-DD`.
 */
import * as z from 'zod/mini';
import {
  BILLING_STATUSES, CUSTOMER_SORT_KEYS, CUSTOMER_STATUSES, DATE_PATTERN, DOCUMENT_FORMATS, E164_PATTERN, ERROR_CODES, FIELD_ERROR_CODES, GRANULARITIES, HEX_COLOR_PATTERN,
  ID_MAX, LOGO_TYPES, METADATA_FILTER_PATTERN, METADATA_FILTERS_MAX, METADATA_KEY_PATTERN, METADATA_SORT_PATTERN, METADATA_VALUE_MAX, PLAN_IDS, QUOTA_MAX, REPORT_PERIOD_PATTERN, REPORT_RECIPIENTS_MAX, REPORT_TRIGGERS, ROLES, TOKEN_PERMISSIONS, TRANSCRIPT_STATUSES, USER_STATUSES, USER_NAME_MAX, CONTROL_CHARACTER,
  DEFAULT_PER_PAGE, DEFAULT_PLAN, PER_PAGE_OPTIONS,
} from './constants.js';

// The plain values live in constants.ts (no zod) for code on a page's eager path; re-exported here.
export {
  CUSTOMER_SORT_KEYS, CUSTOMER_STATUSES, DOCUMENT_FORMATS, E164_PATTERN, ERROR_CODES, FIELD_ERROR_CODES, GRANULARITIES, HEX_COLOR_PATTERN,
  ID_MAX, LOGO_MAX_BYTES, LOGO_TYPES, METADATA_KEY_PATTERN, PER_PAGE_OPTIONS, PLAN_IDS, QUOTA_MAX, ROLES, TOKEN_PERMISSIONS,
  TRANSCRIPT_STATUSES, USER_STATUSES, type ErrorCode as ErrorCodeValue, type FieldErrorCode as FieldErrorCodeValue,
} from './constants.js';

// ---------------------------------------------------------------------------------------------
// Shared pieces

/** ISO-8601 UTC timestamp, e.g. `2025-01-17T10:00:00Z`. */
export const Timestamp = z.iso.datetime({offset: false});
/** A calendar date, `YYYY-MM-DD`, in the years 1900 to 2999. */
export const DateOnly = z.iso.date().check(z.regex(DATE_PATTERN, 'Enter a date between 1900-01-01 and 2999-12-31'));
/** Positive integer id, at most ID_MAX (2³¹ − 1). */
export const Id = z.int().check(z.positive('Ids are positive'), z.maximum(ID_MAX, `Ids are at most ${ID_MAX}`));
/** E.164 phone number: `+` then 8 to 15 digits. */
export const E164 = z.string().check(z.regex(E164_PATTERN, 'Enter an international phone number, e.g. +31 6 12345678'));
/** `#rrggbb` colour; the only colour form the API stores. */
export const HexColor = z.string().check(z.regex(HEX_COLOR_PATTERN, 'Enter a colour as #rrggbb'));

export const Name = z.string().check(z.trim(), z.minLength(1, 'Name is required'), z.maxLength(200, 'Name is at most 200 characters'));
export const Email = z.string().check(z.trim(), z.maxLength(254, 'Email is at most 254 characters'), z.email('Enter a valid email address'));

type PerPageOption = (typeof PER_PAGE_OPTIONS)[number];
export const PerPage = z.union(PER_PAGE_OPTIONS.map((n) => z.literal(n)) as [z.ZodMiniLiteral<PerPageOption>, ...z.ZodMiniLiteral<PerPageOption>[]]);

/** Query numbers arrive as strings; the client sends numbers. */
const queryInt = <T extends z.ZodMiniType<number>>(inner: T) =>
  z.pipe(
    z.union([z.number(), z.string().check(z.regex(/^\d+$/))]),
    z.transform((v: number | string) => Number(v)),
  ).check(z.refine((v) => inner.safeParse(v).success, 'Invalid number'));

export const Order = z.enum(['asc', 'desc']);

/** The page envelope of every list endpoint that pages: `{data, page, per_page, total}`. */
export const pageOf = <T extends z.ZodMiniType>(item: T) =>
  z.object({data: z.array(item), page: Id, per_page: PerPage, total: z.int().check(z.nonnegative())});

/** A plain list: `{data}`. */
export const listOf = <T extends z.ZodMiniType>(item: T) => z.object({data: z.array(item)});

/** Metadata: free string keys to string values (segment, industry, account_manager, ...). */
export const MetadataKey = z.string().check(z.regex(METADATA_KEY_PATTERN, 'Keys are lowercase letters, digits and _ (max 40)'));
export const Metadata = z.record(MetadataKey, z.string().check(z.maxLength(METADATA_VALUE_MAX, 'Values are at most 500 characters')));

// ---------------------------------------------------------------------------------------------
// Errors

/**
 * An error answer. `code` is one of ERROR_CODES and `field_codes` values are FIELD_ERROR_CODES (the
 * sandbox answers nothing else: SandboxErrorBody), but a client accepts any string, so a newer
 * server's code is shown through its `message` instead of failing as a schema error.
 */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** Field (dotted path) → an English message. */
    fields: z.optional(z.record(z.string(), z.string())),
    /** Field (dotted path) → what is wrong with it, as a code a client translates. */
    field_codes: z.optional(z.record(z.string(), z.string())),
  }),
});
/** The closed list of error codes (constants.ts: ERROR_CODES). */
export const ErrorCode = z.enum(ERROR_CODES);
/** The closed list of a 422's per-field codes (constants.ts: FIELD_ERROR_CODES). */
export const FieldErrorCode = z.enum(FIELD_ERROR_CODES);
/** What the sandbox answers: ErrorBody with the codes from the closed lists. */
export const SandboxErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    fields: z.optional(z.record(z.string(), z.string())),
    field_codes: z.optional(z.record(z.string(), FieldErrorCode)),
  }),
});

// ---------------------------------------------------------------------------------------------
// Plans

export const PlanId = z.enum(PLAN_IDS);
/** An Enterprise customer's monthly minutes. */
const EnterpriseQuota = z.int().check(z.positive(), z.maximum(QUOTA_MAX));
export const Plan = z.object({
  id: PlanId,
  name: z.string(),
  /** Monthly transcription minutes; `null` for Enterprise (custom, set per customer). */
  monthly_minutes: z.nullable(z.int().check(z.nonnegative())),
  custom_models: z.boolean(),
  priority_support: z.boolean(),
  /** ISO 4217 currency of the prices. */
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  /** Monthly price including `monthly_minutes`; `null`: by contract (Enterprise). */
  monthly_price: z.nullable(z.number().check(z.nonnegative())),
  /** Price of each minute above `monthly_minutes`; `null`: by contract (Enterprise). */
  overage_per_minute: z.nullable(z.number().check(z.nonnegative())),
});
export const PlanList = listOf(Plan);

// ---------------------------------------------------------------------------------------------
// Customers (public Reseller API, plus phone / metadata / updated_at and the list query)

export const CustomerStatus = z.enum(CUSTOMER_STATUSES);
export const CustomerUsageSummary = z.object({
  /** Minutes transcribed in the current billing period. */
  transcription_minutes: z.number().check(z.nonnegative()),
  quota_minutes: z.int().check(z.nonnegative()),
});
export const Customer = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  phone: z.nullable(z.string()),
  plan: PlanId,
  status: CustomerStatus,
  usage: CustomerUsageSummary,
  metadata: z.record(z.string(), z.string()),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export const CustomerPage = z.object({
  ...pageOf(Customer).shape,
  /**
   * `true` when a search or metadata filter (`q`, `metadata_q`, `metadata`) matched more than `total` (1,000) customers: the
   * count stops there; show "1,000+". Absent or `false`: `total` is exact.
   */
  total_capped: z.optional(z.boolean()),
  /** Keyset pagination: pass as `cursor` for the next / previous page (same sort, order, page size and filters); null at the end. */
  next_cursor: z.optional(z.nullable(z.string())),
  prev_cursor: z.optional(z.nullable(z.string())),
  /** The last page as the list is when it is used (Last); null when the total is capped (the end is not known). */
  last_cursor: z.optional(z.nullable(z.string())),
});

/** A column (`name`, …) or a metadata key (`metadata.region`, METADATA_SORT_PATTERN). */
export const CustomerSort = z.union([
  z.enum(CUSTOMER_SORT_KEYS),
  z.string().check(z.regex(METADATA_SORT_PATTERN, 'Sort by a column or by metadata.<key> (key: lowercase letters, digits and _, max 40)')),
]);
export const CustomerListQuery = z.object({
  page: z._default(queryInt(Id), 1),
  per_page: z._default(queryInt(PerPage), DEFAULT_PER_PAGE),
  status: z.optional(CustomerStatus),
  sort: z._default(CustomerSort, 'id'),
  order: z._default(Order, 'asc'),
  /** Case-insensitive search over name and email. */
  q: z.optional(z.string().check(z.maxLength(200))),
  /**
   * Metadata filters, repeated (`?metadata=region:benelux&metadata=tier:gold`), at most 5, all must
   * match: `key:value` keeps the customers whose metadata has exactly that value under that key.
   */
  metadata: z.optional(z.array(
    z.string().check(z.regex(METADATA_FILTER_PATTERN, 'Write a filter as key:value (key: lowercase letters, digits and _, max 40; value: 1 to 500 characters)')),
  ).check(z.maxLength(METADATA_FILTERS_MAX, `At most ${METADATA_FILTERS_MAX} metadata filters`))),
  /** Case-insensitive search within every metadata value. */
  metadata_q: z.optional(z.string().check(z.maxLength(200))),
  /**
   * A `next_cursor`, `prev_cursor` or `last_cursor` from a page of this list (same sort, including
   * `metadata.<key>`, order, per_page and filters): that page, read through the sort's index (deep
   * pages cost what page 1 does). Wins over `page`. A changed, garbled or foreign cursor (another
   * tenant, sort, order, page size or filter, or from before a sandbox restart): 422 `invalid_cursor`.
   */
  cursor: z.optional(z.string().check(
    z.minLength(1, 'Pass a next_cursor, prev_cursor or last_cursor as returned, or leave cursor out'),
    z.maxLength(2000, 'A cursor is at most 2000 characters: pass one as returned'),
  )),
});

export const CustomerCreate = z.object({
  name: Name,
  email: Email,
  phone: z.optional(z.nullable(E164)),
  plan: z._default(PlanId, DEFAULT_PLAN),
  /** Required for (and only for) the Enterprise plan. */
  quota_minutes: z.optional(EnterpriseQuota),
  metadata: z.optional(Metadata),
});
/** PATCH body: any subset; `If-Match` carries the customer's ETag. */
export const CustomerUpdate = z.object({
  name: z.optional(Name),
  email: z.optional(Email),
  phone: z.optional(z.nullable(E164)),
  status: z.optional(CustomerStatus),
  metadata: z.optional(Metadata),
  /** Changes the plan with the same rules as `PUT /customers/{id}/subscription`. */
  plan: z.optional(PlanId),
  /** Enterprise quota; required when `plan` is `enterprise`, ignored for the other plans. */
  quota_minutes: z.optional(EnterpriseQuota),
});

// ---------------------------------------------------------------------------------------------
// Usage

export const Granularity = z.enum(GRANULARITIES);
/** One calendar day (UTC) of usage. */
export const UsagePoint = z.object({
  date: DateOnly,
  audio_minutes: z.number().check(z.nonnegative()),
  transcriptions: z.int().check(z.nonnegative()),
});
export const UsageQuery = z.object({
  from: z.optional(DateOnly),
  to: z.optional(DateOnly),
});
export const BillingPeriod = z.object({start: DateOnly, end: DateOnly});
/** One billing period of a customer: its plan, the minutes transcribed, the amount and its status. */
export const BillingLine = z.object({
  period: BillingPeriod,
  plan: PlanId,
  /** Minutes transcribed in the period (the Usage tab's figure; one decimal). */
  minutes: z.number().check(z.nonnegative()),
  /** Monthly price + overage minutes × rate, in `currency`, to the cent; `null`: by contract (Enterprise). */
  amount: z.nullable(z.number().check(z.nonnegative())),
  status: z.enum(BILLING_STATUSES),
});
/** `GET /customers/{id}/billing`: the current period so far and up to 12 past periods, newest first. */
export const Billing = z.object({
  customer_id: Id,
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  current: BillingLine,
  history: z.array(BillingLine),
});
/** `GET /customers/{id}/usage`: daily usage over [from, to] and the current billing period. */
export const CustomerUsage = z.object({
  customer_id: Id,
  plan: PlanId,
  from: DateOnly,
  to: DateOnly,
  billing_period: BillingPeriod,
  transcription_minutes: z.number().check(z.nonnegative()),
  quota_minutes: z.int().check(z.nonnegative()),
  /** transcription_minutes / quota_minutes * 100, one decimal. */
  usage_percent: z.number().check(z.nonnegative()),
  /** One point per day in [from, to], zeros included. */
  daily: z.array(UsagePoint),
});
export const CustomerUsageRow = z.object({
  customer_id: Id,
  name: z.string(),
  plan: PlanId,
  status: CustomerStatus,
  audio_minutes: z.number().check(z.nonnegative()),
  transcriptions: z.int().check(z.nonnegative()),
  transcription_minutes: z.number().check(z.nonnegative()),
  quota_minutes: z.int().check(z.nonnegative()),
  usage_percent: z.number().check(z.nonnegative()),
});
/** `GET /usage`: reseller-wide usage over [from, to]. */
export const AggregateUsage = z.object({
  from: DateOnly,
  to: DateOnly,
  totals: z.object({
    audio_minutes: z.number().check(z.nonnegative()),
    transcriptions: z.int().check(z.nonnegative()),
    customers: z.int().check(z.nonnegative()),
    active_customers: z.int().check(z.nonnegative()),
  }),
  daily: z.array(UsagePoint),
  /** Every customer with its usage in the range and its current-period quota use, by audio_minutes desc. */
  customers: z.array(CustomerUsageRow),
});
export const UsageExportQuery = z.object({
  from: z.optional(DateOnly),
  to: z.optional(DateOnly),
  granularity: z._default(Granularity, 'day'),
  customer_id: z.optional(queryInt(Id)),
});

// ---------------------------------------------------------------------------------------------
// Subscription

export const Subscription = z.object({
  customer_id: Id,
  plan: PlanId,
  quota_minutes: z.int().check(z.nonnegative()),
  custom_models: z.boolean(),
  priority_support: z.boolean(),
  billing_period: BillingPeriod,
  transcription_minutes: z.number().check(z.nonnegative()),
  usage_percent: z.number().check(z.nonnegative()),
});
export const SubscriptionUpdate = z.object({
  plan: PlanId,
  /** Required for Enterprise, ignored otherwise. */
  quota_minutes: z.optional(EnterpriseQuota),
});

// ---------------------------------------------------------------------------------------------
// Tokens

export const TokenPermission = z.enum(TOKEN_PERMISSIONS);
export const Token = z.object({
  id: Id,
  customer_id: Id,
  name: z.string(),
  /** The first characters of the secret, to recognise it (e.g. `sk_live_a1b2`). */
  prefix: z.string(),
  permissions: z.array(TokenPermission),
  created_at: Timestamp,
  expires_at: z.nullable(Timestamp),
  last_used_at: z.nullable(Timestamp),
});
export const TokenList = listOf(Token);
export const TokenCreate = z.object({
  customer_id: Id,
  name: z.string().check(z.trim(), z.minLength(1, 'Name is required'), z.maxLength(100, 'Name is at most 100 characters')),
  permissions: z.array(TokenPermission).check(z.minLength(1, 'Choose at least one permission')),
  expires_at: z.optional(z.nullable(Timestamp)),
});
/** `PATCH /tokens/{id}`: a token's permissions after creation (the whole new set). */
export const TokenUpdate = z.object({
  permissions: z.array(TokenPermission).check(z.minLength(1, 'Choose at least one permission')),
});
/** `POST /tokens` answers the token once with its secret; it is never shown again. */
export const TokenCreated = z.extend(Token, {secret: z.string()});

// ---------------------------------------------------------------------------------------------
// Users (RESELLEE users of a customer organization)

export const UserStatus = z.enum(USER_STATUSES);
export const User = z.object({
  id: Id,
  customer_id: Id,
  name: z.string(),
  email: z.string(),
  role: z.literal('RESELLEE'),
  status: UserStatus,
  created_at: Timestamp,
  last_login_at: z.nullable(Timestamp),
});
export const UserList = listOf(User);
/** A user's name, at invite and edit: trimmed, 1–200 characters, no control characters (line breaks, tabs, escapes). */
export const UserName = z.string().check(
  z.trim(),
  z.minLength(1, 'Name is required'),
  z.maxLength(USER_NAME_MAX, `Name is at most ${USER_NAME_MAX} characters`),
  z.refine((v) => !CONTROL_CHARACTER.test(v), {message: 'Name must not contain control characters (line breaks, tabs)', params: {code: 'control_characters'}}),
);
export const UserInvite = z.object({name: UserName, email: Email});
/**
 * PATCH body: `name`, `status` or both. `status: 'active'` reactivates a deactivated user (back to
 * `invited` when they never accepted their invitation); an invited user becomes active only by
 * accepting (409 `invitation_not_accepted`).
 */
export const UserUpdate = z.object({name: z.optional(UserName), status: z.optional(z.enum(['active', 'inactive']))}).check(
  z.refine((v) => v.status !== undefined || v.name !== undefined, {message: 'Send name or status', path: ['name'], params: {code: 'required'}}),
);
// The OpenAPI document says so too: at least one of them.
z.globalRegistry.add(UserUpdate, {minProperties: 1});
/** `POST /customers/{id}/users/{userId}/invitation` answers what was sent (the sandbox records it in its outbox). */
export const Invitation = z.object({user_id: Id, email: z.string(), sent_at: Timestamp});

// ---------------------------------------------------------------------------------------------
// Transcripts and documents

export const TranscriptStatus = z.enum(TRANSCRIPT_STATUSES);
export const Transcript = z.object({
  id: Id,
  customer_id: Id,
  customer_name: z.string(),
  title: z.string(),
  language: z.string(),
  status: TranscriptStatus,
  duration_seconds: z.int().check(z.nonnegative()),
  created_at: Timestamp,
  completed_at: z.nullable(Timestamp),
});
export const TranscriptPage = pageOf(Transcript);

// ---------------------------------------------------------------------------------------------
// Live events (`GET /events`: Server-Sent Events, or JSON for polling)

/** An event id: a decimal counter per reseller, increasing; compare them as numbers. */
export const EventId = z.string().check(z.regex(/^\d{1,15}$/, 'An event id is a decimal number'));
/** A customer's usage after a change: that UTC day's figures and the current period's. */
export const UsageChange = z.object({
  customer_id: Id,
  day: DateOnly,
  audio_minutes: z.number().check(z.nonnegative()),
  transcriptions: z.int().check(z.nonnegative()),
  /** The customer's `usage.transcription_minutes` for the current billing period. */
  period_minutes: z.number().check(z.nonnegative()),
  quota_minutes: z.int().check(z.nonnegative()),
});
export const LIVE_EVENT_TYPES = ['usage', 'transcript', 'reset'] as const;
/**
 * One event: `usage` carries `usage`, `transcript` the transcript as `GET /transcripts` lists it,
 * `reset` neither (the events since the client's last id are gone: read everything again).
 */
export const LiveEvent = z.object({
  id: EventId,
  type: z.enum(LIVE_EVENT_TYPES),
  usage: z.nullable(UsageChange),
  transcript: z.nullable(Transcript),
});
/** `GET /events?after=` as JSON: the events after `after`, oldest first, and the id to ask after next. */
export const EventPage = z.object({
  data: z.array(LiveEvent),
  last_id: EventId,
  /** True when `after` is older than the events kept (or unknown): read everything again. */
  reset: z.boolean(),
});
export const EventQuery = z.object({
  /** The last event id seen; without it the answer is empty and `last_id` is where to start. */
  after: z.optional(EventId),
});
export const TranscriptListQuery = z.object({
  page: z._default(queryInt(Id), 1),
  per_page: z._default(queryInt(PerPage), DEFAULT_PER_PAGE),
  customer_id: z.optional(queryInt(Id)),
  status: z.optional(TranscriptStatus),
  q: z.optional(z.string().check(z.maxLength(200))),
  order: z._default(Order, 'desc'),
  /** Kit extension: only transcripts created on or after this UTC day. */
  from: z.optional(DateOnly),
  /** Kit extension: only transcripts created on or before this UTC day. */
  to: z.optional(DateOnly),
});

export const DocumentFormat = z.enum(DOCUMENT_FORMATS);
export const TranscriptDocument = z.object({
  id: Id,
  transcript_id: Id,
  customer_id: Id,
  customer_name: z.string(),
  filename: z.string(),
  format: DocumentFormat,
  size_bytes: z.int().check(z.nonnegative()),
  created_at: Timestamp,
  /** Path of `GET /transcripts/documents/{id}/download`, relative to the API base. */
  download_path: z.string(),
});
export const DocumentPage = pageOf(TranscriptDocument);
export const DocumentListQuery = z.object({
  page: z._default(queryInt(Id), 1),
  per_page: z._default(queryInt(PerPage), DEFAULT_PER_PAGE),
  customer_id: z.optional(queryInt(Id)),
  transcript_id: z.optional(queryInt(Id)),
  format: z.optional(DocumentFormat),
});

/** One timed piece of a transcript: who spoke, when (ms from the start), what, how sure. */
export const TranscriptSegment = z.object({
  /** Position in the transcript, from 0. */
  index: z.int().check(z.nonnegative()),
  start_ms: z.int().check(z.nonnegative()),
  end_ms: z.int().check(z.nonnegative()),
  speaker: z.string(),
  text: z.string(),
  /** The recogniser's confidence, 0 to 1. */
  confidence: z.number().check(z.gte(0), z.lte(1)),
});
/**
 * Kit extension: `GET /transcripts/{id}/content`, one page of a transcript's segments. `total` counts
 * every segment; `next_cursor` (opaque) asks for the next page, `null` after the last. A transcript
 * that is not `done` has no segments yet.
 */
export const TranscriptContent = z.object({
  transcript_id: Id,
  customer_id: Id,
  title: z.string(),
  /** BCP 47 tag of the spoken language, e.g. `ar-AE`. */
  language: z.string(),
  /** Writing direction of the language (a segment may still mix directions: render with `dir="auto"`). */
  direction: z.enum(['ltr', 'rtl']),
  status: TranscriptStatus,
  duration_ms: z.int().check(z.nonnegative()),
  total: z.int().check(z.nonnegative()),
  segments: z.array(TranscriptSegment),
  next_cursor: z.nullable(z.string()),
});
export const TranscriptContentQuery = z.object({
  /** `next_cursor` of the previous page; the first page without it. */
  cursor: z.optional(z.string().check(z.regex(/^\d{1,7}$/, 'Use the next_cursor of the previous page'))),
  /** Segments per page, 1 to 2,000. */
  limit: z._default(queryInt(z.int().check(z.minimum(1), z.maximum(2000))), 500),
});

// ---------------------------------------------------------------------------------------------
// Branding

export const Branding = z.object({
  brand_color: z.nullable(HexColor),
  /** An absolute path that serves the logo without credentials (content-addressed, so cacheable), or null. */
  logo_url: z.nullable(z.string()),
  logo_content_type: z.nullable(z.enum(LOGO_TYPES)),
  updated_at: Timestamp,
});
export const BrandingUpdate = z.object({brand_color: z.nullable(HexColor)});

// ---------------------------------------------------------------------------------------------
// Me

export const Role = z.enum(ROLES);
export const Me = z.object({
  organization: z.object({id: Id, name: z.string()}),
  role: Role,
  user: z.object({name: z.string(), email: z.string()}),
});

// ---------------------------------------------------------------------------------------------
// Monthly usage reports

/** A calendar month, `YYYY-MM`. */
export const ReportPeriod = z.string().check(z.regex(REPORT_PERIOD_PATTERN, 'Enter a month as YYYY-MM'));
const Minutes = z.number().check(z.nonnegative());
const Count = z.int().check(z.nonnegative());
/** A report's totals over all its lines. */
export const ReportTotals = z.object({
  customers: Count,
  active_customers: Count,
  audio_minutes: Minutes,
  transcriptions: Count,
  /** Sum of the customers' monthly quotas (an Enterprise customer's custom quota). */
  quota_minutes: Count,
  /** Minutes used above quota, summed over the customers that went over. */
  overage_minutes: Minutes,
});
/** Per plan: how many customers, their quota, use and overage in the period. */
export const ReportPlanLine = z.object({
  plan: PlanId,
  customers: Count,
  quota_minutes: Count,
  audio_minutes: Minutes,
  transcriptions: Count,
  overage_minutes: Minutes,
});
/** One customer's line: its plan when the report was made, its use of the period and the quota. */
export const ReportLine = z.object({
  customer_id: Id,
  name: z.string(),
  plan: PlanId,
  status: CustomerStatus,
  audio_minutes: Minutes,
  transcriptions: Count,
  quota_minutes: Count,
  /** audio_minutes / quota_minutes * 100, one decimal (0 without a quota). */
  usage_percent: Minutes,
  overage_minutes: Minutes,
});
export const ReportTrigger = z.enum(REPORT_TRIGGERS);
/** A report in the list: its period, totals and when it was made. */
export const ReportSummary = z.object({
  id: Id,
  period: ReportPeriod,
  /** First and last day covered (the last is the generation day for the month in progress). */
  from: DateOnly,
  to: DateOnly,
  /** False for the month in progress (made by "Generate now"); the month-end job completes it. */
  complete: z.boolean(),
  trigger: ReportTrigger,
  generated_at: Timestamp,
  totals: ReportTotals,
});
/** `GET /reports/{id}`: the summary plus one line per plan and per customer (by audio_minutes desc). */
export const Report = z.extend(ReportSummary, {plans: z.array(ReportPlanLine), lines: z.array(ReportLine)});
export const ReportPage = pageOf(ReportSummary);
export const ReportListQuery = z.object({
  page: z._default(queryInt(Id), 1),
  per_page: z._default(queryInt(PerPage), DEFAULT_PER_PAGE),
});
/** `POST /reports`: the month (default: the current one). */
export const ReportGenerate = z.object({period: z.optional(ReportPeriod)});
export const ReportRecipients = z.array(Email).check(z.maxLength(REPORT_RECIPIENTS_MAX, `At most ${REPORT_RECIPIENTS_MAX} recipients`));
/** `GET/PUT /reports/settings`: whether the month-end job runs for the reseller, and who gets the report. */
export const ReportSettings = z.object({
  enabled: z.boolean(),
  /** As stored (checked and trimmed on the way in). */
  recipients: z.array(z.string()),
  updated_at: z.nullable(Timestamp),
});
export const ReportSettingsUpdate = z.object({enabled: z.boolean(), recipients: ReportRecipients});

// ---------------------------------------------------------------------------------------------
// Types

export type Plan = z.infer<typeof Plan>;
export type PlanId = z.infer<typeof PlanId>;
export type Customer = z.infer<typeof Customer>;
export type CustomerStatus = z.infer<typeof CustomerStatus>;
export type CustomerPage = z.infer<typeof CustomerPage>;
export type CustomerSort = (typeof CUSTOMER_SORT_KEYS)[number] | `metadata.${string}`;
export type CustomerListQuery = z.input<typeof CustomerListQuery>;
export type CustomerCreate = z.input<typeof CustomerCreate>;
export type CustomerUpdate = z.input<typeof CustomerUpdate>;
export type Order = z.infer<typeof Order>;
export type PerPage = z.infer<typeof PerPage>;
export type Granularity = z.infer<typeof Granularity>;
export type UsagePoint = z.infer<typeof UsagePoint>;
export type UsageQuery = z.infer<typeof UsageQuery>;
export type CustomerUsage = z.infer<typeof CustomerUsage>;
export type CustomerUsageRow = z.infer<typeof CustomerUsageRow>;
export type AggregateUsage = z.infer<typeof AggregateUsage>;
export type UsageExportQuery = z.input<typeof UsageExportQuery>;
export type Subscription = z.infer<typeof Subscription>;
export type Billing = z.infer<typeof Billing>;
export type BillingLine = z.infer<typeof BillingLine>;
export type SubscriptionUpdate = z.infer<typeof SubscriptionUpdate>;
export type TokenPermission = z.infer<typeof TokenPermission>;
export type Token = z.infer<typeof Token>;
export type TokenCreate = z.input<typeof TokenCreate>;
export type TokenCreated = z.infer<typeof TokenCreated>;
export type TokenUpdate = z.infer<typeof TokenUpdate>;
export type User = z.infer<typeof User>;
export type UserStatus = z.infer<typeof UserStatus>;
export type UserInvite = z.infer<typeof UserInvite>;
export type UserUpdate = z.infer<typeof UserUpdate>;
export type Invitation = z.infer<typeof Invitation>;
export type Transcript = z.infer<typeof Transcript>;
export type TranscriptStatus = z.infer<typeof TranscriptStatus>;
export type TranscriptPage = z.infer<typeof TranscriptPage>;
export type TranscriptListQuery = z.input<typeof TranscriptListQuery>;
export type TranscriptDocument = z.infer<typeof TranscriptDocument>;
export type DocumentPage = z.infer<typeof DocumentPage>;
export type DocumentListQuery = z.input<typeof DocumentListQuery>;
export type TranscriptSegment = z.infer<typeof TranscriptSegment>;
export type TranscriptContent = z.infer<typeof TranscriptContent>;
export type TranscriptContentQuery = z.input<typeof TranscriptContentQuery>;
export type UsageChange = z.infer<typeof UsageChange>;
export type LiveEvent = z.infer<typeof LiveEvent>;
export type LiveEventType = z.infer<typeof LiveEvent>['type'];
export type EventPage = z.infer<typeof EventPage>;
export type EventQuery = z.input<typeof EventQuery>;
export type Branding = z.infer<typeof Branding>;
export type BrandingUpdate = z.infer<typeof BrandingUpdate>;
export type Me = z.infer<typeof Me>;
export type Role = z.infer<typeof Role>;
export type ErrorBody = z.infer<typeof ErrorBody>;
export type ReportSummary = z.infer<typeof ReportSummary>;
export type Report = z.infer<typeof Report>;
export type ReportLine = z.infer<typeof ReportLine>;
export type ReportPage = z.infer<typeof ReportPage>;
export type ReportListQuery = z.input<typeof ReportListQuery>;
export type ReportGenerate = z.infer<typeof ReportGenerate>;
export type ReportSettings = z.infer<typeof ReportSettings>;
export type ReportSettingsUpdate = z.infer<typeof ReportSettingsUpdate>;
