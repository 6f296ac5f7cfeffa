/**
 * The shared state blocks every data element shows: loading (skeleton + live label), empty,
 * error with retry, "reseller access required" and "customer not found". Lit templates with
 * stable part names, styled by `shared` (`.state`):
 *
 * | part | node |
 * |---|---|
 * | `state loading` / `state empty` / `state error` / `state access-required` / `state not-configured` | the block |
 * | `state-title`, `state-message` | its heading and text |
 * | `retry-button` | the error's retry button |
 */
import {html, nothing, type TemplateResult} from 'lit';
import {HttpError, NotConfiguredError} from '../../api/errors.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import {errorText} from './error-text.js';

/** A skeleton of `lines` bars, with the label read out (once) by screen readers. */
export function renderLoading(label: string, {lines = 3}: {lines?: number} = {}): TemplateResult {
  return html`<div class="state loading" part="state loading" role="status">
    <span class="visually-hidden">${label}</span>
    ${Array.from({length: lines}, () => html`<span class="skeleton skeleton-line" aria-hidden="true"></span>`)}
  </div>`;
}

export function renderEmpty({title, message, action}: {title: string; message?: string; action?: TemplateResult}): TemplateResult {
  return html`<div class="state empty" part="state empty">
    <p class="state-title" part="state-title">${title}</p>
    ${message ? html`<p class="state-message" part="state-message">${message}</p>` : nothing}
    ${action ?? nothing}
  </div>`;
}

/** An error block (announced through `role="alert"`) with a retry button when `onRetry` is given. */
export function renderError({
  title,
  message,
  retryLabel,
  onRetry,
}: {
  title: string;
  message?: string;
  retryLabel?: string;
  onRetry?: () => void;
}): TemplateResult {
  return html`<div class="state error" part="state error" role="alert">
    <p class="state-title" part="state-title">${title}</p>
    ${message ? html`<p class="state-message" part="state-message">${message}</p>` : nothing}
    ${onRetry
      ? html`<button type="button" class="button" part="retry-button" @click=${onRetry}>${retryLabel}</button>`
      : nothing}
  </div>`;
}

/**
 * The block for a RESELLEE or unauthenticated caller: never a blank element. A polite live region,
 * so a session that expires or loses its rights mid-use is announced, not just drawn.
 */
export function renderAccessRequired({title, message}: {title: string; message: string}): TemplateResult {
  return html`<div class="state access-required" part="state access-required" role="status">
    <p class="state-title" part="state-title">${title}</p>
    <p class="state-message" part="state-message">${message}</p>
  </div>`;
}

/** "Reseller access required" in the element's words: a RESELLEE token (403) or none that works (401). */
export function renderAccess(i18n: LocaleController, error: unknown): TemplateResult {
  const signedOut = error instanceof HttpError && error.status === 401;
  return renderAccessRequired({
    title: i18n.t('state.accessRequiredTitle'),
    message: signedOut ? `${i18n.t('state.signInRequired')} ${i18n.t('state.accessRequired')}` : i18n.t('state.accessRequired'),
  });
}

/**
 * "Not configured": the host never gave the element credentials (`NotConfiguredError`, after its
 * `credentials-timeout`). No retry: the element starts by itself once the host sets them.
 */
export function renderNotConfigured(i18n: LocaleController): TemplateResult {
  return html`<div class="state not-configured" part="state not-configured" role="status">
    <p class="state-title" part="state-title">${i18n.t('state.notConfiguredTitle')}</p>
    <p class="state-message" part="state-message">${i18n.t('state.notConfigured')}</p>
  </div>`;
}

/** A load error: `title`, the error's text (`errorText`) and a retry; "not configured" for a `NotConfiguredError`. */
export function renderLoadError(i18n: LocaleController, title: string, error: unknown, onRetry: () => void): TemplateResult {
  if (error instanceof NotConfiguredError) return renderNotConfigured(i18n);
  return renderError({title, message: errorText(i18n, error), retryLabel: i18n.t('common.retry'), onRetry});
}

/** "Customer not found" (404: deleted, never existed, or another reseller's). */
export function renderNotFound(i18n: LocaleController, id: number): TemplateResult {
  return html`<div class="state not-found" part="state not-found" role="alert">
    <p class="state-title" part="state-title">${i18n.t('detail.notFound.heading')}</p>
    <p class="state-message" part="state-message">${i18n.t('detail.notFound.message', {id: String(id)})}</p>
  </div>`;
}
