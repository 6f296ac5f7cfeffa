/**
 * How an API error reads on screen: the one place that turns an error into words. Every element's
 * error state, failed-save alert, toast and confirm-dialog error goes through here, so a change of
 * wording is made once. Messages come from the server's error code in the user's language; the
 * server's own (English) words only for a code the kit does not know (LocaleController).
 */
import type {LocaleController} from '../../controllers/locale-controller.js';

/**
 * The two halves of an error's text: `friendly`, the kit's own message in the user's language, and
 * `server`, the server's own words when the kit did not translate its code (empty otherwise).
 */
export function errorParts(i18n: LocaleController, error: unknown): {friendly: string; server: string} {
  return {friendly: i18n.errorMessage(error), server: i18n.serverDetail(error)};
}

/** "Friendly message (server message)", or just the friendly message. */
export function errorText(i18n: LocaleController, error: unknown): string {
  const {friendly, server} = errorParts(i18n, error);
  return server ? `${friendly} (${server})` : friendly;
}
