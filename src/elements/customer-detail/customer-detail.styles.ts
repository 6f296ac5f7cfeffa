import {css} from 'lit';

export const styles = css`
  /* Layout from the element's own width (docs/layout.md). */
  :host {
    display: block;
    container: customer-detail / inline-size;
  }
  .form {
    display: grid;
    gap: var(--_space-5);
    margin: 0;
  }
  .header {
    display: grid;
    gap: var(--_space-2);
  }
  .heading {
    margin: 0;
    font-size: 1.25em;
    font-weight: 600;
    line-height: 1.3;
    /* A long unbroken name wraps instead of widening the header (and the page). */
    overflow-wrap: anywhere;
  }
  .subheading {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-6);
    margin: 0;
  }
  .facts dt {
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  .facts dd {
    display: flex;
    align-items: center;
    gap: var(--_space-1);
    min-block-size: var(--_control-height);
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  .copy {
    padding-inline: var(--_space-2);
  }
  .icon {
    inline-size: 1em;
    block-size: 1em;
    flex: none;
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(16rem, 100%), 1fr));
    gap: var(--_space-4);
  }
  .checkbox-field {
    align-content: center;
  }
  .checkbox-row {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
  }
  .metadata {
    display: grid;
    gap: var(--_space-3);
    margin: 0;
    padding: var(--_space-4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .legend {
    padding-inline: var(--_space-1);
    font-weight: 600;
  }
  .row {
    display: grid;
    grid-template-columns: minmax(8rem, 1fr) minmax(10rem, 2fr) auto;
    align-items: end;
    gap: var(--_space-3);
  }
  /* A metadata row narrower than 480 px: the key on its own line, then the value and Remove. */
  @container customer-detail (width < 480px) {
    .row {
      grid-template-columns: minmax(0, 1fr) auto;
    }
    .row > .field:first-child {
      grid-column: 1 / -1;
    }
  }
  .alert {
    flex-direction: column;
    gap: var(--_space-2);
  }
  .alert p {
    margin: 0;
  }
  .alert.conflict {
    /* The shared warning text colour is too light on its tint for body text: text colour, warning border. */
    color: var(--_text);
  }
  .alert-title {
    font-weight: 600;
  }
  .alert-detail {
    font-size: 0.875em;
  }
  .alert-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space-2);
  }
  .actions .delete {
    margin-inline-end: auto;
  }
  .skeleton-form .field {
    gap: var(--_space-2);
  }
  .skeleton-heading {
    inline-size: 14rem;
    block-size: 1.6em;
  }
  .skeleton-facts {
    inline-size: 22rem;
    max-inline-size: 100%;
    block-size: var(--_control-height);
  }
  .skeleton-label {
    inline-size: 6rem;
  }
  .skeleton-input {
    block-size: var(--_control-height);
  }
  .tabs {
    display: grid;
    /* A wide list in a panel (long names) scrolls in its own table, not the whole detail. */
    grid-template-columns: minmax(0, 1fr);
    margin-block-start: var(--_space-6);
  }
  .tablist {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
    border-block-end: 1px solid var(--_border);
  }
  .tab {
    margin-block-end: -1px;
    padding-block: var(--_space-2);
    padding-inline: var(--_space-4);
    border: 0;
    border-block-end: 3px solid transparent;
    background: none;
    color: var(--_text-muted);
    font-weight: 500;
    cursor: pointer;
  }
  .tab:hover {
    color: var(--_text);
    background: var(--_hover);
  }
  .tab[aria-selected='true'] {
    border-block-end-color: var(--_brand);
    color: var(--_brand-text);
  }
  .tabpanel {
    padding-block: var(--_space-5);
  }
  .tabpanel:focus-visible {
    outline-offset: -2px;
  }
  .usage-fallback {
    display: grid;
    gap: var(--_space-3);
    max-inline-size: 36rem;
  }
`;
