import {css} from 'lit';
import {hiddenHead, stackedRows} from '../../styles/stacked-rows.js';

export const styles = css`
  /* Layout from the element's own width (docs/layout.md). */
  :host {
    display: block;
    container: user-list / inline-size;
    --_row-height: calc(var(--_control-height) + 2 * var(--_space-2) + 1px);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-3);
    margin-block-end: var(--_space-3);
  }
  .heading {
    margin: 0;
    font-size: 1.125em;
    font-weight: 600;
  }
  .count {
    margin: 0;
    margin-inline-end: auto;
    color: var(--_text-muted);
  }
  .table td {
    block-size: var(--_row-height);
    white-space: nowrap;
  }
  /* Name and email share the width; the full value stays in the text and the title. */
  .truncate {
    display: inline-block;
    max-inline-size: clamp(7rem, 20cqi, 18rem);
    overflow: hidden;
    text-overflow: ellipsis;
    vertical-align: middle;
  }
  .col-actions {
    inline-size: 1%;
    text-align: end;
  }
  .row-actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space-1);
  }
  .button.danger-text {
    color: var(--_danger-text);
  }
  /* The shared success tint leaves the badge text near 4.4:1; a lighter tint keeps it above 4.5:1. */
  .badge.success {
    background: color-mix(in oklab, var(--_success) 6%, var(--_surface));
  }
  .skeleton-row .skeleton {
    inline-size: 70%;
  }
  .skeleton-row:hover {
    background: none;
  }
  /* Narrower than 900 px: each user a card (name, status and the actions, wrapping as needed;
     then the email and the last sign-in with its column's name). */
  @container user-list (width < 900px) {
    ${stackedRows}
    ${hiddenHead}
    tbody .col-name {
      flex: 1 1 8rem;
      font-weight: 600;
    }
    .truncate {
      max-inline-size: 100%;
    }
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
  }
`;
