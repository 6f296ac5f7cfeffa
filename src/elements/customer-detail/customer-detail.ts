import {LitElement, html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {ContextProvider} from '@lit/context';
import {initialState} from '@lit/task';
import type {Customer} from '../../contract/schemas.js';
import {ConflictError, NotFoundError, ValidationError, isAbortError} from '../../api/errors.js';
import {clientContext} from '../../context/client-context.js';
import {abortWhenRemoved, ApiController, isAccessError} from '../../controllers/api-controller.js';
import {LiveController} from '../../controllers/live-controller.js';
import {LocaleController} from '../../controllers/locale-controller.js';
import {ResourceController} from '../../controllers/resource-controller.js';
import {ToastController} from '../../controllers/toast-controller.js';
import {ResellerCustomerUpdatedEvent, ResellerStateChangeEvent} from '../../events.js';
import type {PartialMessages} from '../../i18n/registry.js';
import {formatInternationalSync, preloadPhone} from '../../phone/index.js';
import {shared, tokens} from '../../styles/index.js';
import {writeClipboard} from '../shared/clipboard.js';
import {deleteCustomer} from '../shared/delete-customer.js';
import {quotaStyles, renderQuotaMeter} from '../shared/quota-meter.js';
import {renderAccess, renderLoadError, renderNotFound} from '../shared/states.js';
import {CustomerTabsController} from './customer-tabs.js';
import {styles} from './customer-detail.styles.js';
import {buildPatch, changes, current, draftOf, firstErrorField, newRow, serverErrors, type Draft, type Edits, type FieldErrors} from './detail-draft.js';
import {renderForm, renderFormSkeleton} from './detail-form.js';
import {isTab, type TabId, type TabLoaders} from './tab-loaders.js';
import type {ElementDependencies} from '../shared/registration.js';
import {ResellerConfirmDialog} from '../confirm-dialog/confirm-dialog.js';
import {ResellerToastRegion} from '../toast-region/toast-region.js';
import {ResellerPhoneField} from '../phone-field/phone-field.js';
import {ConnectionMixin} from '../shared/connection.js';

const idConverter = {
  fromAttribute: (value: string | null) => (value && /^\d+$/.test(value.trim()) ? Number(value) : 0),
  toAttribute: (value: number) => (value ? String(value) : null),
};

/**
 * One customer: the details form (Name, Email, Phone, Active, metadata; ID and registration date
 * read-only) and five tabs (Subscription, Usage, Tokens, Users, Transcriptions), each a standalone
 * element loaded when its tab first opens (see `tab-loaders.ts`).
 *
 * Update is enabled only while the form differs from the saved customer. Nothing typed is lost:
 * failed saves (422, 5xx, network), token refreshes, reloads and tab switches keep the edits; a
 * 412 (someone else saved first) offers to load their version or to overwrite it. Leaving with
 * unsaved edits asks first: on a new `customer-id`, on `beforeunload`, and through `canLeave()`
 * for a host router.
 *
 * @summary Customer details form with conflict handling, and the customer's five tabs.
 * @tag reseller-customer-detail
 * @csspart form - The details form.
 * @csspart header - Name, ID and registration.
 * @csspart heading - The name.
 * @csspart facts - The read-only facts.
 * @csspart id - The ID.
 * @csspart copy-id - Its copy button.
 * @csspart registered - The registration date.
 * @csspart plan - The plan badge.
 * @csspart field - Each field (also `name-field`, `email-field`, `segment-field`, …).
 * @csspart label - Each field's label.
 * @csspart input - Each text input.
 * @csspart phone-field - The `<reseller-phone-field>` (its parts as `phone-label`, `phone-input`, `phone-hint`, `phone-error`).
 * @csspart active-input - The Active checkbox.
 * @csspart active-field - The Active checkbox's field.
 * @csspart metadata - The metadata fieldset.
 * @csspart metadata-row - A free metadata row.
 * @csspart add-field - Add field.
 * @csspart remove-field - Remove a row.
 * @csspart field-error - A field's message.
 * @csspart alert - Why a save failed.
 * @csspart conflict - The 412 explanation.
 * @csspart conflict-reload - Load their version.
 * @csspart conflict-overwrite - Save mine anyway.
 * @csspart actions - The button row.
 * @csspart update - Update.
 * @csspart delete - Delete (at the start of the button row; the same permanent-deletion confirm as the table's menu).
 * @csspart reset - Reset (shown with changes).
 * @csspart tabs - Tabs and panels.
 * @csspart tablist - The tab list.
 * @csspart tab - Each tab (the open one also `tab-selected`).
 * @csspart tab-selected - The open tab.
 * @csspart tabpanel - Each panel.
 * @csspart usage-fallback - The Usage tab's quota summary while `<reseller-usage-chart>` is not installed.
 * @csspart state - Loading, error, not found, access and not-available blocks.
 * @csspart state-title - A state's title.
 * @csspart state-message - A state's message.
 * @csspart retry-button - The error's retry.
 * @cssprop --reseller-color-brand - Brand colour (Update, selected tab, focus ring).
 * @cssprop --reseller-color-danger - Errors.
 * @cssprop --reseller-color-warning - The conflict and quota warnings.
 * @fires {ResellerCustomerUpdatedEvent} reseller-customer-updated - After a save; `detail.customer` is the server's.
 * @fires {ResellerCustomerDeletedEvent} reseller-customer-deleted - After Delete and its confirm: `detail.id`, `detail.name` (navigate away).
 * @fires {ResellerStateChangeEvent} reseller-state-change - The operator opened another tab: `detail.tab`.
 * @fires {ResellerToastEvent} reseller-toast - Cancelable: saved, ID copied.
 * @fires {ResellerRequestErrorEvent} reseller-request-error - A request failed (own client only).
 */
export class ResellerCustomerDetail extends ConnectionMixin(LitElement) {
  static override styles = [tokens, shared, quotaStyles, styles];
  /** The sub-elements it renders: registering this element registers them (shared/registration.ts). */
  static dependencies: ElementDependencies = {'reseller-confirm-dialog': ResellerConfirmDialog, 'reseller-phone-field': ResellerPhoneField, 'reseller-toast-region': ResellerToastRegion};

  readonly #api = new ApiController(this);
  readonly #i18n = new LocaleController(this, {strings: () => this.strings});
  readonly #toast = new ToastController(this, {i18n: this.#i18n});
  /** The tabs' elements use this element's client (its own token, or the provider's). */
  readonly #clientProvider = new ContextProvider(this, {context: clientContext});
  readonly #tabs = new CustomerTabsController(this, {
    i18n: this.#i18n,
    selected: () => this.#tab,
    onSelect: (tab) => this.#select(tab),
    loaders: () => this.loaders,
  });

  /** The customer's id. Reflected: while the operator decides about unsaved edits it keeps the shown id. */
  @property({attribute: 'customer-id', reflect: true, converter: idConverter}) customerId = 0;
  /** The open tab: `subscription`, `usage`, `tokens`, `users` or `transcriptions`. */
  @property({reflect: true}) tab: TabId = 'subscription';
  /** Country for phone numbers typed without a country code. */
  @property({attribute: 'default-country'}) defaultCountry = 'NL';
  /** This element's own string overrides. */
  @property({attribute: false}) strings: PartialMessages | undefined = undefined;
  /** Tab loaders of the host, over the kit's own (`{tokens: () => import('…/define/token-manager.js')}`). */
  @property({attribute: false}) loaders: TabLoaders | null = null;

  @state() private edits: Edits = {};
  @state() private errors: FieldErrors = {};
  @state() private busy = false;
  @state() private failure: {message: string; detail: string} | null = null;
  @state() private conflict: null | 'shown' | 'reloading' | 'overwriting' = null;

  /** The customer shown (the id whose data is loaded or loading). */
  #shownId = 0;
  #customer: Customer | null = null;
  #etag: string | null = null;
  #base: Draft | null = null;
  #abort: AbortController | null = null;
  static #warnedTab = false;

  readonly #load = new ResourceController(this, {
    api: this.#api,
    args: () => [this.#shownId] as const,
    load: async (client, [id], {signal, fresh}) => {
      if (!id) return initialState;
      const customer = await client.getCustomer(id, {signal, fresh});
      return {customer, etag: client.etagOf(customer) ?? null};
    },
    onComplete: ({customer, etag}) => this.#setBaseline(customer, etag),
  });
  /**
   * Under `<reseller-provider live>`: the Usage tab's fallback (minutes against the quota, from the
   * customer) follows its usage events in place; edits are kept. With the tab elements installed the
   * subscription panel and the usage chart follow the events themselves: reading the customer here
   * too would ask for it twice per event.
   */
  protected readonly live = new LiveController(this, {
    api: this.#api,
    onEvent: (event) => {
      if (this.#tabs.state('usage') !== 'missing') return;
      if (event.type === 'reset' || event.usage?.customer_id === this.#shownId) void this.#load.refresh();
    },
  });

  /** Whether the form differs from the saved customer. */
  get dirty(): boolean {
    return !!this.#base && changes(this.#base, current(this.#base, this.edits)).size > 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.#onBeforeUnload);
    preloadPhone().then(() => this.#rebase(), () => {});
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.#onBeforeUnload);
    abortWhenRemoved(this, this.#abort);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#clientProvider.setValue(this.#api.client);
    if (changed.has('tab') && !isTab(this.tab) && !ResellerCustomerDetail.#warnedTab) {
      ResellerCustomerDetail.#warnedTab = true;
      console.warn(`<reseller-customer-detail>: tab="${String(this.tab)}" is not one of subscription, usage, tokens, users, transcriptions; showing subscription.`);
    }
    if (this.customerId !== this.#shownId) {
      if (this.#shownId && this.dirty) {
        const target = this.customerId;
        this.customerId = this.#shownId; // keep showing the edits until the operator decides
        void this.#confirmSwitch(target);
      } else {
        this.#show(this.customerId);
      }
    }
  }

  /**
   * For a host router: resolves true when leaving is fine (no unsaved edits, or the operator chose
   * to discard them in the dialog, which drops them), false to stay.
   */
  async canLeave(): Promise<boolean> {
    if (!this.dirty) return true;
    const leave = await this.#askDiscard();
    if (leave) this.#discard();
    return leave;
  }

  /** Loads the customer again (keeps the edits). */
  reload(): Promise<unknown> {
    return this.#load.reload();
  }

  protected override render() {
    return html`${this.#renderBody()}<reseller-confirm-dialog></reseller-confirm-dialog>`;
  }

  #renderBody() {
    const t = this.#i18n.t.bind(this.#i18n);
    if (!this.#shownId) return nothing;
    const error = this.#load.error ?? null;
    if (isAccessError(error)) return renderAccess(this.#i18n, error);
    if (error instanceof NotFoundError) return renderNotFound(this.#i18n, this.#shownId);
    if (error && !this.#customer) return renderLoadError(this.#i18n, t('detail.loadError'), error, () => void this.reload());
    if (!this.#customer || !this.#base) return renderFormSkeleton(t('detail.loading'));
    const customer = this.#customer;
    return html`${error ? renderLoadError(this.#i18n, t('detail.loadError'), error, () => void this.reload()) : nothing}
      ${renderForm({
        i18n: this.#i18n, customer, draft: current(this.#base, this.edits), errors: this.errors, dirty: this.dirty,
        busy: this.busy, conflict: this.conflict, failure: this.failure, defaultCountry: this.defaultCountry,
        onSubmit: this.#onSubmit, onInput: this.#onInput, onReset: () => this.#discard(), onAddRow: () => void this.#onAddRow(),
        onRemoveRow: (id) => void this.#onRemoveRow(id), onCopyId: () => void this.#copyId(customer.id),
        onReload: () => void this.#onReload(), onOverwrite: () => void this.#onOverwrite(), onDelete: () => void this.#delete(customer),
      })}
      <div @reseller-subscription-change=${() => void this.reload()}>${this.#tabs.render(this.#panel, {usage: () => this.#usageFallback(customer)})}</div>`;
  }

  /** A ready tab's element (its tag is registered by now). */
  #panel = (tab: TabId) => {
    const id = this.#shownId;
    switch (tab) {
      case 'subscription': return html`<reseller-subscription-panel customer-id=${id}></reseller-subscription-panel>`;
      case 'usage': return html`<reseller-usage-chart customer-id=${id}></reseller-usage-chart>`;
      case 'tokens': return html`<reseller-token-manager customer-id=${id}></reseller-token-manager>`;
      case 'users': return html`<reseller-user-list customer-id=${id}></reseller-user-list>`;
      case 'transcriptions': return html`<reseller-transcription-list customer-id=${id}></reseller-transcription-list>`;
    }
  };

  /** Usage before `<reseller-usage-chart>` is installed: minutes used against the quota. */
  #usageFallback(customer: Customer) {
    const t = this.#i18n.t.bind(this.#i18n);
    return html`<section class="usage-fallback" part="usage-fallback" aria-labelledby="usage-heading">
      <h2 class="subheading" id="usage-heading">${t('usage.heading')}</h2>
      ${renderQuotaMeter(this.#i18n, {used: customer.usage.transcription_minutes, quota: customer.usage.quota_minutes, label: t('usage.quota.label'), id: 'usage-quota'})}
    </section>`;
  }

  get #tab(): TabId {
    return isTab(this.tab) ? this.tab : 'subscription';
  }

  get #phone(): ResellerPhoneField | null {
    return this.renderRoot.querySelector('reseller-phone-field');
  }

  #select(tab: TabId): void {
    if (tab === this.#tab) return;
    this.tab = tab;
    this.dispatchEvent(new ResellerStateChangeEvent({tab}));
  }

  /** Shows another customer: its own empty form. */
  #show(id: number): void {
    this.#abort?.abort();
    this.#shownId = id;
    this.#customer = null;
    this.#base = null;
    this.#etag = null;
    this.#discard();
  }

  #discard(): void {
    this.edits = {};
    this.errors = {};
    this.failure = null;
    this.conflict = null;
  }

  /** A saved customer arrived: it becomes the baseline; edits that now equal it are dropped. */
  #setBaseline(customer: Customer, etag: string | null): void {
    if (customer.id !== this.#shownId) return;
    this.#customer = customer;
    this.#etag = etag;
    this.#rebase();
  }

  #rebase(): void {
    if (!this.#customer) return;
    const base = draftOf(this.#customer, formatInternationalSync);
    this.#base = this.#base && this.#base.extra.length === base.extra.length && this.#base.extra.every((r, i) => r.key === base.extra[i]!.key && r.value === base.extra[i]!.value)
      ? {...base, extra: this.#base.extra}
      : base;
    const kept: Edits = {};
    for (const [field, value] of Object.entries(this.edits) as [keyof Draft, never][]) {
      if (changes(this.#base, {...this.#base, [field]: value}).size) kept[field] = value;
    }
    this.edits = kept;
    this.requestUpdate();
  }

  async #askDiscard(): Promise<boolean> {
    const t = this.#i18n.t.bind(this.#i18n);
    await this.updateComplete;
    return this.renderRoot.querySelector<ResellerConfirmDialog>('reseller-confirm-dialog')!.confirm({
      heading: t('detail.unsaved.heading'),
      message: t('detail.unsaved.message', {name: this.#customer?.name ?? String(this.#shownId)}),
      confirmLabel: t('detail.unsaved.confirm'),
      cancelLabel: t('common.keepEditing'),
      danger: true,
    });
  }

  async #confirmSwitch(target: number): Promise<void> {
    if (!(await this.#askDiscard())) return;
    this.#discard();
    this.customerId = target;
  }

  #onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (!this.dirty) return;
    event.preventDefault();
    event.returnValue = ''; // older engines ask only when returnValue is set
  };

  #edit(patch: Edits): void {
    this.edits = {...this.edits, ...patch};
  }

  #onInput = (event: Event): void => {
    const target = event.composedPath()[0] as HTMLInputElement;
    const host = event.target as HTMLElement;
    const base = this.#base;
    // `change` only for the checkbox: a text input's change fires on blur, after its message was set.
    if (!base || (event.type === 'change' && target.type !== 'checkbox')) return;
    const draft = current(base, this.edits);
    if (host instanceof HTMLElement && host.localName === 'reseller-phone-field') {
      this.#edit({phone: (host as ResellerPhoneField).value});
      this.#clearError('phone');
    } else if (target.dataset.field === 'active') {
      this.#edit({active: target.checked});
    } else if (target.dataset.field) {
      const field = target.dataset.field as 'name' | 'email' | 'segment' | 'industry' | 'account_manager';
      this.#edit({[field]: target.value});
      this.#clearError(field);
    } else if (target.dataset.row) {
      const id = Number(target.dataset.row);
      const part = target.dataset.part as 'key' | 'value';
      this.#edit({extra: draft.extra.map((r) => (r.id === id ? {...r, [part]: target.value} : r))});
      this.#clearError(`extra.${id}.${part}`);
    }
  };

  #clearError(field: string): void {
    if (this.errors[field]) this.errors = {...this.errors, [field]: ''};
  }

  #onAddRow = async (): Promise<void> => {
    const draft = current(this.#base!, this.edits);
    const row = newRow();
    this.#edit({extra: [...draft.extra, row]});
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#extra-${row.id}-key`)?.focus();
  };

  #onRemoveRow = async (id: number): Promise<void> => {
    const draft = current(this.#base!, this.edits);
    this.#edit({extra: draft.extra.filter((r) => r.id !== id)});
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="add-field"]')?.focus();
  };

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (!this.conflict) void this.#save();
  };

  async #save(): Promise<void> {
    const base = this.#base;
    if (!base || !this.dirty || this.busy) return;
    const t = this.#i18n.t.bind(this.#i18n);
    const draft = current(base, this.edits);
    // Busy from the start: the phone check may first load libphonenumber.
    this.busy = true;
    this.failure = null;
    this.#abort = new AbortController();
    const {signal} = this.#abort;
    const client = this.#api.client;
    try {
      const phone = changes(base, draft).has('phone') && this.#phone ? await this.#phone.check() : ({kind: 'empty'} as const);
      const result = await buildPatch(base, draft, phone, t);
      if (result.errors) {
        await this.#showErrors(result.errors, draft);
        return;
      }
      this.errors = {};
      const updated = await client.updateCustomer(this.#shownId, result.patch, {etag: this.#etag, signal});
      this.#setBaseline(updated, client.etagOf(updated) ?? null);
      this.conflict = null;
      this.#toast.show(t('toast.customerUpdated', {name: updated.name}), 'success');
      this.dispatchEvent(new ResellerCustomerUpdatedEvent(updated));
    } catch (error) {
      if (isAbortError(error) || signal.aborted) return;
      if (error instanceof ConflictError) {
        this.conflict = 'shown';
      } else if (error instanceof ValidationError && Object.keys(error.fields).length) {
        const {errors, other} = serverErrors(this.#i18n.fieldMessages(error), draft);
        if (other.length || !Object.keys(errors).length) this.failure = {message: t('detail.updateFailed', {message: this.#i18n.errorMessage(error)}), detail: other.join(' ')};
        await this.#showErrors(errors, draft);
      } else {
        this.failure = {message: t('detail.updateFailed', {message: this.#i18n.errorMessage(error)}), detail: this.#i18n.serverDetail(error)};
      }
    } finally {
      this.busy = false;
    }
  }

  async #showErrors(errors: FieldErrors, draft: Draft): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    const field = firstErrorField(errors, draft);
    if (!field) return;
    const id = field.startsWith('extra.') ? field.replace(/\./g, '-') : field;
    (field === 'phone' ? this.#phone : this.renderRoot.querySelector<HTMLElement>(`#${id}`))?.focus();
  }

  /** 412, "load latest version": their customer replaces the form (the edits are dropped). */
  #onReload = async (): Promise<void> => {
    if (this.conflict !== 'shown') return;
    this.conflict = 'reloading';
    const ok = await this.#fetchLatest();
    if (ok) this.#discard();
    else this.conflict = 'shown';
  };

  /** 412, "save my changes anyway": read the fresh ETag, keep the edits, save again. */
  #onOverwrite = async (): Promise<void> => {
    if (this.conflict !== 'shown') return;
    this.conflict = 'overwriting';
    if (!(await this.#fetchLatest())) {
      this.conflict = 'shown';
      return;
    }
    this.conflict = null;
    await this.#save();
  };

  async #fetchLatest(): Promise<boolean> {
    this.#abort = new AbortController();
    const client = this.#api.client;
    try {
      const latest = await client.getCustomer(this.#shownId, {fresh: true, signal: this.#abort.signal});
      this.#setBaseline(latest, client.etagOf(latest) ?? null);
      this.failure = null;
      return true;
    } catch (error) {
      if (!isAbortError(error)) this.failure = {message: this.#i18n.t('detail.loadError'), detail: this.#i18n.errorMessage(error)};
      return false;
    }
  }

  /**
   * Delete, as from the table's menu (the same confirm); then the deleted event for the host to
   * navigate away, and the detail drops the edits and shows the customer as gone (404). A failure
   * stays in the dialog and the page is kept.
   */
  async #delete(customer: Customer): Promise<void> {
    const dialog = this.renderRoot.querySelector<ResellerConfirmDialog>('reseller-confirm-dialog')!;
    if (!(await deleteCustomer(this, {dialog, i18n: this.#i18n, client: () => this.#api.client, toast: (m, k) => this.#toast.show(m, k)}, customer))) return;
    this.#discard();
    await this.reload();
  }

  async #copyId(id: number): Promise<void> {
    try {
      await writeClipboard(String(id));
      this.#toast.show(this.#i18n.t('detail.copiedId', {id: String(id)}), 'success');
    } catch {
      this.#toast.show(this.#i18n.t('common.copyFailed'), 'error');
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reseller-customer-detail': ResellerCustomerDetail;
  }
}
