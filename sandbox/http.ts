/** Errors in the contract's shape, body reading with byte limits, validation to 422. */
import * as z from 'zod/mini';
import {FIELD_ERROR_CODES, SandboxErrorBody, type ErrorCodeValue, type FieldErrorCodeValue} from '../src/contract/schemas.js';

export const JSON_LIMIT = 64 * 1024;

const DEFAULT_CODES: Record<number, ErrorCodeValue> = {
  400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict',
  412: 'precondition_failed', 413: 'payload_too_large', 415: 'unsupported_media_type', 422: 'validation_failed',
  429: 'rate_limited', 500: 'internal', 502: 'bad_gateway', 503: 'service_unavailable', 504: 'gateway_timeout',
};
const DEFAULT_MESSAGES: Partial<Record<ErrorCodeValue, string>> = {
  bad_request: 'Bad request', unauthorized: 'A valid bearer token is required', forbidden: 'Reseller access required',
  not_found: 'Not found', conflict: 'Conflict', precondition_failed: 'The resource changed since it was read (If-Match does not match)',
  payload_too_large: 'The request body is too large', unsupported_media_type: 'Unsupported content type',
  validation_failed: 'Some fields are invalid', rate_limited: 'Too many requests', internal: 'Internal error',
  bad_gateway: 'Bad gateway', service_unavailable: 'Service unavailable', gateway_timeout: 'Gateway timeout',
};

export const codeFor = (status: number): ErrorCodeValue => DEFAULT_CODES[status] ?? (status >= 500 ? 'internal' : 'bad_request');

/** A field's problem: its code (FIELD_ERROR_CODES, for a client to translate) and an English message. */
export interface FieldProblem {
  code: FieldErrorCodeValue;
  message: string;
}
/** Field (dotted path) → its problem; a bare message (an injected fault's `fields`) has no code. */
export type FieldProblems = Record<string, FieldProblem | string>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message?: string,
    /** Field → its problem; `errorBody()` turns them into `error.fields` and `error.field_codes`. */
    readonly fields?: FieldProblems,
    readonly code: ErrorCodeValue = codeFor(status),
    /** Extra response headers (e.g. Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message ?? DEFAULT_MESSAGES[codeFor(status)] ?? 'Error');
  }
}

function splitFields(problems: FieldProblems): {fields: Record<string, string>; fieldCodes?: Record<string, FieldErrorCodeValue>} {
  // Prototype-less maps: a refused `__proto__` field is an own key like any other.
  const fields: Record<string, string> = Object.create(null);
  const codes: Record<string, FieldErrorCodeValue> = Object.create(null);
  for (const [path, problem] of Object.entries(problems)) {
    if (typeof problem === 'string') fields[path] = problem;
    else {
      fields[path] = problem.message;
      codes[path] = problem.code;
    }
  }
  return Object.keys(codes).length ? {fields, fieldCodes: codes} : {fields};
}

/** An error body in the contract's shape, its codes from the closed lists (SandboxErrorBody). */
export function errorBody(status: number, message?: string, fields?: FieldProblems, code: ErrorCodeValue = codeFor(status)): z.output<typeof SandboxErrorBody> {
  const split = fields ? splitFields(fields) : null;
  const body: z.output<typeof SandboxErrorBody> = {
    error: {
      code,
      message: message ?? DEFAULT_MESSAGES[code] ?? 'Error',
      ...(split ? {fields: split.fields} : {}),
      ...(split?.fieldCodes ? {field_codes: split.fieldCodes} : {}),
    },
  };
  // Checked against the schema but sent as built: the schema's record copy would drop a `__proto__` field.
  SandboxErrorBody.parse(body);
  return body;
}

/**
 * `Cache-Control` of every answer built from tenant data or credentials (JSON bodies, errors, 204s,
 * downloads): set where the response is built, never on `c.res` after `next()` (that left answers
 * hanging under @hono/node-server).
 */
export const NO_STORE = {'cache-control': 'no-store'} as const;

export function errorResponse(err: ApiError, headers: Record<string, string> = {}): Response {
  return Response.json(errorBody(err.status, err.message, err.fields, err.code), {status: err.status, headers: {...NO_STORE, ...err.headers, ...headers}});
}

/** Past the limit, up to this many bytes are still read (and discarded) so the client sees the 413. */
const DRAIN_CAP = 16 * 1024 * 1024;

/**
 * Reads the body up to `limit` bytes, counting while reading (so chunked bodies without
 * Content-Length are limited too); past the limit nothing more is kept and the answer is 413.
 * The rest of a moderately oversized body is drained first: a server that answers while the
 * client is still sending resets the connection, and the browser would see a network error.
 */
