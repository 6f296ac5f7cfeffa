/**
 * The kit's words for the API's error codes (src/contract/constants.ts: ERROR_CODES and
 * FIELD_ERROR_CODES, the closed lists the README documents). Typed over the lists: a code added
 * there without a message here is a type error. A code the kit does not know (a newer server's)
 * has no entry: the LocaleController then shows the server's own `message`.
 */
import type {ErrorCode, FieldErrorCode} from '../contract/constants.js';
import type {MessageKey} from '../i18n/en.js';

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
  user_not_invited: 'error.userNotInvited',
  invitation_not_accepted: 'error.invitationNotAccepted',
};

/** `email_taken` → `emailTaken`. */
type Camel<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;
/** Each field code's message is `serverField.<code in camelCase>`: a code without one is a type error here. */
export type FieldErrorKey = `serverField.${Camel<FieldErrorCode>}`;
const everyFieldCodeHasAMessage: FieldErrorKey extends MessageKey ? true : never = true;
void everyFieldCodeHasAMessage;

/** The message key of a field code the kit knows (`email_taken` → `serverField.emailTaken`), or undefined. */
export function fieldKeyOf(code: unknown, known: Readonly<Record<string, unknown>>): MessageKey | undefined {
  if (typeof code !== 'string' || !/^[a-z]+(_[a-z]+)*$/.test(code)) return undefined;
  const key = `serverField.${code.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}`;
  return Object.hasOwn(known, key) ? (key as MessageKey) : undefined;
}

/** The message key of a known code, or undefined (`Object.hasOwn`: `constructor` is no code). */
export function keyOfCode(table: Readonly<Record<string, MessageKey>>, code: unknown): MessageKey | undefined {
  return typeof code === 'string' && Object.hasOwn(table, code) ? table[code] : undefined;
}
