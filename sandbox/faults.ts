/** Fault injection and the request log: per-tenant, in memory (a development tool). */
import * as z from 'zod/mini';
import {globMatch} from './glob.js';
import {sha256Hex} from './tokens.js';

export const FaultRule = z.object({
  method: z.optional(z.string().check(z.maxLength(10))),
  path: z.optional(z.string().check(z.maxLength(300))),
  status: z.optional(z.int().check(z.minimum(100), z.maximum(599))),
  body: z.optional(z.enum(['malformed', 'invalid'])),
  /** Answer with exactly this text as an application/json body (status 200 unless `status` is given). */
  body_raw: z.optional(z.string().check(z.maxLength(60_000))),
  delay_ms: z.optional(z.int().check(z.nonnegative(), z.maximum(120_000))),
  /** Runs one database statement lasting this long (pg_sleep) in the request: a slow query, held to the statement timeout. */
  statement_ms: z.optional(z.int().check(z.positive(), z.maximum(60_000))),
  drop: z.optional(z.boolean()),
  retry_after: z.optional(z.int().check(z.nonnegative())),
  times: z.optional(z.int().check(z.positive())),
  /** With `status`: the error body's message (default "Injected fault"). */
  message: z.optional(z.string().check(z.maxLength(10_000))),
  /** With `status` (422): the error body's field messages. */
  fields: z.optional(z.record(z.string().check(z.maxLength(200)), z.string().check(z.maxLength(10_000)))),
});
export type FaultRule = z.infer<typeof FaultRule>;
export const FaultRules = z.object({rules: z.array(FaultRule).check(z.maxLength(100))});

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  /** `sha256:` and the first 16 hex digits of the key's SHA-256: equal keys compare equal, the key itself is never kept. */
  idempotency_key: string | null;
  if_match: string | null;
  status: number;
  at: string;
  /** The client went away before the answer was sent (recorded with status 499). */
  aborted: boolean;
  /** An audited change (token permissions): who made it and what changed; null for other requests. */
  audit?: AuditEntry | null;
}

export interface AuditEntry {
  /** The credential that made the change: its id and display prefix (never the secret). */
  actor: {token_id: number; prefix: string; role: 'RESELLER' | 'RESELLEE'};
  /** What was changed, e.g. `token 12`. */
  target: string;
  changes: Record<string, {from: unknown; to: unknown}>;
}

const LOG_LIMIT = 1000;

/** How the request log shows an Idempotency-Key (never in clear: it is the capability to replay an answer). */
export const redactIdempotencyKey = (key: string | undefined): string | null => (key === undefined ? null : `sha256:${sha256Hex(key).slice(0, 16)}`);

export class SandboxState {
  #faults = new Map<number, FaultRule[]>();
  #log = new Map<number, RecordedRequest[]>();

  setFaults(tenantId: number, rules: FaultRule[]): void {
    this.#faults.set(tenantId, rules.map((r) => ({...r})));
  }

  clearFaults(tenantId: number): void {
    this.#faults.delete(tenantId);
  }

  /** The first rule matching the request (a header rule wins); consumes one of its `times`. */
  takeFault(tenantId: number | null, method: string, path: string, headerRule: FaultRule | null): FaultRule | null {
    if (headerRule) return matches(headerRule, method, path) ? headerRule : null;
    if (tenantId === null) return null;
    const rules = this.#faults.get(tenantId);
    if (!rules) return null;
    const index = rules.findIndex((r) => matches(r, method, path));
    if (index < 0) return null;
    const rule = rules[index]!;
    if (rule.times !== undefined) {
      rule.times -= 1;
      if (rule.times <= 0) rules.splice(index, 1);
    }
    return {...rule};
  }

  record(tenantId: number, entry: RecordedRequest): void {
    let log = this.#log.get(tenantId);
    if (!log) this.#log.set(tenantId, (log = []));
    log.push(entry);
    if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT);
  }

  requests(tenantId: number): RecordedRequest[] {
    return this.#log.get(tenantId) ?? [];
  }

  clearRequests(tenantId: number): void {
    this.#log.delete(tenantId);
  }
}

function matches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method) return false;
  return rule.path === undefined || globMatch(rule.path, path);
}

/** The response a fault asks for (null when it only adds latency). */
export function faultResponse(rule: FaultRule, errorJson: (status: number) => unknown): Response | null {
  if (rule.status === undefined && rule.body === undefined && rule.body_raw === undefined) return null;
  const status = rule.status ?? 200;
  const headers: Record<string, string> = {'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-sandbox-faulted': '1'};
  if (rule.retry_after !== undefined) headers['retry-after'] = String(rule.retry_after);
  let body: string;
  if (rule.body_raw !== undefined) body = rule.body_raw;
  else if (rule.body === 'malformed') body = '{"data": [{"id": 1, "name": "trunc';
  else if (rule.body === 'invalid') body = JSON.stringify({id: 'not-a-number', data: 'not-a-list', error: 42, unexpected: true});
  else body = JSON.stringify(errorJson(status));
  return new Response(status === 204 || status === 304 ? null : body, {status, headers});
}
