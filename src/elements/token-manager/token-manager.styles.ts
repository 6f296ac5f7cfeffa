import {css} from 'lit';
import {hiddenHead, stackedRows} from '../../styles/stacked-rows.js';

export const styles = css`
  /* Layout from the element's own width (docs/layout.md). */
  :host {
    display: block;
    container: token-manager / inline-size;
    --_row-height: calc(var(--_control-height) + 2 * var(--_space-2) + 1px);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-3);
    margin-block-end: var(--_space-3);
  }
  .heading {
    margin: 0;
    font-size: 1.125em;
    font-weight: 600;
  }
  /* One line per row: data rows and skeleton rows share a height (no jump when data arrives). */
  .table td {
    block-size: var(--_row-height);
    white-space: nowrap;
  }
  .name {
    display: inline-block;
    max-inline-size: 16rem;
    overflow: hidden;
    text-overflow: ellipsis;
    vertical-align: middle;
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
  .col-actions {
    inline-size: 1%;
    text-align: end;
  }
  .button.danger-text {
    color: var(--_danger-text);
  }
  .skeleton-row .skeleton {
    inline-size: 70%;
  }
  .skeleton-row:hover {
    background: none;
  }
  /* Narrower than 900 px (Firefox's wider text needs 850 px for every column): each token a card (its name and Revoke, then the permissions, then every
     other value with its column's name). */
  @container token-manager (width < 900px) {
    ${stackedRows}
    ${hiddenHead}
    tbody .col-name {
      flex: 1 1 8rem;
      font-weight: 600;
    }
    .name {
      max-inline-size: 100%;
    }
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
  }

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
