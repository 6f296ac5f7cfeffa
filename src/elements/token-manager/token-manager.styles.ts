import {css} from 'lit';
import {whenStacked} from '../../styles/stacked-rows.js';

/** The token cards (below 900 px, or when the table does not fit: customer-list.styles.ts). */
const cards = css`
  tbody .col-permissions {
    order: 1;
    flex: 1 0 100%;
  }
  tbody .col-prefix,
  tbody .col-created,
  tbody .col-expires,
  tbody .col-lastUsed {
    order: 2;
    color: var(--_text-muted);
    font-size: 0.875em;
  }
`;

export const styles = css`
  :host {
    --_truncate: 16rem;
  }
  .heading {
    margin-inline-end: auto;
  }
  .prefix,
  .scope {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875em;
  }
  .scope {
    color: var(--_text-muted);
  }
  .permissions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  /* Narrower than 900 px (Firefox's wider text needs 850 px for every column): each token a card
     (its name and actions, then the permissions, then every other value with its column's name). */
  @container list (width < 900px) {
    ${cards}
  }
  ${whenStacked(cards)}

  /* ---- generate dialog ---------------------------------------------------------------------- */
  fieldset.field {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  fieldset.field legend {
    padding: 0;
    margin-block-end: var(--_space-1);
  }
  .check {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    padding-block: var(--_space-1);
  }
  .secret-row {
    display: flex;
    gap: var(--_space-2);
  }
  .secret {
    flex: 1;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  }
`;
