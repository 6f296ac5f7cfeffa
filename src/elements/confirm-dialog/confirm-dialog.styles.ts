import {css} from 'lit';

export const styles = css`
  :host {
    display: contents;
  }
  .dialog {
    inline-size: min(28rem, 100vw - 2rem);
  }
  .message {
    margin: 0;
    color: var(--_text-muted);
  }
`;
