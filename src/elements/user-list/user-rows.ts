/** A user's row: cells of the element's table (status badge, last sign-in, actions). */
import {html, nothing} from 'lit';
import type {User, UserStatus} from '../../contract/schemas.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import type {ListView} from '../shared/customer-list.js';

export const COLUMNS: ListView['columns'] = [
  ['name', 'users.columns.name'],
  ['email', 'users.columns.email'],
  ['status', 'users.columns.status'],
  ['lastLogin', 'users.columns.lastLogin'],
];
const BADGES: Record<UserStatus, string> = {active: 'badge success', invited: 'badge brand', inactive: 'badge'};

export interface UserRowsHost {
  i18n: LocaleController;
  /** Users whose status change or resend is running. */
  busy: ReadonlySet<number>;
  onStatus(user: User, status: 'active' | 'inactive'): void;
  onResend(user: User): void;
  onEditName(user: User): void;
  onRemove(user: User): void;
}

export function renderUserRow(host: UserRowsHost, user: User) {
  const {i18n} = host;
  const t = i18n.t.bind(i18n);
  const next = user.status === 'inactive' ? 'active' : 'inactive';
  const busy = host.busy.has(user.id);
  const who = html`<span class="visually-hidden"> <bdi>${user.name}</bdi></span>`;
  return html`<tr part="row" role="row" data-id=${user.id} data-status=${user.status}>
    <td part="cell" role="cell" class="col-name"><span class="truncate" dir="auto" title=${user.name}>${user.name}</span></td>
    <td part="cell" role="cell" class="col-email"><span class="truncate" dir="auto" title=${user.email}>${user.email}</span></td>
    <td part="cell" role="cell" class="col-status"><span class=${BADGES[user.status]} part="status-badge">${t(`users.status.${user.status}`)}</span></td>
    <td part="cell" role="cell" class="col-lastLogin" data-label=${t('users.columns.lastLogin')}>${user.last_login_at ? i18n.dateTime(user.last_login_at) : t('users.neverSignedIn')}</td>
    <td part="cell" role="cell" class="col-actions">
      <div class="row-actions">
        ${user.status === 'invited'
          ? html`<button type="button" class="button ghost" part="resend-button" aria-busy=${busy ? 'true' : 'false'}
              @click=${() => host.onResend(user)}>${t('users.resend')}${who}</button>`
          : nothing}
        <button type="button" class="button ghost" part="edit-name-button" aria-haspopup="dialog" @click=${() => host.onEditName(user)}>${t('users.editName')}${who}</button>
        <button type="button" class="button ghost" part="status-button" aria-busy=${busy ? 'true' : 'false'}
          @click=${() => host.onStatus(user, next)}>${t(next === 'active' ? 'users.activate' : 'users.deactivate')}${who}</button>
        <button type="button" class="button ghost danger-text" part="remove-button" @click=${() => host.onRemove(user)}>${t('users.remove')}${who}</button>
      </div>
    </td>
  </tr>`;
}
