/**
 * How an API error reads on screen: the one place that turns an error into words. Every element's
 * error state, failed-save alert, toast and confirm-dialog error goes through here, so a change of
 * wording (e.g. messages chosen by the server's error code) is made once.
 */
import {HttpError} from '../../api/errors.js';
import type {LocaleController} from '../../controllers/locale-controller.js';

/**
 * The two halves of an error's text: `friendly`, the kit's own message in the user's language, and
 * `server`, the server's own words when they add something (empty when absent or the same).
 */
export function errorParts(i18n: LocaleController, error: unknown): {friendly: string; server: string} {
  const friendly = i18n.errorMessage(error);
  const server = error instanceof HttpError && error.message !== friendly ? error.message : '';
  return {friendly, server};
}

/** "Friendly message (server message)", or just the friendly message. */
export function errorText(i18n: LocaleController, error: unknown): string {
  const {friendly, server} = errorParts(i18n, error);
  return server ? `${friendly} (${server})` : friendly;
}
