/**
 * What an operator does with a customer row: copy the ID or email, open the customer, the row
 * actions menu and context menu (View, Delete), delete with confirmation, New Customer. A
 * controller so the table element stays about data and layout.
 */
import {html, nothing, type ReactiveController, type ReactiveControllerHost} from 'lit';
import type {ResellerClient} from '../../api/client.js';
import type {Customer} from '../../api/contract.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import {ResellerCustomerOpenEvent, ResellerToastEvent, type ToastKind} from '../../events.js';
import {formatInternationalSync, preloadPhone} from '../../phone/index.js';
import {detailHref} from './table-query.js';

type Host = ReactiveControllerHost & HTMLElement;

export interface ActionsOptions {
  client: () => ResellerClient;
  i18n: LocaleController;
  detailHref: () => string | null;
  /** After a customer was deleted (the table reloads its page). */
  onDeleted: (customer: Customer) => void;
  /** After a customer was created through the New Customer dialog. */
  onCreated: (customer: Customer) => void;
}

export class CustomerActionsController implements ReactiveController {
  readonly #host: Host;
  readonly #o: ActionsOptions;
  #toast: {message: string; kind: ToastKind} | null = null;

  constructor(host: Host, options: ActionsOptions) {
    this.#host = host;
    this.#o = options;
    host.addController(this);
  }

  hostConnected(): void {
    // Phones render as E.164 until libphonenumber has loaded, then in international format.
    preloadPhone().then(
      () => this.#host.requestUpdate(),
      () => {},
    );
  }

  /** A phone number for the table: `+31 6 12345678`. */
  phone(value: string | null): string {
    return formatInternationalSync(value);
  }

  /** Copies a customer's ID or email and confirms with a toast. */
  async copy(kind: 'id' | 'email', customer: Customer): Promise<void> {
    const {i18n} = this.#o;
    const text = kind === 'id' ? String(customer.id) : customer.email;
    try {
      await navigator.clipboard.writeText(text);
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

  /** A click on a Name/Email link: plain clicks fire the event; modified clicks open a tab as usual. */
  onOpenClick(event: MouseEvent, customer: Customer): void {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const follow = this.open(customer);
    const isLink = (event.currentTarget as Element | null)?.localName === 'a';
    if (!follow || !isLink) event.preventDefault();
  }

  /** View from a menu: the event, then the link when not cancelled. */
  view(customer: Customer): void {
    const href = detailHref(this.#o.detailHref(), customer.id);
    if (this.open(customer) && href) location.assign(href);
  }

  openMenu(_event: Event, _customer: Customer): void {}

  openContextMenu(_event: MouseEvent | KeyboardEvent, _customer: Customer): void {}

  create(): void {}

  /** Fires the cancelable toast event and shows the toast unless the host took it. */
  toast(message: string, kind: ToastKind): void {
    if (!this.#host.dispatchEvent(new ResellerToastEvent({message, kind}))) return;
    this.#toast = {message, kind};
    this.#host.requestUpdate();
  }

  render() {
    return html`<div role="status" class="toast-region">${this.#toast ? html`<p class="toast">${this.#toast.message}</p>` : nothing}</div>`;
  }
}
