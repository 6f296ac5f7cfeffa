import {css} from 'lit';

export const styles = css`
  :host {
    display: block;
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
  .truncate {
    display: inline-block;
    max-inline-size: 18rem;
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
`;
