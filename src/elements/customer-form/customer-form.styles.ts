import {css} from 'lit';

export const styles = css`
  :host {
    display: contents;
  }
  :host([inline]) {
    display: block;
  }
  .form {
    display: grid;
    gap: var(--_space-4);
    margin: 0;
  }
  :host([inline]) .form {
    max-inline-size: 36rem;
  }
  .dialog .form {
    padding: var(--_space-5);
  }
  .heading {
    margin: 0;
    font-size: 1.125em;
    font-weight: 600;
    line-height: 1.3;
  }
  .description {
    margin: 0;
    margin-block-start: calc(var(--_space-3) * -1);
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  .select {
    appearance: auto;
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
    gap: var(--_space-2);
    margin-block-start: var(--_space-2);
  }
  .actions .clear {
    margin-inline-end: auto;
  }
`;
