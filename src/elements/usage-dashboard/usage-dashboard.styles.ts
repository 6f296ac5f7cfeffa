import {css} from 'lit';
import {hiddenHead, stackedRows, whenStacked} from '../../styles/stacked-rows.js';

/** A list's cards (below 560 px, or when its table does not fit: `fit()` in dashboard-sections.ts). */
const cards = css`
  ${stackedRows}
  ${hiddenHead}
  .table tr {
    gap: var(--_space-1) var(--_space-4);
  }
  /* One line per value: a card's height does not depend on how long its values are (so the
     loading cards, with the same lines, are as tall as the loaded ones). */
  .table th[scope='row'],
  .table td {
    flex: 1 0 100%;
  }
  .name {
    max-inline-size: 100%;
  }
`;

export const styles = css`
  /* Layout from the element's own width (see "Layout" in the README). */
  :host {
    display: block;
    container: usage-dashboard / inline-size;
  }
  .icon {
    inline-size: 1em;
    block-size: 1em;
    flex: none;
  }
  .totals {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(12rem, 100%), 1fr));
    gap: var(--_space-3);
    margin: 0 0 var(--_space-3);
  }
  .total {
    display: grid;
    align-content: start;
    gap: var(--_space-1);
    min-block-size: 6.5rem;
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .total dt {
    color: var(--_text-muted);
  }
  .total dd {
    margin: 0;
  }
  .total .hint {
    font-size: 0.875em;
  }
  .total-value {
    font-size: 1.75em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  /* Loading placeholders as tall as the loaded line they stand for (no layout shift on arrival). */
  .text-skeleton {
    display: inline-block;
    inline-size: 6ch;
    max-inline-size: 100%;
    vertical-align: top;
  }
  .show-all-placeholder {
    block-size: var(--_control-height);
    margin-block-start: var(--_space-2);
  }
  /* The change line keeps two lines' place, loading and loaded: "No usage in the previous period"
     wraps in a 12rem card (in Firefox 140's fonts even at 768 px), and a second line arriving with
     the data would shift the page. */
  .total-change {
    font-size: 0.875em;
    line-height: 1.5;
    min-block-size: 3em;
  }
  .change {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    color: var(--_text-muted);
  }
  .change.up {
    color: var(--_success-text);
  }
  .change.down {
    color: var(--_danger-text);
  }
  /* Top customers and near quota side by side only from 1100 px (each list then has 530 px or
     more, enough for its columns with long names); one above the other below. */
  .lists {
    display: grid;
    gap: var(--_space-5);
    margin-block-start: var(--_space-5);
  }
  @container usage-dashboard (width >= 1100px) {
    .lists {
      grid-template-columns: 1fr 1fr;
      align-items: start;
    }
  }
  .list {
    container: dashboard-list / inline-size;
    min-inline-size: 0;
  }
  .name {
    display: inline-block;
    max-inline-size: max(8rem, 100cqi - 26rem);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    vertical-align: bottom;
  }
  .show-all {
    margin-block-start: var(--_space-2);
  }
  /* A list narrower than 560 px (Firefox's wider text needs that much): each row a small card, the customer on the first line and each
     value on a line of its own under it with its column's name (the explicit roles keep the table semantics). */
  @container dashboard-list (width < 560px) {
    ${cards}
  }
  ${whenStacked(cards)}
`;
