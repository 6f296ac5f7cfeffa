/**
 * What an operator does with a customer row: copy the ID or email, open the customer, the row
 * actions menu and context menu (View, Delete), delete with confirmation, New Customer. A
 * controller so the table element stays about data and layout.
 */
import {html, nothing, type ReactiveController, type ReactiveControllerHost} from 'lit';
import type {ResellerClient} from '../../api/client.js';
import type {Customer} from '../../contract/schemas.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import {MenuController} from '../../controllers/menu-controller.js';
import {ToastController} from '../../controllers/toast-controller.js';
import {type ResellerConfirmDialog} from '../confirm-dialog/confirm-dialog.js';
import {ResellerCustomerOpenEvent, type ResellerCustomerCreatedEvent, type ToastKind} from '../../events.js';
import {writeClipboard} from '../shared/clipboard.js';
import {deleteCustomer} from '../shared/delete-customer.js';
import {detailHref} from '../shared/links.js';
import {defineElement} from '../shared/registration.js';

type Host = ReactiveControllerHost & HTMLElement;

export interface ActionsOptions {
  client: () => ResellerClient;
  i18n: LocaleController;
  detailHref: () => string | null;
  /** After a customer was deleted: the table hides the row and reloads its page (resolves when loaded). */
  onDeleted: (customer: Customer) => Promise<unknown>;
  /** After a customer was created through the New Customer dialog. */
  onCreated: (customer: Customer) => void;
  /** The customer of a shown row, by id (for the rows' delegated listeners). */
  customer: (id: number) => Customer | undefined;
}

export class CustomerActionsController implements ReactiveController {
  readonly #host: Host;
  readonly #o: ActionsOptions;
  readonly #toasts: ToastController;
  /** The one row actions / context menu (View, Delete); its context is the row's customer. */
  readonly menu: MenuController<Customer>;
  /** Whether the New Customer dialog was asked for (it is loaded and rendered from then on). */
  #formWanted = false;

  constructor(host: Host, options: ActionsOptions) {
    this.#host = host;
    this.#o = options;
    this.#toasts = new ToastController(host, {i18n: options.i18n});
    this.menu = new MenuController<Customer>(host, {menu: () => host.shadowRoot?.querySelector<HTMLElement>('#row-menu')});
    host.addController(this);
  }

