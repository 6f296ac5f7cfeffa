import {css} from 'lit';

export const styles = css`
  :host {
    display: contents;
  }
  fieldset {
    display: grid;
    gap: var(--_space-3);
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    margin-block-end: var(--_space-2);
    padding: 0;
    font-weight: 600;
  }
  .pair {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
  }
  .pair .field {
    flex: 1 1 10rem;
    min-inline-size: 0;
  }
  .columns {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-4);
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    overflow-wrap: anywhere;
  }
  .clear {
    margin-inline-end: auto;
  }
`;
