/**
 * The shared state blocks every data element shows: loading (skeleton + live label), empty,
 * error with retry, and "reseller access required". Lit templates with stable part names, styled
 * by `shared` (`.state`):
 *
 * | part | node |
 * |---|---|
 * | `state loading` / `state empty` / `state error` / `state access-required` | the block |
 * | `state-title`, `state-message` | its heading and text |
 * | `retry-button` | the error's retry button |
 */
import {html, nothing, type TemplateResult} from 'lit';

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
