/**
 * The New Customer form's pure logic: what was typed (a draft) → the `CustomerCreate` body or
 * field errors, checked with the contract's own schema (one source of truth) plus the phone check.
 * No DOM, no Lit: the customer detail form and tests can use it as is.
 */
import {PLAN_IDS, QUOTA_MAX} from '../../contract/constants.js';
import type {CustomerCreate, PlanId} from '../../contract/schemas.js';
import {ValidationError} from '../../api/errors.js';
import {loadContract} from '../../contract/load-contract.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import type {MessageKey} from '../../i18n/en.js';
import type {MessageParams} from '../../i18n/translate.js';
import type {PhoneResult} from '../phone-field/phone-field.js';

/** The form's fields, in the order they appear (first invalid one gets focus). */
export const FORM_FIELDS = ['name', 'email', 'phone', 'plan', 'quota_minutes'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** Field → message shown next to it. */
export type FieldErrors = Partial<Record<FormField, string>>;

/** What the operator typed, as typed. */
export interface CustomerDraft {
  name: string;
  email: string;
  plan: PlanId;
  /** The quota input's text (only read for Enterprise). */
  quota: string;
}


export {FALLBACK_PLANS, loadPlans} from '../shared/plans.js';

export type Translate = (key: MessageKey, params?: MessageParams) => string;


export function isPlanId(value: string): value is PlanId {
  return (PLAN_IDS as readonly string[]).includes(value);
}

/**
 * Checks a draft. Returns the request body (trimmed and defaulted by the schema) or the errors,
 * each message already translated. Enterprise needs a quota (a server rule the schema cannot
 * express); other plans send none (the server refuses one). Async: the schemas are a lazy chunk
 * (`loadContract()`, already loaded once the client has had an answer).
 */
export async function validateDraft(
  draft: CustomerDraft,
  phone: PhoneResult,
  t: Translate,
): Promise<{body: CustomerCreate; errors: null} | {body: null; errors: FieldErrors}> {
  const {CustomerCreate} = await loadContract();
  const errors: FieldErrors = {};
  const enterprise = draft.plan === 'enterprise';
  const quotaText = draft.quota.trim();
  const input: Record<string, unknown> = {name: draft.name, email: draft.email, plan: draft.plan};
  if (phone.kind === 'valid') input.phone = phone.e164;
  if (phone.kind === 'invalid') errors.phone = t('form.errors.phoneInvalid');
  if (enterprise) {
    if (quotaText === '') errors.quota_minutes = t('form.errors.quotaRequired');
    else input.quota_minutes = /^\d+$/.test(quotaText) ? Number(quotaText) : Number.NaN;
  }
  const parsed = CustomerCreate.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as FormField | undefined;
      if (!field || errors[field]) continue;
      errors[field] = messageFor(field, issue.code, draft, t);
    }
  }
  if (Object.keys(errors).length || !parsed.success) return {body: null, errors};
  return {body: parsed.data, errors: null};
}

function messageFor(field: FormField, code: string, draft: CustomerDraft, t: Translate): string {
  switch (field) {
    case 'name':
      return code === 'too_big' ? t('form.errors.nameTooLong') : t('form.errors.nameRequired');
    case 'email':
      if (draft.email.trim() === '') return t('form.errors.emailRequired');
      if (code === 'too_big') return t('field.tooLong', {field: t('form.email'), max: 254});
      return t('form.errors.emailInvalid');
    case 'phone':
      return t('form.errors.phoneInvalid');
    case 'quota_minutes':
      if (code === 'too_small') return t('field.numberMin', {min: 1});
      if (code === 'too_big') return t('field.numberMax', {max: QUOTA_MAX});
      return t('field.numberInvalid');
    default:
      return t('error.validation');
  }
}

/** Maps the server's 422 `fields` onto the form: known fields, and the rest (shown in the alert). */
export function serverFieldErrors(fields: Readonly<Record<string, string>>): {errors: FieldErrors; other: string[]} {
  const errors: FieldErrors = {};
  const other: string[] = [];
  for (const [key, message] of Object.entries(fields)) {
    const field = key.split('.')[0] as FormField;
    if ((FORM_FIELDS as readonly string[]).includes(field) && !errors[field]) errors[field] = message;
    else other.push(message);
  }
  return {errors, other};
}

/** A failed create, as the form shows it. */
export interface Failure {
  /** Messages for fields (the server's 422 `fields` that name one), or null. */
  errors: FieldErrors | null;
  /** The message inside the form (role=alert) and the server's own words, or null. */
  alert: {message: string; detail: string} | null;
}

/**
 * What to show for an error of `createCustomer`: a 422 with fields goes next to the fields (fields
 * the form does not have go to the alert); anything else (5xx, network, timeout, 409, 422 without
 * fields) is one message in the form. Field messages and the alert come from the error's codes in
 * the user's language; the server's own message is the detail only when its code is unknown.
 */
export function describeFailure(error: unknown, i18n: Pick<LocaleController, 't' | 'errorMessage' | 'fieldMessages' | 'serverDetail'>): Failure {
  const message = i18n.t('form.errors.failed', {message: i18n.errorMessage(error)});
  const fields = i18n.fieldMessages(error);
  if (error instanceof ValidationError && Object.keys(fields).length) {
    const {errors, other} = serverFieldErrors(fields);
    return {
      errors: Object.keys(errors).length ? errors : null,
      alert: other.length ? {message, detail: other.join(' ')} : null,
    };
  }
  return {errors: null, alert: {message, detail: i18n.serverDetail(error)}};
}

/**
 * One Idempotency-Key per submission: the same body keeps its key (a double click, a retry after a
 * network error or a 5xx never creates two customers), a changed body gets a new one (the server
 * answers 409 to one key with two different bodies).
 */
export class SubmissionKeys {
  #payload = '';
  #key = '';

  keyFor(body: unknown): string {
    const payload = JSON.stringify(body);
    if (payload !== this.#payload || !this.#key) {
      this.#payload = payload;
      this.#key = newKey();
    }
    return this.#key;
  }

  /** After a success: the next submission is a new customer. */
  clear(): void {
    this.#payload = '';
    this.#key = '';
  }
}

function newKey(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  return [...c.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}
