/**
 * The states shared by the customer's panels (`<reseller-subscription-panel>`,
 * `<reseller-customer-detail>`): reseller access required, customer not found, load error with the
 * server's message and a retry. Built on the kit's shared state blocks (`styles/states.ts`).
 */
import {html, type TemplateResult} from 'lit';
import {HttpError} from '../../api/errors.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import {renderAccessRequired, renderError} from '../../styles/index.js';

/** "Reseller access required": a RESELLEE token (403) or none that works (401). */
export function renderAccess(i18n: LocaleController, error: unknown): TemplateResult {
  const signedOut = error instanceof HttpError && error.status === 401;
  return renderAccessRequired({
    title: i18n.t('state.accessRequiredTitle'),
    message: signedOut ? `${i18n.t('state.signInRequired')} ${i18n.t('state.accessRequired')}` : i18n.t('state.accessRequired'),
  });
}

/** "Customer not found" (404: deleted, never existed, or another reseller's). */
export function renderNotFound(i18n: LocaleController, id: number): TemplateResult {
  return html`<div class="state not-found" part="state not-found" role="alert">
    <p class="state-title" part="state-title">${i18n.t('detail.notFound.heading')}</p>
    <p class="state-message" part="state-message">${i18n.t('detail.notFound.message', {id: String(id)})}</p>
  </div>`;
}

/** A load error: the kit's message, the server's own in brackets, and a retry. */
export function renderLoadError(i18n: LocaleController, title: string, error: unknown, onRetry: () => void): TemplateResult {
  const friendly = i18n.errorMessage(error);
  const server = error instanceof HttpError && error.message !== friendly ? error.message : '';
  return renderError({title, message: server ? `${friendly} (${server})` : friendly, retryLabel: i18n.t('common.retry'), onRetry});
}
