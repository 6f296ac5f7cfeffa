/**
 * Stacked rows: a `.table` whose rows become cards, for an element's narrow container widths.
 * Interpolate it inside the element's own container query (the breakpoint is the element's):
 *
 * ```ts
 * css`@container my-list (width < 600px) { ${stackedRows} ${hiddenHead} .col-title { flex: 1 1 0; } }`
 * ```
 *
 * The table keeps its cells, controls and order; the element's template puts explicit `role`s on
 * the table, row groups, rows and cells, so screen readers keep the table semantics when
 * `display` changes. A cell with `data-label` shows its column's name before the value (hidden
 * from screen readers, which announce the column header).
 */
import {css, type CSSResult} from 'lit';

export const stackedRows = css`
  .table,
  .table thead,
  .table tbody {
    display: block;
  }
  .table tr {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-1) var(--_space-3);
    padding: var(--_space-2) var(--_space-3);
    border-block-end: 1px solid var(--_border);
  }
  .table tbody tr:last-child {
    border-block-end: 0;
  }
  .table td,
  .table th[scope='row'] {
    display: block;
    block-size: auto;
    min-inline-size: 0;
    padding: 0;
    border: 0;
    text-align: start;
  }
  /* The actions cell takes its controls' width; a loading row's placeholders share the line. */
  .table tbody .col-actions {
    inline-size: auto;
  }
  .table .skeleton-row td {
    flex: 1 1 4rem;
  }
  .table td[data-label]::before {
    content: attr(data-label) ': ';
    content: attr(data-label) ': ' / '';
    color: var(--_text-muted);
  }
`;

/** With `stackedRows`: the header row visually hidden (still the cells' headers for screen readers). */
export const hiddenHead = css`
  .table thead {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/**
 * An element's card rules once more for the `stacked` step of `fit()` (src/dom/fit.ts): the same
 * cards its container query shows, where the table does not fit its container at a wider width.
 */
export const whenStacked = (cards: CSSResult) => css`
  .table-scroll[data-fit~='stacked'] {
    ${cards}
  }
`;
