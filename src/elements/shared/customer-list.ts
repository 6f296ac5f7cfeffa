/**
 * `ResellerCustomerList`: the list element of one customer's things, written once for the token
 * manager and the user list (each a thin subclass: its columns, its row, its dialogs).
 *
 * It owns the connection (`ConnectionMixin`), `customer-id`, `strings`, the client, locale and
 * toasts, the list resource (`ResourceController`: load, abort, `reload()`), the changes made here
 * since the last load (added, updated, removed: shown at once, until a load has them), the
 * section with its header and primary action, the load-error / empty / access states, the table
 * (head, rows, skeleton) and "remove with a confirmation, then focus the next row's button".
 *
 * ```ts
 * class ResellerUserList extends ResellerCustomerList<User> {
 *   protected readonly view = {key: 'users', action: {part: 'invite-button', label: 'users.invite', run: () => this.invite()}, columns: …};
 *   protected loadItems(client, id, options) { return client.listUsers(id, options); }
 *   protected renderRow(user) { return html`<tr>…</tr>`; }
 * }
 * ```
 */
import {LitElement, html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property} from 'lit/decorators.js';
import {repeat} from 'lit/directives/repeat.js';
import {TaskStatus, initialState} from '@lit/task';
import type {ResellerClient} from '../../api/client.js';
import {ApiController, isAccessError} from '../../controllers/api-controller.js';
import {LocaleController} from '../../controllers/locale-controller.js';
import {ResourceController, type LoadOptions} from '../../controllers/resource-controller.js';
import {ToastController} from '../../controllers/toast-controller.js';
import type {MessageKey} from '../../i18n/en.js';
import type {PartialMessages} from '../../i18n/registry.js';
import {ResellerConfirmDialog, type ConfirmOptions} from '../confirm-dialog/confirm-dialog.js';
import {ResellerToastRegion} from '../toast-region/toast-region.js';
import {ConnectionMixin} from './connection.js';
import {errorText} from './error-text.js';
import type {ElementDependencies} from './registration.js';
import {renderAccess, renderEmpty, renderLoadError} from './states.js';
import {fit, STACKED} from '../../dom/fit.js';

/** What a subclass says about its view: the message prefix, the primary action and the columns. */
export interface ListView {
  /** Message prefix: `<key>.heading`, `.loading`, `.loadError`, `.empty`, `.columns.actions`. */
  key: 'tokens' | 'users';
  /** The header's button (opens a dialog). */
  action: {part: string; label: MessageKey; run: () => void};
  /** Data columns (`col-<name>` classes) and their header labels. */
  columns: readonly (readonly [name: string, label: MessageKey])[];
  /** Where items added here show until a load has them (default: at the end). */
  addedFirst?: boolean;
}

/** What a list element's dialogs need from it. */
export interface ListScope {
  i18n: LocaleController;
  client: () => ResellerClient;
  customerId: () => number;
}

/** Removal through the confirm dialog (see `removeWithConfirm`). */
export interface RemoveOptions extends Omit<ConfirmOptions, 'errorMessage'> {
  /** "… was not removed." (the error's text follows). */
  failed: string;
  /** The success toast. */
  done: string;
  /** The rows' button that removes (`part`): focus moves to the one now in the removed row's place. */
  buttonPart: string;
  /** Right after the removal (before focus moves): events, a reload. */
  onRemoved?: () => void;
}

export abstract class ResellerCustomerList<T extends {id: number}> extends ConnectionMixin(LitElement) {
  /** The sub-elements it renders: registering this element registers them (shared/registration.ts). */
  static dependencies: ElementDependencies = {'reseller-confirm-dialog': ResellerConfirmDialog, 'reseller-toast-region': ResellerToastRegion};

  /** The customer whose items are shown. */
  @property({type: Number, attribute: 'customer-id'}) customerId = 0;
  /** The element's own string overrides. */
  @property({attribute: false}) strings: PartialMessages | undefined = undefined;

  protected readonly api = new ApiController(this);
  protected readonly i18n = new LocaleController(this, {strings: () => this.strings});
  protected readonly toast = new ToastController(this, {i18n: this.i18n});
  protected abstract readonly view: ListView;
  /** What the element's dialogs need: the locale, the client now and the customer now. */
  protected readonly scope: ListScope = {i18n: this.i18n, client: () => this.api.client, customerId: () => this.customerId};

  #last: {customerId: number; items: T[]} | null = null;
  /** Changes made here since the last load: added or updated items, removed ids. */
  #changed = new Map<number, T>();
  #removed = new Set<number>();

