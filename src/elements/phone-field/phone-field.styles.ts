import {css} from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .input {
    font-variant-numeric: tabular-nums;
  }
`;
