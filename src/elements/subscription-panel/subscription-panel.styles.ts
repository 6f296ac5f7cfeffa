import {css} from 'lit';
import {hiddenHead, stackedRows} from '../../styles/stacked-rows.js';

export const styles = css`
  /* Layout from the element's own width (docs/layout.md). */
  :host {
    display: block;
    container: subscription-panel / inline-size;
  }
  .panel {
    display: grid;
    gap: var(--_space-5);
    /* A long word (a plan's description, a translation) wraps rather than widening the panel. */
    overflow-wrap: anywhere;
  }
  .heading {
    margin: 0;
    font-size: 1.125em;
    font-weight: 600;
    line-height: 1.3;
  }
  .subheading {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
    gap: var(--_space-3) var(--_space-5);
    margin: 0;
  }
  .facts dt {
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  .facts dd {
    margin: 0;
    font-weight: 500;
  }
  .change {
    display: grid;
    /* Never wider than the panel: a select sized by its longest option would push it out (WebKit). */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-3);
    max-inline-size: 32rem;
    padding-block-start: var(--_space-4);
    border-block-start: 1px solid var(--_border);
  }
  .select {
    appearance: auto;
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  .alert {
    flex-direction: column;
    gap: var(--_space-1);
  }
  .alert p {
    margin: 0;
  }
  .alert-detail {
    font-size: 0.875em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: var(--_space-3);
  }
  .actions .hint {
    margin: 0;
    margin-inline-end: auto;
  }
  .billing,
  .billing-current,
  .billing-history {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-3);
  }
  .billing {
    padding-block-start: var(--_space-4);
    border-block-start: 1px solid var(--_border);
  }
  .billing .subheading {
    font-size: 0.9375em;
  }
  h4.subheading {
    font-weight: 500;
  }
  .history-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2) var(--_space-3);
  }
  .billing .table td,
  .billing .table th {
    white-space: nowrap;
  }
  /* Below 480 px of the panel's own width each past period is a stacked line: the period first,
     then each value with its column's name (the explicit roles keep the table semantics). */
  @container subscription-panel (width < 480px) {
    ${stackedRows}
    ${hiddenHead}
    .billing .table td,
    .billing .table th {
      white-space: normal;
    }
    .table th[scope='row'] {
      flex: 1 0 100%;
      font-weight: 600;
    }
  }
`;
