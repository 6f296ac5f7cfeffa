import {css} from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .icon {
    inline-size: 1em;
    block-size: 1em;
    flex: none;
  }
  .totals {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
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
  .total-skeleton {
    display: block;
    block-size: 2rem;
  }
  .change {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  .change.up {
    color: var(--_success-text);
  }
  .change.down {
    color: var(--_danger-text);
  }
  .lists {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
    gap: var(--_space-5);
    margin-block-start: var(--_space-5);
  }
  .section-heading {
    margin: 0 0 var(--_space-2);
    font-size: 1.125em;
  }
  .none {
    margin: 0;
    color: var(--_text-muted);
  }
  .percent {
    margin-inline-start: var(--_space-2);
  }
  .table th[scope='row'] {
    font-weight: normal;
  }
`;
