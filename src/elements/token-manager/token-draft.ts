/**
 * The Generate token form's draft: what the operator typed, client-side checks, and the request
 * body. Pure functions (no DOM, no Lit), so they are easy to test and reuse.
 */
import {TOKEN_PERMISSIONS} from '../../contract/constants.js';
import type {TokenCreate, TokenPermission} from '../../contract/schemas.js';
import type {MessageKey} from '../../i18n/en.js';

/** Expiry choices of the form: never, or a number of days from now. */
export const EXPIRY_OPTIONS = ['never', '30', '90', '365'] as const;
export type ExpiryOption = (typeof EXPIRY_OPTIONS)[number];

export const EXPIRY_LABELS: Record<ExpiryOption, MessageKey> = {
  never: 'tokens.form.expiryNever',
  30: 'tokens.form.expiry30',
  90: 'tokens.form.expiry90',
  365: 'tokens.form.expiry365',
};

export const NAME_MAX = 100;

export interface TokenDraft {
  name: string;
  permissions: readonly TokenPermission[];
  expiry: ExpiryOption;
}

/** The fields of the form that can carry an error (server field names). */
export type DraftField = 'name' | 'permissions' | 'expires_at';
export type DraftErrors = Partial<Record<DraftField, string>>;

/** A fresh draft: read-only access to transcripts, never expires. */
export function emptyDraft(): TokenDraft {
  return {name: '', permissions: ['transcripts:read'], expiry: 'never'};
}

/** Client-side checks; the messages are message keys. */
export function checkDraft(draft: TokenDraft): Partial<Record<DraftField, MessageKey>> {
  const errors: Partial<Record<DraftField, MessageKey>> = {};
  if (!draft.name.trim()) errors.name = 'tokens.errors.nameRequired';
  if (!draft.permissions.length) errors.permissions = 'tokens.errors.permissionsRequired';
  return errors;
}

/** The `POST /tokens` body; the expiry counts from `now`. */
export function toCreate(customerId: number, draft: TokenDraft, now = Date.now()): TokenCreate {
  const permissions = TOKEN_PERMISSIONS.filter((p) => draft.permissions.includes(p));
  const expires_at = draft.expiry === 'never' ? null : new Date(now + Number(draft.expiry) * 86_400_000).toISOString();
  return {customer_id: customerId, name: draft.name.trim(), permissions, expires_at};
}

/** Maps the server's 422 `fields` onto the form's fields (`permissions.0` → `permissions`). */
export function serverFieldErrors(fields: Readonly<Record<string, string>>): {errors: DraftErrors; rest: string[]} {
  const errors: DraftErrors = {};
  const rest: string[] = [];
  for (const [path, message] of Object.entries(fields)) {
    const field = path.split('.')[0] as DraftField;
    if (field === 'name' || field === 'permissions' || field === 'expires_at') errors[field] ??= message;
    else rest.push(message);
  }
  return {errors, rest};
}
