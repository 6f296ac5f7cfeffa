import {LitElement, html, nothing, type PropertyValues} from 'lit';
import {property} from 'lit/decorators.js';
import {TaskStatus, initialState} from '@lit/task';
import type {User} from '../../contract/schemas.js';
import {isAbortError} from '../../api/errors.js';
import {ApiController, isAccessError} from '../../controllers/api-controller.js';
import {LocaleController} from '../../controllers/locale-controller.js';
import {ResourceController} from '../../controllers/resource-controller.js';
import {ToastController} from '../../controllers/toast-controller.js';
import type {PartialMessages} from '../../i18n/registry.js';
import {shared, tokens} from '../../styles/index.js';
import {errorText} from '../shared/error-text.js';
import {renderAccess, renderEmpty, renderLoadError} from '../shared/states.js';
import {UserInviteController} from './user-invite.js';
import {renderUserTable} from './user-rows.js';
import {styles} from './user-list.styles.js';
import type {ElementDependencies} from '../shared/registration.js';
import {ResellerConfirmDialog} from '../confirm-dialog/confirm-dialog.js';
import {ResellerToastRegion} from '../toast-region/toast-region.js';
import {ConnectionMixin} from '../shared/connection.js';

/**
 * The users (RESELLEE role) of one customer organization: name, email, status (invited, active,
 * inactive) and last sign-in; invite by name and email; deactivate and reactivate; remove with a
 * confirmation.
 *
 * @summary A customer organization's users: list, invite, change status, remove.
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
 * @csspart status-button - Deactivate / Activate.
 * @csspart remove-button - Remove.
 * @csspart state - Empty, error and access blocks (with `empty`, `error`, `access-required`).
 * @csspart state-title - A state's title.
 * @csspart state-message - A state's message.
 * @csspart retry-button - The error's retry.
 * @csspart invite-dialog - The invite `<dialog>`.
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
 * @fires {ResellerToastEvent} reseller-toast - Cancelable: invited, status changed, removed, or why a change failed.
 * @fires {ResellerRequestErrorEvent} reseller-request-error - A request failed (with an element-own client).
 */
export class ResellerUserList extends ConnectionMixin(LitElement) {
  static override styles = [tokens, shared, styles];
  /** The sub-elements it renders: registering this element registers them (shared/registration.ts). */
  static dependencies: ElementDependencies = {'reseller-confirm-dialog': ResellerConfirmDialog, 'reseller-toast-region': ResellerToastRegion};

