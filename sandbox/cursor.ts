/**
 * Keyset (cursor) pagination for GET /customers: a page reached by `cursor` reads the rows after
 * (or before) the last row it saw through the sort's index, so page 4,000 costs what page 1 does;
 * OFFSET reads and drops every row before it.
 *
 * A cursor is opaque to clients: `<payload>.<signature>`, the payload (base64url JSON) holding the
 * tenant, the sort, the order, the page size, a fingerprint of the filters, the direction, the
 * boundary row's sort key and id, and the page number it leads to. The HMAC signature (a key random
 * per sandbox process) makes a changed cursor, another tenant's cursor, a cursor from another sort
 * or filter, and a cursor from before a restart a 422 `invalid_cursor`, never a wrong page.
 */
import {createHash, createHmac, randomBytes, timingSafeEqual} from 'node:crypto';
import {ApiError} from './http.js';

const KEY = randomBytes(32);

export interface CursorScope {
  /** Tenant, sort, order, page size and the filters' fingerprint: a cursor only serves the list it came from. */
  t: number;
  s: string;
  o: 'asc' | 'desc';
  n: number;
  f: string;
}

export interface Cursor extends CursorScope {
  /** `a`: the rows after the boundary row (Next); `b`: the rows before it (Prev); `z`: the last page (Last, no boundary row). */
  d: 'a' | 'b' | 'z';
  /** The boundary row's sort key as text (null: a customer without phone), and its id. */
  k: string | null;
  i: number;
  /** The page number the cursor leads to. */
  p: number;
}

const sign = (payload: string) => createHmac('sha256', KEY).update(payload).digest('base64url').slice(0, 22);

/** The filters' fingerprint (order of repeated `metadata` filters does not matter). */
export function filterFingerprint(filters: {status?: string | undefined; q?: string | undefined; metadata?: string[] | undefined; metadata_q?: string | undefined}): string {
  const canonical = JSON.stringify([filters.status ?? '', filters.q?.trim() ?? '', [...(filters.metadata ?? [])].sort(), filters.metadata_q?.trim() ?? '']);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 12);
}

export function encodeCursor(c: Cursor): string {
  const payload = Buffer.from(JSON.stringify(c)).toString('base64url');
  return `${payload}.${sign(payload)}`;
}

const invalid = (message: string): ApiError =>
  new ApiError(422, 'Invalid query parameters', {cursor: {code: 'invalid_cursor', message}});

/** Only this server writes cursors (signed), but a key change or an old format must still be a 422, never a 500. */
function wellFormed(c: unknown): c is Cursor {
  if (typeof c !== 'object' || c === null) return false;
  const v = c as Record<string, unknown>;
  return (v.d === 'a' || v.d === 'b' || v.d === 'z') && (v.k === null || typeof v.k === 'string')
    && Number.isSafeInteger(v.i) && Number.isSafeInteger(v.p) && (v.p as number) >= 1;
}

/** The cursor, checked against the list it is used on; a 422 `invalid_cursor` when it does not fit. */
export function decodeCursor(value: string, scope: CursorScope): Cursor {
  const [payload, signature, extra] = value.split('.');
  if (!payload || !signature || extra !== undefined) throw invalid('This cursor is malformed: use a next_cursor or prev_cursor as returned');
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw invalid('This cursor was not issued by this server (changed, or from before a restart): start again from page 1');
  }
  let c: Cursor;
  try {
    c = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Cursor;
  } catch {
    throw invalid('This cursor is malformed: use a next_cursor or prev_cursor as returned');
  }
  if (!wellFormed(c)) throw invalid('This cursor is malformed: use a next_cursor or prev_cursor as returned');
  if (c.t !== scope.t || c.s !== scope.s || c.o !== scope.o || c.n !== scope.n || c.f !== scope.f) {
    throw invalid('This cursor belongs to another sort, order, page size or filter: start again from page 1');
  }
  return c;
}