  readonly #list = new ResourceController(this, {
    api: this.api,
    args: () => [this.customerId] as const,
    load: async (client, [id], options) => (id > 0 ? {customerId: id, items: await this.loadItems(client, id, options)} : initialState),
    onComplete: (value) => {
      this.#last = value;
      // The server's copy wins; an item added here that this load does not have yet stays.
      for (const id of this.#changed.keys()) if (value.items.some((x) => x.id === id)) this.#changed.delete(id);
      this.#removed.clear();
    },
  });

  /** Loads the list of customer `id`. */
  protected abstract loadItems(client: ResellerClient, id: number, options: LoadOptions): Promise<T[]>;
  /** One data row (`<tr part="row" role="row" data-id=…>` with a `col-actions` cell last). */
  protected abstract renderRow(item: T): TemplateResult;
  /** The element's dialogs (rendered inside its section). */
  protected abstract renderDialogs(): unknown;
  /** Closes the element's dialogs (the customer changed). */
  protected abstract closeDialogs(): void;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customerId') && changed.get('customerId') !== undefined) {
      this.#changed.clear();
      this.#removed.clear();
      this.closeDialogs();
    }
  }

  /** Loads the list again from the server. */
  reload(): Promise<unknown> {
    return this.#list.reload();
  }

  /** The items to show: the last load of this customer with the changes made here, or null while loading. */
  protected get shown(): T[] | null {
    const last = this.#last?.customerId === this.customerId ? this.#last : null;
    if (!last || this.#list.status === TaskStatus.INITIAL || this.#list.status === TaskStatus.ERROR) return null;
    const added = [...this.#changed.values()].filter((x) => !last.items.some((y) => y.id === x.id));
    const items = last.items.map((x) => this.#changed.get(x.id) ?? x);
    return (this.view.addedFirst ? [...added.reverse(), ...items] : [...items, ...added]).filter((x) => !this.#removed.has(x.id));
  }

  /** Shows `item` as added or updated here (until a load has it). */
  protected changed(item: T): void {
    this.#changed.set(item.id, item);
    this.requestUpdate();
  }

  protected override render() {
    const {i18n, view} = this;
    const t = i18n.t.bind(i18n);
    const error = this.#list.error;
    if (isAccessError(error)) return renderAccess(i18n, error);
    if (!(this.customerId > 0)) return nothing;
    const shown = this.shown;
    return html`<section class="panel" aria-labelledby="${view.key}-heading">
      <div class="header" part="header">
        <h2 class="heading" id="${view.key}-heading" part="heading">${t(`${view.key}.heading`)}</h2>
        ${this.renderCount(shown)}
        <button type="button" class="button primary ${view.action.part}" part=${view.action.part} aria-haspopup="dialog"
          @click=${view.action.run}>${t(view.action.label)}</button>
      </div>
      ${error
        ? renderLoadError(i18n, t(`${view.key}.loadError`), error, () => void this.reload())
        : shown?.length === 0
          ? renderEmpty({title: t(`${view.key}.empty`)})
          : this.#renderTable(shown, this.#last?.items.length || 3)}
      ${this.renderDialogs()}
      <reseller-confirm-dialog></reseller-confirm-dialog>
    </section>`;
  }

  /** Beside the heading (the user list's count). */
  protected renderCount(_shown: readonly T[] | null): unknown {
    return nothing;
  }

  /**
   * Asks to confirm a removal and runs it in the dialog; on success hides the row, toasts, calls
   * `onRemoved` and moves focus to the button now in the row's place (else the header's action).
   */
  protected async removeWithConfirm(item: T, {failed, done, buttonPart, onRemoved, ...confirm}: RemoveOptions): Promise<boolean> {
    const dialog = this.renderRoot.querySelector<ResellerConfirmDialog>('reseller-confirm-dialog');
    if (!dialog) return false;
    const index = this.shown?.findIndex((x) => x.id === item.id) ?? -1;
    const removed = await dialog.confirm({...confirm, errorMessage: (error) => `${failed} ${errorText(this.i18n, error)}`});
    if (!removed) return false;
    this.#removed.add(item.id);
    this.#changed.delete(item.id);
    this.toast.show(done, 'success');
    onRemoved?.();
    this.requestUpdate();
    await this.updateComplete;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>(`[part~="${buttonPart}"]`)];
    (buttons[Math.min(index, buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>(`[part~="${this.view.action.part}"]`))?.focus();
    return true;
  }

  /** The table: head, data rows, or `skeleton` placeholder rows while loading. */
  #renderTable(items: readonly T[] | null, skeleton: number) {
    const {i18n, view} = this;
    const t = i18n.t.bind(i18n);
    return html`<div class="table-scroll" ${fit(STACKED)}>
      <table class="table" part="table" role="table" aria-busy=${items ? 'false' : 'true'}>
        <caption class="visually-hidden">${t(`${view.key}.heading`)}${items ? nothing : html`, ${t(`${view.key}.loading`)}`}</caption>
        <thead role="rowgroup">
          <tr part="header-row" role="row">
            ${view.columns.map(([c, label]) => html`<th scope="col" role="columnheader" part="header-cell" class="col-${c}">${t(label)}</th>`)}
            <th scope="col" role="columnheader" part="header-cell" class="col-actions"><span class="visually-hidden">${t(`${view.key}.columns.actions`)}</span></th>
          </tr>
        </thead>
        ${items
          ? html`<tbody role="rowgroup">${repeat(items, (x) => x.id, (x) => this.renderRow(x))}</tbody>`
          : html`<tbody part="skeleton" aria-hidden="true">
              ${Array.from({length: skeleton}, () => html`<tr class="skeleton-row">
                ${view.columns.map(() => html`<td><span class="skeleton"></span></td>`)}<td class="col-actions"></td></tr>`)}
            </tbody>`}
      </table>
    </div>`;
  }
}
