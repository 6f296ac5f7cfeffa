/** The user table: head, data rows (status badge, last sign-in, actions) and skeleton rows. */
import {html} from 'lit';
import {repeat} from 'lit/directives/repeat.js';
import type {User, UserStatus} from '../../contract/schemas.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import type {MessageKey} from '../../i18n/en.js';

const COLUMNS = ['name', 'email', 'status', 'lastLogin'] as const;
const LABELS: Record<(typeof COLUMNS)[number], MessageKey> = {
  name: 'users.columns.name',
  email: 'users.columns.email',
  status: 'users.columns.status',
  lastLogin: 'users.columns.lastLogin',
};
const BADGES: Record<UserStatus, string> = {active: 'badge success', invited: 'badge brand', inactive: 'badge'};

export interface UserRowsHost {
  i18n: LocaleController;
  /** Users whose status change is running. */
  busy: ReadonlySet<number>;
  onStatus(user: User, status: 'active' | 'inactive'): void;
  onRemove(user: User): void;
}

export function renderUserTable(host: UserRowsHost, users: readonly User[] | null, skeleton: number) {
  const {i18n} = host;
  return html`<div class="table-scroll">
    <table class="table" part="table" role="table" aria-busy=${users ? 'false' : 'true'}>
      <caption class="visually-hidden">${i18n.t('users.heading')}</caption>
      <thead role="rowgroup">
        <tr part="header-row" role="row">
          ${COLUMNS.map((c) => html`<th scope="col" role="columnheader" part="header-cell" class=${`col-${c}`}>${i18n.t(LABELS[c])}</th>`)}
          <th scope="col" role="columnheader" part="header-cell" class="col-actions"><span class="visually-hidden">${i18n.t('users.columns.actions')}</span></th>
        </tr>
      </thead>
      ${users
        ? html`<tbody role="rowgroup">${repeat(users, (u) => u.id, (u) => renderRow(host, u))}</tbody>`
        : html`<tbody part="skeleton" aria-hidden="true">
            ${Array.from({length: skeleton}, () => html`<tr class="skeleton-row">
              ${COLUMNS.map(() => html`<td><span class="skeleton"></span></td>`)}<td class="col-actions"></td></tr>`)}
          </tbody>`}
    </table>
  </div>`;
}

function renderRow(host: UserRowsHost, user: User) {
  const {i18n} = host;
  const next = user.status === 'inactive' ? 'active' : 'inactive';
  const busy = host.busy.has(user.id);
  return html`<tr part="row" role="row" data-id=${user.id} data-status=${user.status}>
    <td part="cell" role="cell" class="col-name"><span class="truncate" title=${user.name}>${user.name}</span></td>
    <td part="cell" role="cell" class="col-email"><span class="truncate" title=${user.email}>${user.email}</span></td>
    <td part="cell" role="cell" class="col-status"><span class=${BADGES[user.status]} part="status-badge">${i18n.t(`status.${user.status}`)}</span></td>
    <td part="cell" role="cell" class="col-lastLogin" data-label=${i18n.t(LABELS.lastLogin)}>${user.last_login_at ? i18n.dateTime(user.last_login_at) : i18n.t('users.neverSignedIn')}</td>
    <td part="cell" role="cell" class="col-actions">
      <div class="row-actions">
        <button type="button" class="button ghost" part="status-button" aria-busy=${busy ? 'true' : 'false'}
          @click=${() => host.onStatus(user, next)}>${i18n.t(next === 'active' ? 'users.activate' : 'users.deactivate')}<span
          class="visually-hidden"> ${user.name}</span></button>
        <button type="button" class="button ghost danger-text" part="remove-button" @click=${() => host.onRemove(user)}>${i18n.t('users.remove')}<span
          class="visually-hidden"> ${user.name}</span></button>
      </div>
    </td>
  </tr>`;
}
