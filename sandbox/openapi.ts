/** OpenAPI 3.1, generated from src/contract/endpoints.ts and the contract's schemas (`z.toJSONSchema`). */
import * as z from 'zod/mini';
import {API_BASE_PATH} from '../src/contract/constants.js';
import {ID_MAX, PER_PAGE_OPTIONS, SandboxErrorBody} from '../src/contract/schemas.js';
import {ENDPOINTS} from '../src/contract/endpoints.js';

type JsonSchema = Record<string, unknown> & {properties?: Record<string, unknown>; required?: string[]};

const toSchema = (schema: unknown, io: 'input' | 'output'): JsonSchema => {
  const {$schema: _ignored, ...rest} = z.toJSONSchema(schema as z.ZodMiniType, {io, unrepresentable: 'any', target: 'draft-2020-12'}) as JsonSchema;
  return rest;
};

const BINARY: Record<string, Record<string, unknown>> = {
  '/usage/export': {'text/csv': {schema: {type: 'string'}}},
  '/transcripts/documents/{id}/download': {'application/octet-stream': {schema: {type: 'string', format: 'binary'}}},
  '/reports/{id}/csv': {'text/csv': {schema: {type: 'string'}}},
  '/reports/{id}/pdf': {'application/pdf': {schema: {type: 'string', format: 'binary'}}},
  '/branding/logo/{hash}': {'image/*': {schema: {type: 'string', format: 'binary'}}},
};

/** Operations behind an Idempotency-Key (sandbox/idempotency.ts): they can answer 409. */
const IDEMPOTENT = new Set(['post /customers', 'put /customers/{id}/subscription', 'post /tokens', 'post /customers/{id}/users', 'post /customers/{id}/users/{userId}/invitation', 'put /branding/logo', 'post /reports']);

/** Numeric query parameters, as the integers they are (the contract's query schemas take the text form too). */
const QUERY_ID = {type: 'integer', minimum: 1, maximum: ID_MAX};
const QUERY_NUMBERS: Record<string, object> = {
  page: QUERY_ID, customer_id: QUERY_ID, transcript_id: QUERY_ID, per_page: {type: 'integer', enum: [...PER_PAGE_OPTIONS]},
};

let cached: object | null = null;

