import {css} from 'lit';

export const styles = css`
  /* Layout from the element's own width (docs/layout.md). */
  :host {
    display: block;
    container: transcript-viewer / inline-size;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
    margin-block-end: var(--_space-3);
  }
  .title {
    margin: 0;
    font-size: 1.125em;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .summary {
    margin: 0;
    margin-inline-end: auto;
    color: var(--_text-muted);
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    inline-size: 100%;
  }
  .search {
    flex: 1 1 12em;
    min-inline-size: 0;
  }
  .match-count {
    min-inline-size: 6em;
    color: var(--_text-muted);
  }
  .segments {
    max-block-size: var(--_transcript-height);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .segments:focus-visible {
    outline: 2px solid var(--_brand);
    outline-offset: 2px;
  }
  .block {
    margin: 0;
    padding: 0;
    list-style: none;
    /* Off-screen blocks skip layout and paint: a two-hour transcript opens without jank. */
    content-visibility: auto;
    contain-intrinsic-size: auto 6000px;
  }
  /* A block not built yet (it is, a task or a few later): about its height, so the scroll bar holds still. */
  .block.pending {
    min-block-size: 6000px;
  }
  .segment {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0 var(--_space-3);
    padding: var(--_space-2) var(--_space-3);
    border-block-end: 1px solid var(--_border);
  }
  .speaker {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .time {
    color: var(--_text-muted);
    font-variant-numeric: tabular-nums;
  }
  .text {
    grid-column: 1 / -1;
    margin: 0;
    overflow-wrap: anywhere;
  }
  mark {
    background: color-mix(in oklab, var(--_warning) 35%, transparent);
    color: inherit;
  }
  mark.current {
    outline: 2px solid var(--_brand);
  }
  .documents,
  .documents-state {
    margin-block-end: var(--_space-3);
  }
`;