  readonly #api = new ApiController(this);
  readonly #i18n = new LocaleController(this, {strings: () => this.strings});
  readonly #toast = new ToastController(this, {i18n: this.#i18n});
  readonly #invite = new UserInviteController(this, {
    i18n: this.#i18n,
    client: () => this.#api.client,
    customerId: () => this.customerId,
    onInvited: (user) => this.#invited(user),
  });

  /** The customer organization whose users are shown. */
  @property({type: Number, attribute: 'customer-id'}) customerId = 0;
  /** The element's own string overrides. */
  @property({attribute: false}) strings: PartialMessages | undefined = undefined;

  #last: {customerId: number; users: User[]} | null = null;
  /** Changes made here since the last load: new or updated users, removed ids. */
  #changed = new Map<number, User>();
  #removed = new Set<number>();
  #busy = new Set<number>();

  readonly #list = new ResourceController(this, {
    api: this.#api,
    args: () => [this.customerId] as const,
    load: async (client, [id], {signal, fresh}) => (id > 0 ? {customerId: id, users: await client.listUsers(id, {signal, fresh})} : initialState),
    onComplete: (value) => {
      this.#last = value;
      this.#changed.clear();
      this.#removed.clear();
    },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customerId') && changed.get('customerId') !== undefined) {
      this.#changed.clear();
      this.#removed.clear();
      this.#invite.close();
    }
  }

  /** Loads the users again from the server. */
  reload(): Promise<unknown> {
    return this.#list.reload();
  }

  /** Opens the Invite user dialog. */
  invite(): void {
    if (this.customerId > 0) this.#invite.open();
  }

  /** The users shown now. */
  get users(): readonly User[] {
    return this.#shown ?? [];
  }

  protected override render() {
    const t = this.#i18n.t.bind(this.#i18n);
    const error = this.#list.error;
    if (isAccessError(error)) return renderAccess(this.#i18n, error);
    if (!(this.customerId > 0)) return nothing;
    const shown = this.#shown;
    return html`<section class="panel" aria-labelledby="users-heading">
      <div class="header" part="header">
        <h2 class="heading" id="users-heading" part="heading">${t('users.heading')}</h2>
        <p class="count" part="count">${shown?.length ? this.#i18n.tn('users.total', shown.length) : ''}</p>
        <button type="button" class="button primary" part="invite-button" aria-haspopup="dialog"
          @click=${() => this.invite()}>${t('users.invite')}</button>
      </div>
      ${error
        ? renderLoadError(this.#i18n, t('users.loadError'), error, () => void this.reload())
        : shown?.length === 0
          ? renderEmpty({title: t('users.empty')})
          : renderUserTable({
              i18n: this.#i18n,
              busy: this.#busy,
              onStatus: (user, status) => void this.#setStatus(user, status),
              onRemove: (user) => void this.#remove(user),
            }, shown, this.#last?.users.length || 3)}
      ${this.#invite.render()}
      <reseller-confirm-dialog></reseller-confirm-dialog>
    </section>`;
  }

  get #shown(): User[] | null {
    const last = this.#last?.customerId === this.customerId ? this.#last : null;
    if (!last || this.#list.status === TaskStatus.INITIAL) return null;
    const added = [...this.#changed.values()].filter((u) => !last.users.some((x) => x.id === u.id));
    return [...last.users, ...added].map((u) => this.#changed.get(u.id) ?? u).filter((u) => !this.#removed.has(u.id));
  }


  #invited(user: User): void {
    this.#changed.set(user.id, user);
    this.#toast.show(this.#i18n.t('toast.userInvited', {email: user.email}), 'success');
    this.requestUpdate();
  }

  async #setStatus(user: User, status: 'active' | 'inactive'): Promise<void> {
    if (this.#busy.has(user.id)) return;
    this.#busy.add(user.id);
    this.requestUpdate();
    const i18n = this.#i18n;
    try {
      const updated = await this.#api.client.updateUser(this.customerId, user.id, {status});
      this.#changed.set(updated.id, updated);
      this.#toast.show(i18n.t('toast.userUpdated', {name: updated.name, status: i18n.t(`status.${updated.status}`).toLowerCase()}), 'success');
    } catch (error) {
      if (!isAbortError(error)) this.#toast.show(`${i18n.t('users.updateFailed', {name: user.name})} ${errorText(this.#i18n, error)}`, 'error');
    } finally {
      this.#busy.delete(user.id);
      this.requestUpdate();
    }
  }

  async #remove(user: User): Promise<void> {
    const dialog = this.renderRoot.querySelector<ResellerConfirmDialog>('reseller-confirm-dialog');
    if (!dialog) return;
    const i18n = this.#i18n;
    const customerId = this.customerId;
    const index = this.users.findIndex((u) => u.id === user.id);
    const removed = await dialog.confirm({
      heading: i18n.t('users.remove.heading', {name: user.name}),
      message: i18n.t('users.remove.message', {name: user.name, email: user.email}),
      confirmLabel: i18n.t('users.remove.confirm'),
      danger: true,
      action: (signal) => this.#api.client.removeUser(customerId, user.id, {signal}),
      errorMessage: (error) => `${i18n.t('users.remove.failed', {name: user.name})} ${errorText(this.#i18n, error)}`,
    });
    if (!removed) return;
    this.#removed.add(user.id);
    this.#toast.show(i18n.t('toast.userRemoved', {name: user.name}), 'success');
    this.requestUpdate();
    await this.updateComplete;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="remove-button"]')];
    (buttons[Math.min(index, buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('[part~="invite-button"]'))?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reseller-user-list': ResellerUserList;
  }
}
