/**
 * The kit's words for the API's error codes (src/contract/constants.ts: ERROR_CODES and
 * FIELD_ERROR_CODES, the closed lists the README documents). Typed over the lists: a code added
 * there without a message here is a type error. A code the kit does not know (a newer server's)
 * has no entry: the LocaleController then shows the server's own `message`.
 */
import type {ErrorCode, FieldErrorCode} from '../contract/constants.js';
import type {MessageKey} from './en.js';

export const ERROR_CODE_KEYS: Readonly<Record<ErrorCode, MessageKey>> = {
  bad_request: 'error.badRequest',
  unauthorized: 'error.unauthorized',
  forbidden: 'error.forbidden',
  not_found: 'error.notFound',
  conflict: 'error.conflict',
  precondition_failed: 'error.conflict',
  payload_too_large: 'error.payloadTooLarge',
  unsupported_media_type: 'error.unsupportedMediaType',
  validation_failed: 'error.validation',
  rate_limited: 'error.rateLimited',
  internal: 'error.server',
  bad_gateway: 'error.unavailable',
  service_unavailable: 'error.unavailable',
  gateway_timeout: 'error.unavailable',
  client_closed_request: 'error.unknown',
};

export const FIELD_ERROR_CODE_KEYS: Readonly<Record<FieldErrorCode, MessageKey>> = {
  required: 'serverField.required',
  too_long: 'serverField.tooLong',
  too_short: 'serverField.tooShort',
  invalid: 'serverField.invalid',
  invalid_email: 'serverField.invalidEmail',
  invalid_phone: 'serverField.invalidPhone',
  email_taken: 'serverField.emailTaken',
  quota_required: 'serverField.quotaRequired',
  quota_not_allowed: 'serverField.quotaNotAllowed',
  range_reversed: 'serverField.rangeReversed',
  range_too_long: 'serverField.rangeTooLong',
  expiry_past: 'serverField.expiryPast',
  image_empty: 'serverField.imageEmpty',
  unknown_field: 'serverField.unknownField',
};

/** The message key of a known code, or undefined (`Object.hasOwn`: `constructor` is no code). */
export function keyOfCode(table: Readonly<Record<string, MessageKey>>, code: unknown): MessageKey | undefined {
  return typeof code === 'string' && Object.hasOwn(table, code) ? table[code] : undefined;
}