export async function readLimited(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () => new ApiError(413, `The body is larger than ${limit} bytes`);
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > DRAIN_CAP) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > DRAIN_CAP) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    if (size <= limit) chunks.push(value);
  }
  if (size > limit) throw tooLarge();
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

export const mediaType = (request: Request): string =>
  (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Text PostgreSQL can store: no NUL character, no lone UTF-16 surrogate. */
export const storableText = (text: string): boolean => !text.includes('\u0000') && !LONE_SURROGATE.test(text);

/**
 * Refuses at the edge what PostgreSQL or a plain object cannot hold: NUL characters and lone UTF-16
 * surrogates in any string (or key), and `__proto__` / `constructor` / `prototype` keys: 422 with
 * the field's path, never a 500 or a silently emptied object.
 */
export function assertStorable(value: unknown, path = ''): void {
  const bad = (at: string, message: string) => new ApiError(422, 'Some fields are invalid', {[at || '_']: {code: 'invalid', message}});
  if (typeof value === 'string') {
    if (!storableText(value)) throw bad(path, 'Text must not contain NUL characters or lone surrogates');
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => assertStorable(v, path ? `${path}.${i}` : String(i)));
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const at = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) throw bad(at, `"${key}" is not allowed as a key`);
      assertStorable(key, at);
      assertStorable((value as Record<string, unknown>)[key], at);
    }
  }
}

/** Parses a JSON body; wrong Content-Type → 415, bad JSON → 400, unstorable text or keys → 422. */
export function parseJson(request: Request, bytes: Uint8Array): unknown {
  const type = mediaType(request);
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw new ApiError(415, 'Send the body as application/json');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(bytes));
  } catch {
    throw new ApiError(400, 'The body is not valid JSON');
  }
  // Not fault rules: they stay in memory, and their texts (body_raw) are meant to be anything.
  if (new URL(request.url).pathname !== '/__sandbox/faults') assertStorable(parsed);
  return parsed;
}

/** Turns zod issues into `{field: {code, message}}` (the first issue per dotted path). */
export function issuesToFields(error: z.core.$ZodError, input?: unknown): Record<string, FieldProblem> {
  const fields: Record<string, FieldProblem> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_';
    if (key in fields) continue;
    let message = issue.message;
    const absent = issue.code === 'invalid_type' && (/received undefined/.test(message) || valueAt(input, issue.path) === undefined);
    if (absent) message = 'This field is required';
    else if (issue.code === 'unrecognized_keys') message = `Unknown field: ${issue.keys.join(', ')}`;
    fields[key] = {code: absent ? 'required' : fieldCodeOf(issue, key), message};
  }
  return fields;
}

/** The value at a zod issue's path in the input (undefined when any step is missing). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[step];
  }
  return value;
}

/** The FIELD_ERROR_CODES value of a zod issue. */
function fieldCodeOf(issue: z.core.$ZodIssue, path: string): FieldErrorCodeValue {
  switch (issue.code) {
    case 'invalid_type':
      return 'invalid';
    case 'too_big':
      // A number past its maximum (an id ≥ 2³¹, a quota) is not "too long".
      return issue.origin === 'number' || issue.origin === 'int' ? 'invalid' : 'too_long';
    case 'too_small':
      // A required text sent empty (min 1) is "required" to a person; a number below its minimum is "invalid".
      if (issue.origin === 'number' || issue.origin === 'int') return 'invalid';
      return issue.origin === 'string' && Number(issue.minimum) <= 1 ? 'required' : 'too_short';
    case 'invalid_format':
      if (issue.format === 'email') return 'invalid_email';
      return /(^|\.)phone$/.test(path) ? 'invalid_phone' : 'invalid';
    case 'unrecognized_keys':
      return 'unknown_field';
    case 'custom': {
      // A contract refinement names its code in `params.code` (UserName: `control_characters`).
      const code = (issue.params as {code?: unknown} | undefined)?.code;
      return (FIELD_ERROR_CODES as readonly unknown[]).includes(code) ? (code as FieldErrorCodeValue) : 'invalid';
    }
    default:
      return 'invalid';
  }
}

/** Validates with a contract schema; failure → 422 validation_failed with a message per field. */
export function validate<T extends z.ZodMiniType>(schema: T, input: unknown, message = 'Some fields are invalid'): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ApiError(422, message, issuesToFields(result.error, input));
  return result.data as z.output<T>;
}
