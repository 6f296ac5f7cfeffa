/**
 * The styles of `ResellerCustomerList` (shared/customer-list.ts): header, one-line rows, actions,
 * truncated values and, narrower than 900 px of the element's own width (`@container list`), each
 * row a card: the `col-name` cell first, the element places the rest (docs/layout.md).
 */
import {css} from 'lit';
import {hiddenHead, stackedRows, whenStacked} from '../../styles/stacked-rows.js';

/** Below 900 px (or when the table still does not fit: `fit()` in customer-list.ts), each row a card. */
const cards = css`
  ${stackedRows}
  ${hiddenHead}
  tbody .col-name {
    flex: 1 1 8rem;
    font-weight: 600;
  }
  .truncate {
    max-inline-size: 100%;
  }
`;

export const listStyles = css`
  :host {
    display: block;
    container: list / inline-size;
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
  /* One line per row: data rows and skeleton rows share a height (no jump when data arrives). */
  .table td {
    block-size: var(--_row-height);
    white-space: nowrap;
  }
  /* A truncated value keeps its full text in the title and for screen readers. */
  .truncate {
    display: inline-block;
    max-inline-size: var(--_truncate, 16rem);
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
  .skeleton-row .skeleton {
    inline-size: 70%;
  }
  .skeleton-row:hover {
    background: none;
  }
  @container list (width < 900px) {
    ${cards}
  }
  /* Where the page's language, its font or the data need more room, the table stacks itself (src/dom/fit.ts). */
  ${whenStacked(cards)}
`;
