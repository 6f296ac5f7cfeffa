/**
 * The customer detail form's pure logic. What the operator changed is kept as *edits* on top of
 * the saved customer (the baseline): a reload of the customer (new token, overwrite after a
 * conflict) updates the baseline and keeps every edit. A field is changed when its edit differs
 * from the baseline, so typing a value back to the original makes the form clean again.
 * No DOM, no Lit.
 */
import {METADATA_KEY_PATTERN} from '../../contract/constants.js';
import type {Customer, CustomerUpdate as CustomerUpdateT} from '../../contract/schemas.js';
import {loadContract} from '../../contract/load-contract.js';
import type {MessageKey} from '../../i18n/en.js';
import type {MessageParams} from '../../i18n/translate.js';
import type {PhoneResult} from '../phone-field/phone-field.js';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The metadata keys with their own field (the spec's examples); other keys are free rows. */
export const KNOWN_METADATA = ['segment', 'industry', 'account_manager'] as const;
export type KnownMetadataKey = (typeof KNOWN_METADATA)[number];
export const KNOWN_METADATA_LABELS: Record<KnownMetadataKey, MessageKey> = {
  segment: 'detail.metadata.segment',
  industry: 'detail.metadata.industry',
  account_manager: 'detail.metadata.accountManager',
};

/** A free metadata row. `id` is stable for rendering and error messages. */
export interface MetadataRow {
  id: number;
  key: string;
  value: string;
}

/** Everything the form shows, as typed. */
export interface Draft {
  name: string;
  email: string;
  /** The phone input's text. */
  phone: string;
  active: boolean;
  segment: string;
  industry: string;
  account_manager: string;
  extra: readonly MetadataRow[];
}
export type DraftField = keyof Draft;
export type Edits = Partial<Draft>;

/** Field → message. Keys: draft fields, and `extra.<rowId>.key` / `extra.<rowId>.value`. */
export type FieldErrors = Record<string, string>;

let rowIds = 0;
export const newRow = (key = '', value = ''): MetadataRow => ({id: ++rowIds, key, value});

/** The form as the saved customer fills it. `phoneText` renders the saved E.164 number. */
export function draftOf(customer: Customer, phoneText: (e164: string) => string): Draft {
  const meta = customer.metadata;
  return {
    name: customer.name,
    email: customer.email,
    phone: customer.phone ? phoneText(customer.phone) : '',
    active: customer.status === 'active',
    segment: meta.segment ?? '',
    industry: meta.industry ?? '',
    account_manager: meta.account_manager ?? '',
    extra: Object.keys(meta)
      .filter((k) => !(KNOWN_METADATA as readonly string[]).includes(k))
      .sort()
      .map((k) => newRow(k, meta[k])),
  };
}

/** The baseline with the edits applied. */
export function current(base: Draft, edits: Edits): Draft {
  return {...base, ...edits};
}

const compactPhone = (text: string) => text.replace(/[\s().\-/]/g, '');

/** The metadata a draft describes (known fields and rows; empty values and blank rows left out). */
export function metadataOf(draft: Draft): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of KNOWN_METADATA) if (draft[key].trim()) out[key] = draft[key].trim();
  for (const row of draft.extra) if (row.key.trim() || row.value.trim()) out[row.key.trim()] = row.value.trim();
  return out;
}

const sameRecord = (a: Record<string, string>, b: Record<string, string>) => {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
};

/** Which parts of the customer the draft changes: name, email, phone, status, metadata. */
export function changes(base: Draft, draft: Draft): Set<'name' | 'email' | 'phone' | 'status' | 'metadata'> {
  const out = new Set<'name' | 'email' | 'phone' | 'status' | 'metadata'>();
  if (draft.name.trim() !== base.name.trim()) out.add('name');
  if (draft.email.trim() !== base.email.trim()) out.add('email');
  if (compactPhone(draft.phone) !== compactPhone(base.phone)) out.add('phone');
  if (draft.active !== base.active) out.add('status');
  if (!sameRecord(metadataOf(draft), metadataOf(base)) || draft.extra.some((r) => !r.key.trim() && r.value.trim())) out.add('metadata');
  return out;
}

