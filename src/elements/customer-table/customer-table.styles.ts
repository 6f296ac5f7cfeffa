import {css} from 'lit';
import {stackedRows, whenStacked} from '../../styles/stacked-rows.js';

/** Below 640 px (or when the table still does not fit: `fit()`), every row a card. */
const cards = css`
  ${stackedRows}
  .table caption {
    display: block;
  }
  .table thead tr {
    gap: var(--_space-1) var(--_space-3);
    background: var(--_surface-sunken);
  }
  .table th {
    position: static;
    display: block;
    padding: 0;
    border: 0;
  }
  .table th.col-actions {
    display: none;
  }
  .table td.col-phone,
  .table td.col-created_at,
  .table td.col-meta {
    display: block;
  }
  tbody .col-name {
    flex: 1 1 0;
    font-weight: 600;
  }
  tbody .col-status {
    order: 1;
  }
  tbody .col-actions {
    order: 2;
  }
  tbody .col-email {
    order: 3;
    flex: 1 0 100%;
    display: flex;
    align-items: center;
  }
  tbody .col-id,
  tbody .col-phone,
  tbody .col-created_at,
  tbody .col-meta {
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  tbody .col-phone,
  tbody .col-created_at,
  tbody .col-meta {
    order: 4;
  }
  tbody .col-meta:empty {
    display: none;
  }
  tbody .col-phone:empty {
    display: none;
  }
  .open {
    max-inline-size: 100%;
  }
  .col-name .open {
    max-inline-size: calc(100% - 0.5em);
  }
`;

