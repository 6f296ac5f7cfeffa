import {css} from 'lit';

export const styles = css`
  :host {
    display: block;
    --_row-height: calc(var(--_control-height) + 2 * var(--_space-2) + 1px);
  }

  /* ---- filters ------------------------------------------------------------------------------ */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: start;
    gap: var(--_space-3);
    margin-block-end: var(--_space-3);
  }
  .toolbar .search {
    flex: 1 1 14rem;
    max-inline-size: 24rem;
  }
  .toolbar .date .input {
    inline-size: auto;
  }

  /* ---- table -------------------------------------------------------------------------------- */
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
  .col-documents {
    inline-size: 1%;
    text-align: end;
  }
  /* The shared success tint leaves the badge text near 4.4:1; a lighter tint keeps it above 4.5:1. */
  .badge.success {
    background: color-mix(in oklab, var(--_success) 6%, var(--_surface));
  }
  .skeleton-row .skeleton {
    inline-size: 70%;
  }
  .skeleton-row:hover,
  .documents-row:hover {
    background: none;
  }
  .table .documents-row td {
    block-size: auto;
    white-space: normal;
    background: var(--_surface-sunken);
  }
  .documents {
    display: grid;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .document {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-3);
  }
  .filename {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  .size {
    color: var(--_text-muted);
  }
  .document .button {
    margin-inline-start: auto;
  }
  .documents-state {
    display: flex;
    align-items: center;
    gap: var(--_space-3);
    margin: 0;
    min-block-size: var(--_control-height);
  }
  .documents-skeleton {
    inline-size: 50%;
  }

  .icon {
    inline-size: 1em;
    block-size: 1em;
    flex: none;
  }
`;