export function openApiDocument(): object {
  if (cached) return cached;
  const errorRef = {$ref: '#/components/schemas/Error'};
  const errorResponse = (description: string) => ({description, content: {'application/json': {schema: errorRef}}});
  const retryLater = (description: string) => ({
    ...errorResponse(description),
    headers: {'Retry-After': {description: 'Seconds to wait before retrying', schema: {type: 'integer', minimum: 1}}},
  });
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of ENDPOINTS) {
    const ep = e as (typeof ENDPOINTS)[number] & {body?: unknown; query?: unknown; response?: unknown; status?: number; binary?: boolean; alsoOk?: number};
    const params: object[] = [...ep.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1], in: 'path', required: true, schema: m[1] === 'hash' ? {type: 'string', pattern: '^[0-9a-f]{64}$'} : {type: 'integer', minimum: 1, maximum: ID_MAX},
    }));
    if (ep.query) {
      const q = toSchema(ep.query, 'input');
      for (const [name, schema] of Object.entries(q.properties ?? {})) {
        params.push({name, in: 'query', required: q.required?.includes(name) ?? false, schema: QUERY_NUMBERS[name] ?? schema});
      }
    }
    const status = String(ep.status ?? 200);
    const ok = ep.response
      ? {description: ep.summary, content: {'application/json': {schema: toSchema(ep.response, 'output')}}}
      : ep.binary
        ? {description: ep.summary, content: BINARY[ep.path] ?? {}}
        : {description: ep.summary};
    const isEvents = ep.path === '/events';
    if (isEvents) {
      // The same operation streams with Accept: text/event-stream (sandbox/live.ts).
      (ok as {content: Record<string, unknown>}).content['text/event-stream'] = {
        schema: {type: 'string', description: 'Server-Sent Events: `id:` the event id, `event:` usage | transcript | reset, `data:` one LiveEvent as JSON; `: ping` comment lines as heartbeats'},
      };
    }
    const isPublicLogo = ep.path === '/branding/logo/{hash}';
    const isLogoUpload = ep.path === '/branding/logo' && ep.method === 'put';
    const isBrandingRead = ep.path === '/branding' && ep.method === 'get';
    const hasBody = Boolean(ep.body) || isLogoUpload;
    const idempotent = IDEMPOTENT.has(`${ep.method} ${ep.path}`);
    const operation: Record<string, unknown> = {
      operationId: `${ep.method}${ep.path.replace(/\{(\w+)\}/g, 'By_$1').replace(/[^a-zA-Z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
      summary: ep.summary,
      tags: [ep.origin],
      parameters: params,
      // Every status the server can answer this operation with (an injected X-Sandbox-Fault aside).
      responses: {
        [status]: ok,
        ...(ep.alsoOk ? {[ep.alsoOk]: ok} : {}),
        ...(isBrandingRead ? {304: {description: 'Not modified: `If-None-Match` names the current ETag (the tenant\'s version; never another tenant\'s)'}} : {}),
        ...(isEvents ? {304: {description: 'Nothing new since the ETag sent in If-None-Match (polling)'}} : {}),
        400: errorResponse(`Bad request: a query parameter holds a NUL character${ep.body ? ', the body is not valid JSON' : ''}${idempotent ? ', Idempotency-Key is longer than 255 characters' : ''}`),
        ...(isPublicLogo ? {} : {401: errorResponse('Missing, unknown, revoked or expired token')}),
        403: errorResponse(isPublicLogo ? 'The Host header is not allowed (DNS rebinding protection)'
          : isBrandingRead ? 'The Host header is not allowed (DNS rebinding protection); any session of the tenant may read it (a RESELLEE: its reseller\'s branding)'
            : 'Not a RESELLER, or the Host header is not allowed (DNS rebinding protection)'),
        404: errorResponse('Not found (also for another tenant\'s ids, and path ids outside 1 to 2147483647)'),
        ...(idempotent ? {409: errorResponse('Idempotency-Key reused with a different request, still being processed, or its secret-bearing answer expired')} : {}),
        ...(ep.method === 'patch' && ep.path === '/customers/{id}' ? {412: errorResponse('If-Match does not match the customer\'s current ETag')} : {}),
        ...(hasBody ? {413: errorResponse(isLogoUpload ? 'The image is larger than 2 MB' : 'The body is larger than 64 KB')} : {}),
        ...(hasBody ? {415: errorResponse(isLogoUpload ? 'Not one of the accepted image types' : 'The body is not application/json')} : {}),
        ...(hasBody || ep.query ? {422: errorResponse('Validation failed: `fields` maps each field to its English message, `field_codes` to its code')} : {}),
        429: retryLater('Too many requests of this tenant running and queued (per-tenant limits, sandbox/README.md); nothing was done'),
        503: retryLater('A database statement ran past the statement timeout'),
      },
      ...(isPublicLogo ? {security: []} : {}),
    };
    if (ep.body) {
      operation.requestBody = {required: true, content: {'application/json': {schema: toSchema(ep.body, 'input')}}};
    } else if (isLogoUpload) {
      operation.requestBody = {required: true, content: Object.fromEntries(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/svg+xml'].map((t) => [t, {schema: {type: 'string', format: 'binary'}}]))};
    }
    if (ep.method === 'post' || ep.method === 'put') {
      (operation.parameters as object[]).push({name: 'Idempotency-Key', in: 'header', required: false, schema: {type: 'string', maxLength: 255}});
    }
    if (isBrandingRead) (operation.parameters as object[]).push({name: 'If-None-Match', in: 'header', required: false, schema: {type: 'string'}});
    if (isEvents) {
      (operation.parameters as object[]).push(
        {name: 'Last-Event-ID', in: 'header', required: false, schema: {type: 'string'}, description: 'Resume a stream after this event id (an id no longer kept gets a `reset` event)'},
        {name: 'If-None-Match', in: 'header', required: false, schema: {type: 'string'}, description: 'The ETag of the previous poll: 304 while nothing new happened'},
      );
    }
    if (ep.method === 'patch' && ep.path === '/customers/{id}') {
      (operation.parameters as object[]).push({name: 'If-Match', in: 'header', required: false, schema: {type: 'string'}});
    }
    (paths[ep.path] ??= {})[ep.method] = operation;
  }
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Reseller API (reseller-elements sandbox)',
      version: '3.0.0',
      description: 'Operations tagged `public` come from the public Reseller API; `extension` marks the kit\'s extensions implemented by the sandbox.',
    },
    servers: [{url: API_BASE_PATH}],
    tags: [{name: 'public', description: 'The public Reseller API'}, {name: 'extension', description: 'Kit extensions'}],
    security: [{bearer: []}],
    paths,
    components: {
      securitySchemes: {bearer: {type: 'http', scheme: 'bearer'}},
      schemas: {Error: toSchema(SandboxErrorBody, 'output')},
    },
  };
  return cached;
}