export const styles = css`
  /* Layout follows the element's own width (its container), never the viewport; see "Layout" in
     the README for the column priorities and breakpoints. */
  :host {
    display: block;
    container: customer-table / inline-size;
    --_row-height: calc(var(--_control-height) + 2 * var(--_space-2) + 1px);
  }
  .icon {
    inline-size: 1em;
    block-size: 1em;
    flex: none;
  }

  /* ---- toolbar ------------------------------------------------------------------------------ */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-3);
    margin-block-end: var(--_space-3);
  }
  .search {
    position: relative;
    flex: 1 1 16rem;
    max-inline-size: 28rem;
  }
  .search .icon {
    position: absolute;
    inset-block-start: 50%;
    inset-inline-start: var(--_space-3);
    translate: 0 -50%;
    color: var(--_text-muted);
    pointer-events: none;
  }
  .search .input {
    padding-inline-start: calc(var(--_space-3) * 2 + 1em);
  }
  .filter {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
  }
  .filter .input {
    inline-size: auto;
  }
  .new-button {
    margin-inline-start: auto;
  }

  /* ---- table -------------------------------------------------------------------------------- */
  /* One line per row, so every row (and every skeleton row) has the same height. */
  .table td {
    block-size: var(--_row-height);
    white-space: nowrap;
  }
  /* Name and email links share the width left over; the full value stays in the link's text (its
     accessible name) and its title. */
  .open {
    display: inline-block;
    max-inline-size: clamp(7rem, 22cqi, 18rem);
    overflow: hidden;
    text-overflow: ellipsis;
    vertical-align: middle;
    white-space: nowrap;
  }
  .table[aria-busy='true'] .sort-button {
    cursor: progress;
  }
  /* Another page, sort or filter is loading: the last rows stay, dimmed once the wait is noticeable
     (a fast answer never flickers), back at once when the new rows are in. */
  .table[aria-busy='true'] tbody:not([part~='skeleton']) {
    opacity: 0.55;
    transition: opacity 0.2s 0.15s;
    cursor: progress;
  }
  .sort-button .icon {
    opacity: 0.45;
  }
  th[aria-sort] .sort-button {
    color: var(--_text);
  }
  th[aria-sort] .sort-button .icon {
    opacity: 1;
  }
  /* A phone number is shown as stored (E.164, \`+31612345678\`) and is left-to-right text in every
     locale: the cell has dir="ltr" (else a right-to-left page shows \`31612345678+\`), yet it sits
     where the page's direction puts a cell's text (right in RTL), not at the left. */
  .table tr:dir(rtl) > td.col-phone {
    text-align: right;
  }
  .col-actions {
    inline-size: 1%;
    text-align: end;
  }
  .copy {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    padding: var(--_space-1);
    margin: calc(-1 * var(--_space-1));
    border: 0;
    border-radius: var(--_radius-small);
    background: none;
    color: inherit;
    cursor: copy;
  }
  .copy .icon {
    color: var(--_text-muted);
  }
  .copy:hover {
    background: var(--_hover);
  }
  .copy:hover .icon,
  .copy:focus-visible .icon {
    color: var(--_brand-text);
  }
  /* With a mouse, the copy icons show on the row under the pointer or holding focus; the copy-ID
     button keeps its ID text, the copy-email button its place and focusability (Tab into it puts
     focus in its row, which shows its icon). Touch screens (no hover) always show them. The 200
     icons not drawn take ~13 % off a 100-row first render's CPU (docs/benchmarks.md). */
  @media (hover: hover) {
    tbody tr:not(:hover, :focus-within) .copy .icon {
      display: none;
    }
    /* The hidden icon's place stays reserved: nothing moves when it shows. */
    tbody tr:not(:hover, :focus-within) .copy {
      padding-inline-end: calc(2 * var(--_space-1) + 1em);
    }
    tbody tr:not(:hover, :focus-within) .copy.icon-only {
      padding-inline-end: calc(var(--_space-1) + 1em);
      block-size: calc(2 * var(--_space-1) + 1em);
    }
  }
  .col-email .copy {
    margin: 0;
    margin-inline-start: var(--_space-2);
    vertical-align: middle;
  }
  /* The shared success tint leaves the badge text at 4.4:1; a lighter tint keeps it above 4.5:1. */
  .badge.success {
    background: color-mix(in oklab, var(--_success) 6%, var(--_surface));
  }
  .skeleton-row .skeleton {
    inline-size: 70%;
  }
  .skeleton-row:hover {
    background: none;
  }

  /* Metadata columns (metadata-columns): a long value is cut with an ellipsis; the cell's title and
     the customer's detail page hold all of it. */
  .meta-value {
    display: inline-block;
    max-inline-size: clamp(5rem, 12cqi, 12rem);
    overflow: hidden;
    text-overflow: ellipsis;
    vertical-align: middle;
  }

    /* ---- columns giving way, then stacked rows (container widths, see the README) ----------- */
  /* Below 1080 px Registered gives way, below 840 px Phone; Name, Email, ID, Status and the row
     actions stay. The hidden values are on the customer's detail page and in the stacked rows. */
  /* Metadata columns give way first (below 1280 px), before Registered and Phone; in the stacked
     rows below 640 px they come back as labelled lines. */
  @container customer-table (width < 1280px) {
    .col-meta {
      display: none;
    }
  }
  @container customer-table (width < 1080px) {
    .col-created_at {
      display: none;
    }
  }
  @container customer-table (width < 840px) {
    .col-phone {
      display: none;
    }
  }
  /* Below 640 px every row is a card: ID, Name, Status and the actions menu on the first line,
     then the email with its copy button, then phone and registration date. Still the same table
     (the explicit roles in the template keep the table semantics when \`display\` changes), the
     same controls in the same order; the header row becomes a wrapping bar of sort buttons. */
  @container customer-table (width < 640px) {
    ${cards}
  }
  /* Where the words of the page's language, its font or the data need more room than these
     breakpoints give, the table takes the same steps itself (src/dom/fit.ts). */
  .table-scroll[data-fit~='no-meta'] .col-meta,
  .table-scroll[data-fit~='no-created'] .col-created_at,
  .table-scroll[data-fit~='no-phone'] .col-phone {
    display: none;
  }
  ${whenStacked(cards)}
`;
