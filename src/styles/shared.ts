/**
 * Shared CSS for every element: reset, focus ring, buttons, inputs and field errors, badges,
 * tables, skeletons, state blocks, inline alerts, menus and dialogs. Plain class names; uses only
 * the private variables that `tokens` defines, so put it after `tokens`:
 *
 * ```ts
 * static override styles = [tokens, shared, styles];
 * ```
 *
 * Buttons: `<button class="button primary|secondary|danger|ghost">`; busy: `aria-busy="true"`
 * (keeps the label, adds a spinner, ignores clicks). Inputs: `class="input"` with
 * `aria-invalid="true"` for errors; wrap in `.field` with `.label`, `.hint`, `.field-error`.
 */
import {css} from 'lit';

export const shared = css`
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    letter-spacing: inherit;
    color: inherit;
  }
  /* WebKit lets a select's text (sized by its longest option) overflow its box into the
     page's scrollable area: a 320 px panel scrolled sideways by 25 px. Keep it inside. */
  select {
    contain: paint;
  }
  :focus-visible {
    outline: 2px solid var(--_focus-ring);
    outline-offset: 2px;
  }

  .visually-hidden:not(:focus-within, :active) {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
    padding: 0 !important;
    margin: -1px !important;
  }

  /* ---- buttons ---------------------------------------------------------------------------- */
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space-2);
    min-block-size: var(--_control-height);
    padding-block: 0;
    padding-inline: var(--_space-4);
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-weight: 500;
    line-height: 1.2;
    white-space: nowrap;
    text-decoration: none;
    cursor: pointer;
    transition:
      background-color var(--_duration),
      border-color var(--_duration),
      color var(--_duration);
  }
  .button:hover {
    background: color-mix(in oklab, var(--_text) 5%, var(--_surface));
  }
  .button:active {
    background: color-mix(in oklab, var(--_text) 10%, var(--_surface));
  }
  .button.primary {
    background: var(--_brand);
    border-color: var(--_brand);
    color: var(--_on-brand);
  }
  .button.primary:hover {
    background: var(--_brand-hover);
    border-color: var(--_brand-hover);
  }
  .button.primary:active {
    background: var(--_brand-active);
    border-color: var(--_brand-active);
  }
  .button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_on-danger);
  }
  .button.danger:hover {
    background: var(--_danger-hover);
    border-color: var(--_danger-hover);
  }
  .button.ghost {
    background: transparent;
    border-color: transparent;
    color: var(--_brand-text);
  }
  .button.ghost:hover {
    background: var(--_hover);
  }
  .button.ghost:active {
    background: var(--_active);
  }
  .button.icon {
    padding-inline: 0;
    min-inline-size: var(--_control-height);
  }
  .button:disabled,
  .button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .button[aria-busy='true'] {
    cursor: progress;
    pointer-events: none;
  }
  .button[aria-busy='true']::before {
    content: '';
    inline-size: 1em;
    block-size: 1em;
    flex: none;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: reseller-spin 0.8s linear infinite;
  }
  .link {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_brand-text);
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  .link:hover {
    text-decoration-thickness: 2px;
  }

  /* ---- form fields ------------------------------------------------------------------------ */
  .field {
    display: grid;
    gap: var(--_space-1);
    align-content: start;
  }
  .label {
    font-weight: 500;
  }
  .required {
    color: var(--_danger-text);
  }
  .hint {
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  .input {
    inline-size: 100%;
    min-block-size: var(--_control-height);
    padding-block: var(--_space-1);
    padding-inline: var(--_space-3);
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .input:hover {
    border-color: color-mix(in oklab, var(--_border-strong), var(--_text) 25%);
  }
  .input:focus-visible {
    outline-offset: 0;
    border-color: var(--_focus-ring);
  }
  .input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .input:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .input::placeholder {
    color: var(--_text-muted);
    opacity: 0.8;
  }
  input[type='checkbox'],
  input[type='radio'] {
    accent-color: var(--_brand);
    inline-size: 1rem;
    block-size: 1rem;
  }
  .field-error {
    display: flex;
    gap: var(--_space-1);
    margin: 0;
    color: var(--_danger-text);
    font-size: 0.875em;
  }
  .field-error::before {
    content: '!';
    display: inline-grid;
    place-items: center;
    flex: none;
    inline-size: 1.2em;
    block-size: 1.2em;
    margin-block-start: 0.1em;
    border-radius: 50%;
    background: var(--_danger);
    color: var(--_on-danger);
    font-size: 0.8em;
    font-weight: 700;
  }

  /* ---- badges ----------------------------------------------------------------------------- */
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    padding-block: 0.1em;
    padding-inline: 0.6em;
    border-radius: 999px;
    background: var(--_neutral-subtle);
    color: var(--_text);
    font-size: 0.8125em;
    font-weight: 500;
    white-space: nowrap;
  }
  .badge.brand {
    background: var(--_brand-subtle);
    color: var(--_brand-text);
  }
  .badge.success {
    background: var(--_success-subtle);
    color: var(--_success-text);
  }
  .badge.warning {
    background: var(--_warning-subtle);
    color: var(--_warning-text);
  }
  .badge.danger {
    background: var(--_danger-subtle);
    color: var(--_danger-text);
  }

  /* ---- tables ----------------------------------------------------------------------------- */
  .table-scroll {
    /* Positioned, so the rows' visually hidden labels (absolute) are clipped here too: a long
       name in one of them made the whole page scroll sideways. */
    position: relative;
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .table {
    inline-size: 100%;
    border-collapse: separate;
    border-spacing: 0;
    font-variant-numeric: tabular-nums;
  }
  .table caption {
    padding: var(--_space-2) var(--_space-3);
    text-align: start;
    font-weight: 600;
  }
  .table th,
  .table td {
    padding-block: var(--_space-2);
    padding-inline: var(--_space-3);
    border-block-end: 1px solid var(--_border);
    text-align: start;
    vertical-align: middle;
  }
  .table th {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    background: var(--_surface-sunken);
    color: var(--_text-muted);
    font-size: 0.875em;
    font-weight: 600;
    white-space: nowrap;
  }
  .table tbody tr:last-child > * {
    border-block-end: 0;
  }
  .table tbody tr:hover {
    background: var(--_hover);
  }
  .table .numeric {
    text-align: end;
  }
  .sort-button {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font-weight: inherit;
    cursor: pointer;
  }
  .sort-button:hover {
    color: var(--_text);
  }
  /* First / previous / next / last point the way pages go in the reading direction. */
  [part~='page-button'] > svg:dir(rtl) {
    scale: -1 1;
  }

  /* ---- skeletons -------------------------------------------------------------------------- */
  .skeleton {
    display: block;
    min-block-size: 1em;
    border-radius: var(--_radius-small);
    background: linear-gradient(
      90deg,
      var(--_skeleton) 0%,
      var(--_skeleton-highlight) 50%,
      var(--_skeleton) 100%
    );
    background-size: 200% 100%;
    animation: reseller-shimmer 1.4s ease-in-out infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
      background: var(--_skeleton);
    }
    .button[aria-busy='true']::before {
      animation-duration: 2.4s;
    }
  }

  /* ---- state blocks (loading / empty / error / access) and inline alerts ------------------ */
  .state {
    display: grid;
    justify-items: center;
    gap: var(--_space-3);
    padding: var(--_space-6) var(--_space-4);
    color: var(--_text-muted);
    text-align: center;
  }
  .state-title {
    margin: 0;
    color: var(--_text);
    font-size: 1.0625em;
    font-weight: 600;
  }
  .state-message {
    margin: 0;
    max-inline-size: 40ch;
    /* A server message with a long unbroken string wraps instead of widening the page. */
    overflow-wrap: anywhere;
  }
  .state.error .state-title {
    color: var(--_danger-text);
  }
  .alert {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-2);
    margin: 0;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid color-mix(in oklab, var(--_danger) 35%, var(--_surface));
    border-radius: var(--_radius);
    background: var(--_danger-subtle);
    color: var(--_danger-text);
  }
  .alert.warning {
    border-color: color-mix(in oklab, var(--_warning) 35%, var(--_surface));
    background: var(--_warning-subtle);
    color: var(--_warning-text);
  }
  .alert.success {
    border-color: color-mix(in oklab, var(--_success) 35%, var(--_surface));
    background: var(--_success-subtle);
    color: var(--_success-text);
  }
  .alert.info {
    border-color: color-mix(in oklab, var(--_brand) 35%, var(--_surface));
    background: var(--_brand-subtle);
    color: var(--_text);
  }

  /* ---- popover menus (MenuController sets --_menu-x / --_menu-y) -------------------------- */
  .menu {
    /* Viewport coordinates from the controller: physical properties on purpose. */
    position: fixed;
    inset: auto;
    top: var(--_menu-y, 0px);
    left: var(--_menu-x, 0px);
    margin: 0;
    min-inline-size: 10rem;
    max-block-size: min(24rem, 100vh - 1rem);
    overflow: auto;
    padding: var(--_space-1);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    color: var(--_text);
    box-shadow: var(--_shadow);
  }
  .menuitem {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    inline-size: 100%;
    padding-block: var(--_space-2);
    padding-inline: var(--_space-3);
    border: 0;
    border-radius: var(--_radius-small);
    background: transparent;
    color: inherit;
    text-align: start;
    white-space: nowrap;
    cursor: pointer;
  }
  .menuitem:hover,
  .menuitem:focus-visible {
    background: var(--_brand-subtle);
    outline: none;
  }
  .menuitem:focus-visible {
    box-shadow: inset 0 0 0 2px var(--_focus-ring);
  }
  .menuitem:active {
    background: var(--_brand-subtle-hover);
  }
  .menuitem.danger {
    color: var(--_danger-text);
  }
  .menuitem[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }

  /* ---- modal dialogs ---------------------------------------------------------------------- */
  .dialog {
    inline-size: min(32rem, 100vw - 2rem);
    max-block-size: min(48rem, 100vh - 2rem);
    padding: 0;
    border: 0;
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_surface-raised);
    color: var(--_text);
    box-shadow: var(--_shadow);
  }
  .dialog::backdrop {
    /* Older engines do not inherit custom properties into ::backdrop: keep a literal fallback. */
    background: var(--_backdrop, rgb(0 0 0 / 0.45));
  }
  .dialog-body {
    display: grid;
    gap: var(--_space-4);
    padding: var(--_space-5);
  }
  .dialog-heading {
    margin: 0;
    font-size: 1.125em;
    font-weight: 600;
    line-height: 1.3;
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space-2);
  }

  @keyframes reseller-spin {
    to {
      transform: rotate(1turn);
    }
  }
  @keyframes reseller-shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
`;