export const isDirty = (base: Draft, draft: Draft) => changes(base, draft).size > 0;

/**
 * The PATCH body of the changed parts, or the field errors (checked with the contract's schema,
 * plus the phone check and the metadata keys). Async: the schemas are a lazy chunk (`loadContract()`,
 * already loaded once the client has had an answer).
 */
export async function buildPatch(
  base: Draft,
  draft: Draft,
  phone: PhoneResult,
  t: Translate,
): Promise<{patch: CustomerUpdateT; errors: null} | {patch: null; errors: FieldErrors}> {
  const {CustomerUpdate} = await loadContract();
  const changed = changes(base, draft);
  const errors: FieldErrors = {};
  const input: Record<string, unknown> = {};
  if (changed.has('name')) input.name = draft.name;
  if (changed.has('email')) input.email = draft.email;
  if (changed.has('status')) input.status = draft.active ? 'active' : 'inactive';
  if (changed.has('phone')) {
    if (phone.kind === 'invalid') errors.phone = t('form.errors.phoneInvalid');
    else input.phone = phone.kind === 'valid' ? phone.e164 : null;
  }
  if (changed.has('metadata')) {
    Object.assign(errors, metadataErrors(draft, t));
    input.metadata = metadataOf(draft);
  }
  const parsed = CustomerUpdate.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [field] = issue.path;
      if (field === 'name' && !errors.name) errors.name = issue.code === 'too_big' ? t('form.errors.nameTooLong') : t('form.errors.nameRequired');
      if (field === 'email' && !errors.email) {
        errors.email = draft.email.trim() ? t('form.errors.emailInvalid') : t('form.errors.emailRequired');
      }
    }
  }
  if (Object.keys(errors).length || !parsed.success) return {patch: null, errors};
  return {patch: parsed.data, errors: null};
}

function metadataErrors(draft: Draft, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  const seen = new Set<string>(KNOWN_METADATA.filter((k) => draft[k].trim()));
  for (const key of KNOWN_METADATA) if (draft[key].trim().length > 500) errors[key] = t('detail.metadata.valueTooLong');
  for (const row of draft.extra) {
    const key = row.key.trim();
    if (!key && !row.value.trim()) continue;
    if (!key) errors[`extra.${row.id}.key`] = t('detail.metadata.keyRequired');
    else if (!METADATA_KEY_PATTERN.test(key)) errors[`extra.${row.id}.key`] = t('detail.metadata.keyInvalid');
    else if (seen.has(key) || (KNOWN_METADATA as readonly string[]).includes(key)) errors[`extra.${row.id}.key`] = t('detail.metadata.keyDuplicate');
    seen.add(key);
    if (row.value.trim().length > 500) errors[`extra.${row.id}.value`] = t('detail.metadata.valueTooLong');
  }
  return errors;
}

/**
 * The server's 422 `fields` on the form: `name`, `email`, `phone`, `metadata.segment`,
 * `metadata.<free key>` (the row with that key); anything else goes to the alert.
 */
export function serverErrors(fields: Readonly<Record<string, string>>, draft: Draft): {errors: FieldErrors; other: string[]} {
  const errors: FieldErrors = {};
  const other: string[] = [];
  for (const [path, message] of Object.entries(fields)) {
    const [head, key] = path.split('.');
    if (head === 'name' || head === 'email' || head === 'phone') errors[head] = message;
    else if (head === 'status') errors.active = message;
    else if (head === 'metadata' && key && (KNOWN_METADATA as readonly string[]).includes(key)) errors[key] = message;
    else if (head === 'metadata' && key && draft.extra.some((r) => r.key.trim() === key)) {
      errors[`extra.${draft.extra.find((r) => r.key.trim() === key)!.id}.value`] = message;
    } else other.push(message);
  }
  return {errors, other};
}

/** The form fields in the order they appear: the first with an error gets focus. */
export function firstErrorField(errors: FieldErrors, draft: Draft): string | undefined {
  const order = ['name', 'email', 'phone', 'active', ...KNOWN_METADATA, ...draft.extra.flatMap((r) => [`extra.${r.id}.key`, `extra.${r.id}.value`])];
  return order.find((f) => errors[f]);
}
