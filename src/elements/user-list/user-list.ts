import {html, type TemplateResult} from 'lit';
import type {ResellerClient} from '../../api/client.js';
import type {User} from '../../contract/schemas.js';
import {isAbortError} from '../../api/errors.js';
import type {LoadOptions} from '../../controllers/resource-controller.js';
import {ResellerInvitationResentEvent, ResellerUserUpdatedEvent} from '../../events.js';
import {shared, tokens} from '../../styles/index.js';
import {ResellerCustomerList, type ListView} from '../shared/customer-list.js';
import {listStyles} from '../shared/customer-list.styles.js';
import {errorText} from '../shared/error-text.js';
import type {UserEditController} from './user-edit.js';
import {UserInviteController} from './user-invite.js';
import {COLUMNS, renderUserRow} from './user-rows.js';
import {styles} from './user-list.styles.js';

/**
 * The users (RESELLEE role) of one customer organization: name, email, status (Invited, Active,
 * Deactivated) and last sign-in; invite by name and email; resend an invited user's invitation;
 * edit a name (a dialog loaded on first use); deactivate and reactivate; remove with a
 * confirmation. An invited user becomes active only by accepting the invitation; one deactivated
 * before accepting is invited again when reactivated.
 *
 * @summary A customer organization's users: list, invite, resend, edit name, change status, remove.
 * @tag reseller-user-list
 * @csspart header - The heading, the count and Invite user.
 * @csspart heading - The heading.
 * @csspart count - "3 users".
 * @csspart invite-button - Invite user.
 * @csspart table - The `<table>`.
 * @csspart header-row - Its header row.
 * @csspart header-cell - Every `<th>`.
 * @csspart row - Every user row (`data-status`).
 * @csspart cell - Every data cell.
 * @csspart skeleton - Placeholder rows while loading.
 * @csspart status-badge - A user's status.
 * @csspart resend-button - Resend invitation (invited users).
 * @csspart edit-name-button - Edit name.
 * @csspart status-button - Deactivate / Activate.
 * @csspart remove-button - Remove.
 * @csspart state - Empty, error and access blocks (with `empty`, `error`, `access-required`).
 * @csspart state-title - A state's title.
 * @csspart state-message - A state's message.
 * @csspart retry-button - The error's retry.
 * @csspart invite-dialog - The invite `<dialog>`.
 * @csspart edit-name-dialog - The Edit name `<dialog>` (its form `edit-name-form`, with `name-input`).
 * @csspart invite-form - Its form.
 * @csspart dialog-heading - Its heading.
 * @csspart name-input - Name.
 * @csspart email-input - Email.
 * @csspart field-error - A field's message.
 * @csspart alert - Why the invitation failed.
 * @csspart cancel-button - Cancel.
 * @csspart submit-button - Send invitation.
 * @cssprop --reseller-color-brand - Brand colour (primary button, invited badge, focus ring).
 * @cssprop --reseller-color-success - Active badge.
 * @cssprop --reseller-color-danger - Remove, errors.
 * @cssprop --reseller-color-surface - Background.
 * @cssprop --reseller-color-text - Text colour.
 * @cssprop --reseller-color-border - Table lines.
 * @cssprop --reseller-radius - Corner radius.
 * @fires {ResellerUserUpdatedEvent} reseller-user-updated - A user's name or status was changed; `detail.user` as saved.
 * @fires {ResellerInvitationResentEvent} reseller-invitation-resent - An invitation was sent again; `detail` is `{customerId, userId, email, sentAt}`.
 * @fires {ResellerToastEvent} reseller-toast - Cancelable: invited, invitation resent, name or status changed, removed, or why a change failed.
 * @fires {ResellerRequestErrorEvent} reseller-request-error - A request failed (with an element-own client).
 */
export class ResellerUserList extends ResellerCustomerList<User> {
  static override styles = [tokens, shared, listStyles, styles];

  protected readonly view: ListView = {
    key: 'users',
    action: {part: 'invite-button', label: 'users.invite', run: () => this.invite()},
    columns: COLUMNS,
  };

  readonly #invite = new UserInviteController(this, {...this.scope, onInvited: (user) => this.#invited(user)});

  /** Users whose status change or resend is running. */
  #busy = new Set<number>();
  /** Edit name: loaded the first time an operator edits. */
  #edit: Promise<UserEditController> | null = null;
  /** The edit dialog once loaded. */
  #editor: UserEditController | null = null;

