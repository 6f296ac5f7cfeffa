/**
 * A token's row: cells of the element's table (shared/customer-list.ts draws the head and the
 * skeleton), as a template function (a sub-element would split the table's semantics across
 * shadow roots).
 */
import {html, nothing} from 'lit';
import type {Token} from '../../contract/schemas.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import type {ListView} from '../shared/customer-list.js';
import {renderPermissionBadges} from './token-permissions.js';

export const COLUMNS: ListView['columns'] = [
  ['name', 'tokens.columns.name'],
  ['prefix', 'tokens.columns.prefix'],
  ['permissions', 'tokens.columns.permissions'],
  ['created', 'tokens.columns.created'],
  ['expires', 'tokens.columns.expires'],
  ['lastUsed', 'tokens.columns.lastUsed'],
];

export interface TokenRowsHost {
  i18n: LocaleController;
  onEdit(token: Token): void;
  onRevoke(token: Token): void;
  /** "Now", for the expired badge. */
  now: number;
}

export function renderTokenRow(host: TokenRowsHost, token: Token) {
  const {i18n} = host;
  const t = i18n.t.bind(i18n);
  const expired = token.expires_at !== null && Date.parse(token.expires_at) <= host.now;
  return html`<tr part="row" role="row" data-id=${token.id}>
    <td part="cell" role="cell" class="col-name"><span class="truncate" dir="auto" title=${token.name}>${token.name}</span></td>
    <td part="cell" role="cell" class="col-prefix" data-label=${t('tokens.columns.prefix')}><code class="prefix">${token.prefix}…</code></td>
    <td part="cell" role="cell" class="col-permissions">${renderPermissionBadges(t, token.permissions, t('tokens.columns.permissions'))}</td>
    <td part="cell" role="cell" class="col-created" data-label=${t('tokens.columns.created')}>${i18n.date(token.created_at)}</td>
    <td part="cell" role="cell" class="col-expires" data-label=${t('tokens.columns.expires')}>${token.expires_at
      ? html`${i18n.date(token.expires_at)}${expired ? html` <span class="badge danger">${t('tokens.expired')}</span>` : nothing}`
      : t('tokens.neverExpires')}</td>
    <td part="cell" role="cell" class="col-lastUsed" data-label=${t('tokens.columns.lastUsed')}>${token.last_used_at ? i18n.dateTime(token.last_used_at) : t('tokens.neverUsed')}</td>
    <td part="cell" role="cell" class="col-actions">
      <div class="row-actions">
        <button type="button" class="button ghost" part="edit-button" aria-haspopup="dialog" @click=${() => host.onEdit(token)}>
          ${t('tokens.edit')}<span class="visually-hidden"> <bdi>${token.name}</bdi> (${token.prefix}…)</span></button>
        <button type="button" class="button ghost danger-text revoke" part="revoke-button" @click=${() => host.onRevoke(token)}>
          ${t('tokens.revoke')}<span class="visually-hidden"> <bdi>${token.name}</bdi> (${token.prefix}…)</span></button>
      </div>
    </td>
  </tr>`;
}
