import {css} from 'lit';
import {hiddenHead, stackedRows, whenStacked} from '../../styles/stacked-rows.js';

/** Below 600 px (or when the table still does not fit: `fit()`), each transcript a card. */
const cards = css`
  ${stackedRows}
  ${hiddenHead}
  .table td.col-customer,
  .table td.col-duration,
  .table td.col-language {
    display: block;
  }
  tbody .col-title {
    flex: 1 1 0;
    font-weight: 600;
  }
  .truncate {
    max-inline-size: 100%;
  }
  /* A card's detail lines wrap after their label ("Language: Arabic (United Arab Emirates)" ran
     past a 290 px card in Firefox); the customer's name wraps whole rather than cut. */
  tbody .col-customer,
  tbody .col-duration,
  tbody .col-language,
  tbody .col-created {
    order: 1;
    color: var(--_text-muted);
    font-size: 0.875em;
    white-space: normal;
    overflow-wrap: anywhere;
  }
  .col-customer .truncate,
  .col-language .truncate {
    display: inline;
    max-inline-size: none;
  }
  tbody .col-customer {
    flex: 1 0 100%;
  }
  tbody .col-documents {
    order: 2;
    inline-size: auto;
    margin-inline-start: auto;
  }
  .table .documents-row {
    padding: 0;
  }
  .table .documents-row td {
    flex: 1 0 100%;
    padding: var(--_space-2) var(--_space-3);
  }
  .skeleton-row td {
    flex: 1 1 4rem;
  }
`;

export const styles = css`
  /* Layout from the element's own width (see "Layout" in the README). */
  :host {
    display: block;
    container: transcription-list / inline-size;
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
  /* Title and customer share the width; the full text stays in the cell (and its title). */
  .truncate {
    display: inline-block;
    max-inline-size: clamp(7rem, 20cqi, 16rem);
    overflow: hidden;
    text-overflow: ellipsis;
    vertical-align: middle;
  }
  .col-documents {
    inline-size: 1%;
    text-align: end;
  }
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space-1);
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

  .col-customer .truncate {
    max-inline-size: clamp(6rem, 14cqi, 12rem);
  }
  /* "Arabic (United Arab Emirates)", "Arabisch (Vereinigte Arabische Emirate)": unbounded, the
     language took 272 px and the table ran 13 px past a 1280 px container in Firefox. */
  .col-language .truncate {
    max-inline-size: clamp(6rem, 11cqi, 12rem);
  }

  /* ---- columns giving way, then stacked rows (container widths, see the README) ------------- */
  /* Title, Status and Documents stay; Language gives way below 1100 px, Duration below 900 px,
     Customer below 840 px (Firefox's wider text needs that much); below 600 px each transcript is a card (title and status, then every
     value with its column's name, then Documents). */
  @container transcription-list (width < 1100px) {
    .col-language {
      display: none;
    }
  }
  @container transcription-list (width < 900px) {
    .col-duration {
      display: none;
    }
  }
  @container transcription-list (width < 840px) {
    .col-customer {
      display: none;
    }
  }
  @container transcription-list (width < 600px) {
    ${cards}
  }
  /* Where the words of the page's language, its font or the data need more room than these
     breakpoints give, the table takes the same steps itself (src/dom/fit.ts). */
  .table-scroll[data-fit~='no-language'] .col-language,
  .table-scroll[data-fit~='no-duration'] .col-duration,
  .table-scroll[data-fit~='no-customer'] .col-customer {
    display: none;
  }
  ${whenStacked(cards)}

  .icon {
    inline-size: 1em;
    block-size: 1em;
    flex: none;
  }
`;
