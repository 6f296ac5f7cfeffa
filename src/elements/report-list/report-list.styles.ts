/**
 * `<reseller-report-list>`: header, one-line rows and, narrower than 1120 px of the element's own
 * width (`@container reports`), each report a card: the month and its status first, the totals
 * with their column's name, the downloads last (docs/layout.md).
 */
import {css} from 'lit';
import {hiddenHead, stackedRows} from '../../styles/stacked-rows.js';

export const styles = css`
  :host {
    display: block;
    container: reports / inline-size;
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
  /* A server's reason can be one long unbroken word (a URL): it wraps inside the element. */
  .alert {
    margin-block: 0 var(--_space-3);
    overflow-wrap: anywhere;
  }
  .table td,
  .table th[scope='row'] {
    block-size: var(--_row-height);
    white-space: nowrap;
  }
  .table th[scope='row'] {
    font-weight: 600;
    text-align: start;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
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
  .skeleton-row .skeleton {
    inline-size: 70%;
  }
  .skeleton-row:hover {
    background: none;
  }
  /* The shared success tint leaves the badge text near 4.4:1; a lighter tint keeps it above 4.5:1. */
  .badge.success {
    background: color-mix(in oklab, var(--_success) 6%, var(--_surface));
  }

  /* Settings dialog. */
  .checkbox-field {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-2);
  }
  .checkbox-field input {
    flex: none;
    margin-block-start: 0.2em;
  }
  .recipients {
    display: grid;
    gap: var(--_space-2);
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .recipients .hint {
    margin: 0;
  }
  .recipient-list {
    display: grid;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .recipient {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-1) var(--_space-2);
  }
  .recipient .input {
    flex: 1 1 12rem;
    inline-size: auto;
    min-inline-size: 0;
  }
  .recipient .field-error {
    flex: 1 1 100%;
  }
  .recipients [part~='add-recipient'] {
    justify-self: start;
  }
  .dialog-loading {
    margin: 0;
  }

  @container reports (width < 1120px) {
    ${stackedRows}
    ${hiddenHead}
    tbody .col-month {
      flex: 1 1 8rem;
    }
    tbody .num,
    tbody .col-generated {
      color: var(--_text-muted);
      font-size: 0.875em;
      text-align: start;
    }
    tbody .col-generated {
      flex: 1 1 100%;
    }
    tbody .col-actions {
      margin-inline-start: auto;
    }
  }
`;