  hostDisconnected(): void {
    window.removeEventListener('reseller-customer-created', this.#onCreated);
  }

  hostConnected(): void {
    // A customer created anywhere on the page (our own New Customer dialog included) shows up.
    window.addEventListener('reseller-customer-created', this.#onCreated);
  }

  /** Copies a customer's ID or email and confirms with a toast. */
  async copy(kind: 'id' | 'email', customer: Customer): Promise<void> {
    const {i18n} = this.#o;
    const text = kind === 'id' ? String(customer.id) : customer.email;
    try {
      await writeClipboard(text);
      this.toast(kind === 'id' ? i18n.t('table.copiedId', {id: text}) : i18n.t('table.copiedEmail', {email: text}), 'success');
    } catch {
      this.toast(i18n.t('common.copyFailed'), 'error');
    }
  }

  /** Fires the cancelable open event; returns whether the default (following the link) may go on. */
  open(customer: Customer): boolean {
    const href = detailHref(this.#o.detailHref(), customer.id);
    return this.#host.dispatchEvent(new ResellerCustomerOpenEvent({id: customer.id, href}));
  }

  /** A click on a Name/Email link (or button): plain clicks fire the event; modified clicks open a tab as usual. */
  onOpenClick(event: MouseEvent, customer: Customer, target = event.currentTarget as Element | null): void {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const follow = this.open(customer);
    const isLink = target?.localName === 'a';
    if (!follow || !isLink) event.preventDefault();
  }

  /** The rows' one click listener (on the `<tbody>`): open, copy ID, copy email, row actions menu. */
  readonly onRowsClick = (event: MouseEvent): void => {
    const control = (event.target as Element).closest<HTMLElement>('[data-action]');
    const customer = control && this.#rowCustomer(control);
    if (!customer) return;
    switch (control.dataset.action) {
      case 'open':
        return this.onOpenClick(event, customer, control);
      case 'copy-id':
      case 'copy-email':
        return void this.copy(control.dataset.action === 'copy-id' ? 'id' : 'email', customer);
      case 'menu':
        return this.menu.toggle(control, customer);
    }
  };

  /** The rows' one keydown listener: arrows on a menu button; Shift+F10 / ContextMenu anywhere in a row. */
  readonly onRowsKeydown = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('tr[data-id]');
    const customer = row && this.#rowCustomer(row);
    if (!customer) return;
    if (target.dataset.action === 'menu') this.menu.onTriggerKeydown(event, customer, target);
    if (!event.defaultPrevented) this.menu.onContextKeydown(event, customer, row);
  };

  /** The rows' one contextmenu listener: the row's context menu. */
  readonly onRowsContextMenu = (event: MouseEvent): void => {
    const row = (event.target as Element).closest<HTMLElement>('tr[data-id]');
    const customer = row && this.#rowCustomer(row);
    if (customer) this.menu.onContextMenu(event, customer, row);
  };

  #rowCustomer(element: Element): Customer | undefined {
    const id = element.closest<HTMLElement>('tr[data-id]')?.dataset.id;
    return id === undefined ? undefined : this.#o.customer(Number(id));
  }

  /** View from a menu: the event, then the link when not cancelled. */
  view(customer: Customer): void {
    const href = detailHref(this.#o.detailHref(), customer.id);
    if (this.open(customer) && href) location.assign(href);
  }

  /**
   * Asks to delete a customer (a confirm that names it and warns it is permanent), deletes it
   * through the API, then toasts and fires `ResellerCustomerDeletedEvent`. A failure is shown in
   * the dialog and the row stays. Resolves true when deleted.
   */
  async delete(customer: Customer): Promise<boolean> {
    const {i18n} = this.#o;
    const dialog = this.#host.shadowRoot?.querySelector<ResellerConfirmDialog>('reseller-confirm-dialog');
    if (!dialog) return false;
    // The row (and its menu button) goes away: remember where it was, for focus afterwards.
    const index = [...(this.#host.shadowRoot?.querySelectorAll('tbody tr') ?? [])].findIndex((tr) => (tr as HTMLElement).dataset.id === String(customer.id));
    if (!(await deleteCustomer(this.#host, {dialog, i18n, client: this.#o.client, toast: (m, k) => this.toast(m, k)}, customer))) return false;
    const focusAfter = this.#o.onDeleted(customer);
    await this.#host.updateComplete;
    this.#focusRow(index);
    await focusAfter;
    return true;
  }

  /** Opens the New Customer dialog (`<reseller-customer-form>`, loaded on first use). */
  async create(): Promise<void> {
    // The form's code loads only when asked for; registering it registers its phone field too.
    const {ResellerCustomerForm} = await import('../customer-form/customer-form.js');
    defineElement('reseller-customer-form', ResellerCustomerForm);
    this.#formWanted = true;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#host.shadowRoot?.querySelector('reseller-customer-form')?.open();
  }

  /** The cancelable `ResellerToastEvent`, then the kit's toast unless the host took it. */
  toast(message: string, kind: ToastKind): void {
    this.#toasts.show(message, kind);
  }

  /** The menus and dialogs (rendered once, at the end of the host's shadow root). */
  render() {
    const h = this.#host as Host & {apiBase?: string | null; token?: string | null; getToken?: (() => Promise<string> | string) | null};
    const {i18n} = this.#o;
    const item = (label: string, action: (c: Customer) => unknown, danger = false) =>
      html`<button type="button" class=${danger ? 'menuitem danger' : 'menuitem'} role="menuitem" part="menuitem"
        @click=${() => this.menu.context && action(this.menu.context)}>${label}</button>`;
    return html`<div id="row-menu" class="menu" part="menu" role="menu" .popover=${'manual'}
        aria-label=${i18n.t('menu.label', {name: this.menu.context?.name ?? ''})}>
        ${item(i18n.t('table.menu.view'), (c) => this.view(c))}
        ${item(i18n.t('table.menu.delete'), (c) => this.delete(c), true)}
      </div>
      <reseller-confirm-dialog></reseller-confirm-dialog>
      ${this.#formWanted
        ? html`<reseller-customer-form .apiBase=${h.apiBase ?? null} .token=${h.token ?? null} .getToken=${h.getToken ?? null}></reseller-customer-form>`
        : nothing}`;
  }

  /** Focus to the row now at `index` (or the last one): its actions button; else the New Customer button. */
  #focusRow(index: number): void {
    const root = this.#host.shadowRoot;
    const rows = [...(root?.querySelectorAll<HTMLElement>('tbody tr[data-id]') ?? [])];
    const target = rows[Math.min(Math.max(index, 0), rows.length - 1)]?.querySelector<HTMLElement>('.menu-button');
    (target ?? root?.querySelector<HTMLElement>('.new-button'))?.focus();
  }

  #onCreated = (event: ResellerCustomerCreatedEvent) => this.#o.onCreated(event.detail.customer);
}
