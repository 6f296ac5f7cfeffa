import {css} from 'lit';

export const styles = css`
  /* Layout from the element's own width (see "Layout" in the README). */
  :host {
    display: block;
    container: usage-chart / inline-size;
    --_chart-height: 240px;
    --_bar: var(--_brand);
    --_bar-hover: var(--_brand-active);
  }
  .icon {
    inline-size: 1.1em;
    block-size: 1.1em;
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
  .toolbar .input {
    inline-size: auto;
  }
  .custom {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-2);
  }
  .custom .field-error {
    flex-basis: 100%;
  }
  .actions {
    display: flex;
    gap: var(--_space-2);
    margin-inline-start: auto;
  }
  /* Narrower than 480 px: the selects share the lines, the two buttons a line of their own. */
  @container usage-chart (width < 480px) {
    .toolbar > .field {
      flex: 1 1 8rem;
    }
    .toolbar .input {
      inline-size: 100%;
    }
    .actions {
      flex: 1 1 100%;
      flex-wrap: wrap;
      margin-inline-start: 0;
    }
    /* Side by side when both labels fit, else one a line ("Als Tabelle anzeigen" + "CSV exportieren" at 320 px). */
    .actions .button {
      flex: 1 1 auto;
    }
  }

  /* ---- quota (the meter itself: shared/quota-meter.ts) ---------------------------------------- */
  .quota {
    min-block-size: 4.5rem;
    margin-block-end: var(--_space-3);
  }

  /* ---- chart area --------------------------------------------------------------------------- */
  .area {
    position: relative;
    block-size: var(--_chart-height);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    overflow: hidden;
  }
  .area.table-area {
    block-size: auto;
    min-block-size: var(--_chart-height);
    border: 0;
  }
  .area > .state {
    block-size: 100%;
    align-content: center;
  }
  .plot {
    position: relative;
    block-size: 100%;
  }
  .chart {
    display: block;
    overflow: visible;
    font-size: 0.75rem;
    touch-action: pan-y;
  }
  .grid-lines {
    fill: none;
    stroke: var(--_border);
    stroke-width: 1;
    shape-rendering: crispEdges;
  }
  .baseline {
    stroke: var(--_border-strong);
    shape-rendering: crispEdges;
  }
  /* The plot keeps reading left to right under dir="rtl" (docs/layout.md): without this, the value
     labels' text-anchor="end" resolves against rtl and the labels run into the plot. */
  svg.chart {
    direction: ltr;
  }
  .y-label,
  .x-label {
    fill: var(--_text-muted);
  }
  .bars {
    fill: var(--_bar);
  }
  .bar-shown {
    fill: var(--_bar-hover);
  }
  .band {
    fill: var(--_brand-subtle);
  }
  /* The keyboard cursor: the current period's band, outlined while it has keyboard focus. */
  .thumb {
    fill: transparent;
    outline: none;
  }
  .thumb:focus-visible {
    stroke: var(--_focus-ring);
    stroke-width: 2;
  }
  .tooltip {
    /* Chart coordinates set from script (CSSOM): physical properties on purpose. */
    position: absolute;
    left: var(--_tip-x, 0px);
    top: var(--_tip-y, 0px);
    translate: -50% calc(-100% - 0.5rem);
    display: grid;
    gap: 0.125rem;
    padding: var(--_space-1) var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    background: var(--_surface-raised);
    box-shadow: var(--_shadow);
    font-size: 0.875em;
    white-space: nowrap;
    pointer-events: none;
    z-index: 1;
  }
  .usage-table {
    max-block-size: 28rem;
    overflow: auto;
  }
  .usage-table thead th {
    position: sticky;
    inset-block-start: 0;
    background: var(--_surface);
  }
  .summary {
    margin: var(--_space-2) 0 0;
    color: var(--_text-muted);
  }
  .summary.pending {
    visibility: hidden;
  }
`;