  /** Opens the Invite user dialog. */
  invite(): void {
    if (this.customerId > 0) this.#invite.open();
  }

  /** Opens Edit name for one of the listed users. */
  async editName(id: number): Promise<void> {
    const user = this.users.find((u) => u.id === id);
    if (!user) return;
    this.#edit ??= import('./user-edit.js').then(({UserEditController}) => {
      this.#editor = new UserEditController(this, {...this.scope, onUpdated: (u) => this.#updated(u, this.i18n.t('toast.userRenamed', {name: u.name}))});
      this.requestUpdate();
      return this.#editor;
    });
    (await this.#edit).edit(user);
  }

  /** Sends an invited user's invitation again (only `invited` users; the server rate-limits it). */
  async resendInvitation(id: number): Promise<void> {
    const user = this.users.find((u) => u.id === id);
    if (!user || user.status !== 'invited' || this.#busy.has(id)) return;
    this.#busy.add(id);
    this.requestUpdate();
    const {i18n} = this;
    const customerId = this.customerId;
    try {
      const sent = await this.api.client.resendInvitation(customerId, id);
      this.toast.show(i18n.t('toast.invitationResent', {email: sent.email}), 'success');
      this.dispatchEvent(new ResellerInvitationResentEvent({customerId, userId: id, email: sent.email, sentAt: sent.sent_at}));
    } catch (error) {
      if (!isAbortError(error)) this.toast.show(`${i18n.t('users.resend.failed', {email: user.email})} ${errorText(i18n, error)}`, 'error');
    } finally {
      this.#busy.delete(id);
      this.requestUpdate();
    }
  }

  /** The users shown now. */
  get users(): readonly User[] {
    return this.shown ?? [];
  }

  protected loadItems(client: ResellerClient, id: number, options: LoadOptions): Promise<User[]> {
    return client.listUsers(id, options);
  }

  protected override renderCount(shown: readonly User[] | null) {
    return html`<p class="count" part="count">${shown?.length ? this.i18n.tn('users.total', shown.length) : ''}</p>`;
  }

  protected renderRow(user: User): TemplateResult {
    return renderUserRow({
      i18n: this.i18n,
      busy: this.#busy,
      onStatus: (u, status) => void this.#setStatus(u, status),
      onResend: (u) => void this.resendInvitation(u.id),
      onEditName: (u) => void this.editName(u.id),
      onRemove: (u) => void this.#remove(u),
    }, user);
  }

  protected renderDialogs() {
    return html`${this.#invite.render()}${this.#editor?.render()}`;
  }

  protected closeDialogs(): void {
    this.#invite.close();
    this.#editor?.close();
  }

  #updated(user: User, message: string): void {
    this.changed(user);
    this.toast.show(message, 'success');
    this.dispatchEvent(new ResellerUserUpdatedEvent(user));
  }

  #invited(user: User): void {
    this.changed(user);
    this.toast.show(this.i18n.t('toast.userInvited', {email: user.email}), 'success');
  }

  async #setStatus(user: User, status: 'active' | 'inactive'): Promise<void> {
    if (this.#busy.has(user.id)) return;
    this.#busy.add(user.id);
    this.requestUpdate();
    const {i18n} = this;
    try {
      const updated = await this.api.client.updateUser(this.customerId, user.id, {status});
      // Reactivating a user who never accepted gives `invited` back: the toast says what the server made it.
      this.#updated(updated, i18n.t('toast.userUpdated', {name: updated.name, status: i18n.t(`users.status.${updated.status}`).toLowerCase()}));
    } catch (error) {
      if (!isAbortError(error)) this.toast.show(`${i18n.t('users.updateFailed', {name: user.name})} ${errorText(i18n, error)}`, 'error');
    } finally {
      this.#busy.delete(user.id);
      this.requestUpdate();
    }
  }

  #remove(user: User): Promise<boolean> {
    const {i18n} = this;
    const customerId = this.customerId;
    return this.removeWithConfirm(user, {
      heading: i18n.t('users.remove.heading', {name: user.name}),
      message: i18n.t('users.remove.message', {name: user.name, email: user.email}),
      confirmLabel: i18n.t('users.remove.confirm'),
      danger: true,
      action: (signal) => this.api.client.removeUser(customerId, user.id, {signal}),
      failed: i18n.t('users.remove.failed', {name: user.name}),
      done: i18n.t('toast.userRemoved', {name: user.name}),
      buttonPart: 'remove-button',
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reseller-user-list': ResellerUserList;
  }
}
