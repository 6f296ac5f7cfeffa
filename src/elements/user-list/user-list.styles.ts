import {css} from 'lit';
import {whenStacked} from '../../styles/stacked-rows.js';

/** The user cards (below 900 px, or when the table does not fit: customer-list.styles.ts). */
const cards = css`
  tbody .col-email,
  tbody .col-lastLogin {
    order: 1;
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  tbody .col-email {
    flex: 1 1 100%;
    min-inline-size: 0;
  }
  /* Up to four actions (Resend invitation, Edit name, Deactivate, Remove): a line of their own, wrapping. */
  tbody .col-actions {
    flex: 1 1 100%;
    order: 2;
  }
  .row-actions {
    flex-wrap: wrap;
    justify-content: flex-start;
  }
`;

export const styles = css`
  /* Name and email share the width; the full value stays in the text and the title. */
  :host {
    --_truncate: clamp(7rem, 15cqi, 18rem);
  }
  .count {
    margin: 0;
    margin-inline-end: auto;
    color: var(--_text-muted);
  }
  /* The shared success tint leaves the badge text near 4.4:1; a lighter tint keeps it above 4.5:1. */
  .badge.success {
    background: color-mix(in oklab, var(--_success) 6%, var(--_surface));
  }
  /* Narrower than 900 px: each user a card (name and status; then the email and the last sign-in
     with its column's name; then the actions, wrapping as needed). */
  @container list (width < 900px) {
    ${cards}
  }
  ${whenStacked(cards)}
`;
