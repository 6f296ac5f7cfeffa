/**
 * The token table: head, data rows and skeleton rows, as template functions of the element (a
 * sub-element would split the table's semantics across shadow roots).
 */
import {html, nothing} from 'lit';
import {repeat} from 'lit/directives/repeat.js';
import type {Token} from '../../contract/schemas.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import type {MessageKey} from '../../i18n/en.js';

export const COLUMNS = ['name', 'prefix', 'permissions', 'created', 'expires', 'lastUsed'] as const;
type Column = (typeof COLUMNS)[number];

const LABELS: Record<Column, MessageKey> = {
  name: 'tokens.columns.name',
  prefix: 'tokens.columns.prefix',
  permissions: 'tokens.columns.permissions',
  created: 'tokens.columns.created',
  expires: 'tokens.columns.expires',
  lastUsed: 'tokens.columns.lastUsed',
};

export interface TokenRowsHost {
  i18n: LocaleController;
  onRevoke(token: Token): void;
  /** "Now", for the expired badge. */
  now: number;
}

/** The whole table: data rows, or `skeleton` placeholder rows while loading. */
export function renderTokenTable(host: TokenRowsHost, tokens: readonly Token[] | null, skeleton: number) {
  const {i18n} = host;
  return html`<div class="table-scroll">
    <table class="table" part="table" role="table" aria-busy=${tokens ? 'false' : 'true'}>
      <caption class="visually-hidden">${i18n.t('tokens.heading')}${tokens ? nothing : html`, ${i18n.t('tokens.loading')}`}</caption>
      <thead role="rowgroup">
        <tr part="header-row" role="row">
          ${COLUMNS.map((c) => html`<th scope="col" role="columnheader" part="header-cell" class=${`col-${c}`}>${i18n.t(LABELS[c])}</th>`)}
          <th scope="col" role="columnheader" part="header-cell" class="col-actions"><span class="visually-hidden">${i18n.t('tokens.columns.actions')}</span></th>
        </tr>
      </thead>
      ${tokens
        ? html`<tbody role="rowgroup">${repeat(tokens, (t) => t.id, (t) => renderRow(host, t))}</tbody>`
        : html`<tbody part="skeleton" aria-hidden="true">
            ${Array.from({length: skeleton}, () => html`<tr class="skeleton-row">
              ${COLUMNS.map(() => html`<td><span class="skeleton"></span></td>`)}<td class="col-actions"></td></tr>`)}
          </tbody>`}
    </table>
  </div>`;
}

function renderRow(host: TokenRowsHost, token: Token) {
  const {i18n} = host;
  const expired = token.expires_at !== null && Date.parse(token.expires_at) <= host.now;
  return html`<tr part="row" role="row" data-id=${token.id}>
    <td part="cell" role="cell" class="col-name"><span class="name" title=${token.name}>${token.name}</span></td>
    <td part="cell" role="cell" class="col-prefix" data-label=${i18n.t(LABELS.prefix)}><code class="prefix">${token.prefix}…</code></td>
    <td part="cell" role="cell" class="col-permissions">
      <ul class="permissions" aria-label=${i18n.t('tokens.columns.permissions')}>
        ${token.permissions.map((p) => html`<li class="badge" title=${p}>${i18n.t(`tokens.permissions.${p}`)}</li>`)}
      </ul>
    </td>
    <td part="cell" role="cell" class="col-created" data-label=${i18n.t(LABELS.created)}>${i18n.date(token.created_at)}</td>
    <td part="cell" role="cell" class="col-expires" data-label=${i18n.t(LABELS.expires)}>${token.expires_at
      ? html`${i18n.date(token.expires_at)}${expired ? html` <span class="badge danger">${i18n.t('tokens.expired')}</span>` : nothing}`
      : i18n.t('tokens.neverExpires')}</td>
    <td part="cell" role="cell" class="col-lastUsed" data-label=${i18n.t(LABELS.lastUsed)}>${token.last_used_at ? i18n.dateTime(token.last_used_at) : i18n.t('tokens.neverUsed')}</td>
    <td part="cell" role="cell" class="col-actions">
      <button type="button" class="button ghost danger-text revoke" part="revoke-button" @click=${() => host.onRevoke(token)}>
        ${i18n.t('tokens.revoke')}<span class="visually-hidden"> <bdi>${token.name}</bdi> (${token.prefix}…)</span></button>
    </td>
  </tr>`;
}
