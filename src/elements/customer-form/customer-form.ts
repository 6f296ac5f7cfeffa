import {LitElement, html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {DEFAULT_PLAN, PLANS} from '../../contract/constants.js';
import type {Customer} from '../../contract/schemas.js';
import {isAbortError} from '../../api/errors.js';
import {abortWhenRemoved, ApiController} from '../../controllers/api-controller.js';
import {LocaleController} from '../../controllers/locale-controller.js';
import {ResourceController} from '../../controllers/resource-controller.js';
import {ToastController} from '../../controllers/toast-controller.js';
import {ResellerCustomerCreatedEvent} from '../../events.js';
import type {PartialMessages} from '../../i18n/registry.js';
import {preloadPhone} from '../../phone/index.js';
import {shared, tokens} from '../../styles/index.js';
import {
  FORM_FIELDS, SubmissionKeys, describeFailure, isPlanId, loadPlans, validateDraft,
  type FieldErrors, type FormField, type Translate,
} from './customer-draft.js';
import {renderFailure, renderPlanField, renderTextField} from './customer-form.fields.js';
import {planOptionLabel} from '../shared/plans.js';
import {styles} from './customer-form.styles.js';
import {ModalController} from '../shared/modal-controller.js';
import type {ElementDependencies} from '../shared/registration.js';
import {ResellerToastRegion} from '../toast-region/toast-region.js';
import {ResellerPhoneField} from '../phone-field/phone-field.js';
import {ConnectionMixin} from '../shared/connection.js';

/**
 * The New Customer form: Name*, Email*, Phone (any country; national numbers are read in
 * `default-country`, stored as E.164) and Plan (Enterprise asks for its monthly minutes). Checks
 * with the contract's schema before sending; shows the server's 422 messages next to the fields
 * and any other failure inside the form, keeping everything typed. On success: a toast, the
 * dialog closes, the draft is cleared and `reseller-customer-created` fires.
 *
 * A modal `<dialog>` (top layer) opened with `open()` or the `open` attribute; with `inline` the
 * form renders in place instead. Closing (Escape, Cancel) keeps the draft: reopening shows it
 * again until a customer is created or the draft is cleared (Clear button or `reset()`).
 * Needs `<reseller-phone-field>` registered (the define module does it).
 *
 * @summary New Customer dialog (or inline form) with field-level validation.
 * @tag reseller-customer-form
 * @csspart dialog - The `<dialog>` (absent with `inline`).
 * @csspart form - The `<form>`.
 * @csspart heading - The heading.
 * @csspart description - The "fields marked * are required" line.
 * @csspart field - Each field's wrapper (also `name-field`, `email-field`, `plan-field`, `quota-field`).
 * @csspart label - Each field's label.
 * @csspart input - Each input and the plan select (also `name-input`, `email-input`, `plan-input`, `quota-input`).
 * @csspart hint - A field's hint.
 * @csspart field-error - A field's error message.
 * @csspart phone-field - The `<reseller-phone-field>`; its parts as `phone-label`, `phone-input`, `phone-hint`, `phone-error`.
 * @csspart alert - The message of a failed create (role=alert).
 * @csspart actions - The button row.
 * @csspart submit - The Create button.
 * @csspart cancel - The Cancel button (dialog only).
 * @csspart clear - The Clear button (shown when something was typed).
 * @cssprop --reseller-color-brand - Brand colour (Create button, focus ring).
 * @cssprop --reseller-color-danger - Colour of error messages and invalid fields.
 * @cssprop --reseller-color-surface-raised - Background of the dialog.
 * @cssprop --reseller-radius - Corner radius.
 * @cssprop --reseller-density - Spacing (`1` comfortable, `0.75` compact).
 * @fires {ResellerCustomerCreatedEvent} reseller-customer-created - A customer was created; `detail.customer` is the server's.
 * @fires {ResellerToastEvent} reseller-toast - "Customer … created." Cancelable: prevent it to show your own toast.
 * @fires {ResellerRequestErrorEvent} reseller-request-error - A request failed (own client only; a provider's reports from the provider).
 */
export class ResellerCustomerForm extends ConnectionMixin(LitElement) {
  static override styles = [tokens, shared, styles];
  /** The sub-elements it renders: registering this element registers them (shared/registration.ts). */
  static dependencies: ElementDependencies = {'reseller-phone-field': ResellerPhoneField, 'reseller-toast-region': ResellerToastRegion};

  readonly #api = new ApiController(this);
  readonly #i18n = new LocaleController(this, {strings: () => this.strings});
  readonly #toast = new ToastController(this, {i18n: this.#i18n});

  /** Render the form in place, without a dialog (`open()`/`close()` then do nothing). */
  @property({type: Boolean, reflect: true}) inline = false;
  /** Whether the dialog is open (attribute `open`); `open()` / `close()` set it. */
  @property({type: Boolean, reflect: true, attribute: 'open'}) opened = false;
  /** Country for phone numbers typed without a country code (ISO 3166 alpha-2). */
  @property({attribute: 'default-country'}) defaultCountry = 'NL';
  /** This element's own string overrides. */
  @property({attribute: false}) strings: PartialMessages | undefined = undefined;

  /** Messages next to the fields (client checks and the server's 422). */
  @state() private errors: FieldErrors = {};
  @state() private plan = DEFAULT_PLAN;
  @state() private busy = false;
  @state() private dirty = false;
  @state() private failure: {message: string; detail: string} | null = null;
  /** Set on first open (or first render inline): loads the plans only when needed. */
  @state() private active = false;

  readonly #keys = new SubmissionKeys();
  #abort: AbortController | null = null;

  readonly #plans = new ResourceController(this, {
    api: this.#api,
    args: () => [this.active] as const,
    load: (client, [active], {signal}) => (active ? loadPlans(client, signal) : PLANS),
  });
  readonly #modal = new ModalController(this, {
    dialog: () => this.renderRoot.querySelector('dialog'),
    isOpen: () => this.opened && !this.inline,
    onShown: () => this.#focusFirst(true),
    onClosed: () => (this.opened = false),
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    abortWhenRemoved(this, this.#abort);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('opened') && this.opened) || (changed.has('inline') && this.inline)) this.#activate();
  }

  /** Opens the dialog (remembering the focused element, which gets focus back on close). */
  open(): void {
    if (this.inline || this.opened) return;
    this.#modal.rememberOpener();
    this.opened = true;
  }

  /** Closes the dialog. What was typed stays for the next `open()`. */
  close(): void {
    this.opened = false;
  }

  /** Clears the draft, the errors and the failure message. */
  reset(): void {
    this.#form?.reset();
    if (this.#phone) this.#phone.value = '';
    this.plan = DEFAULT_PLAN;
    this.errors = {};
    this.failure = null;
    this.dirty = false;
    this.#keys.clear();
  }

  protected override render() {
    const form = this.#renderForm();
    if (this.inline) return form;
    return html`<dialog class="dialog" part="dialog" aria-labelledby="heading" @close=${this.#modal.closed}>${form}</dialog>`;
  }

  #renderForm() {
    const t: Translate = (key, params) => this.#i18n.t(key, params);
    const errors = this.errors;
    return html`<form class="form" part="form" novalidate aria-labelledby="heading" @submit=${this.#onSubmit} @input=${this.#onInput}>
      <h2 class="heading" part="heading" id="heading">${t('form.heading')}</h2>
      <p class="description" part="description">${t('form.description')}</p>
      ${renderTextField({field: 'name', label: t('form.name'), type: 'text', autocomplete: 'organization', error: errors.name})}
      ${renderTextField({field: 'email', label: t('form.email'), type: 'email', autocomplete: 'email', error: errors.email})}
      <reseller-phone-field part="phone-field" data-field="phone"
        exportparts="label: phone-label, input: phone-input, hint: phone-hint, error: phone-error"
        .label=${t('form.phone')} .hint=${t('form.phoneHint')} .error=${errors.phone ?? ''}
        .defaultCountry=${this.defaultCountry}></reseller-phone-field>
      ${renderPlanField({
        label: t('form.plan'), plans: this.#plans.latest ?? PLANS, selected: this.plan, error: errors.plan,
        optionLabel: (p) => planOptionLabel(p, t), onChange: this.#onPlan,
      })}
      ${this.plan === 'enterprise'
        ? renderTextField({field: 'quota_minutes', label: t('form.quota'), type: 'text', autocomplete: 'off', numeric: true, hint: t('form.quotaHint'), error: errors.quota_minutes})
        : nothing}
      ${renderFailure(this.failure)}
      <div class="actions" part="actions">
        ${this.dirty ? html`<button type="button" class="button ghost clear" part="clear" @click=${this.reset}>${t('form.clear')}</button>` : nothing}
        ${this.inline ? nothing : html`<button type="button" class="button" part="cancel" @click=${this.close}>${t('form.cancel')}</button>`}
        <button type="submit" class="button primary" part="submit" aria-busy=${this.busy ? 'true' : 'false'}
          aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? t('form.submitting') : t('form.submit')}</button>
      </div>
    </form>`;
  }

  get #form(): HTMLFormElement | null {
    return this.renderRoot.querySelector('form');
  }
  get #phone(): ResellerPhoneField | null {
    return this.renderRoot.querySelector('reseller-phone-field');
  }
  /** First open (or first render inline): load the plans, and for the dialog the phone library. */
  #activate(): void {
    if (this.active) return;
    this.active = true;
    if (!this.inline) void preloadPhone().catch(() => {}); // inline: the phone field loads it on focus
  }

  /** Focuses the first invalid field, or (when asked) the first field. */
  #focusFirst(orFirstField = false): void {
    const invalid = FORM_FIELDS.find((f) => this.errors[f]);
    const target = invalid ?? (orFirstField ? 'name' : undefined);
    if (target) this.renderRoot.querySelector<HTMLElement>(`[data-field="${target}"]`)?.focus();
  }

  #onInput = (event: Event): void => {
    this.dirty = true;
    const field = (event.target as HTMLElement).dataset?.field as FormField | undefined;
    if (field && this.errors[field]) this.errors = {...this.errors, [field]: undefined};
  };

  #onPlan = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    this.plan = isPlanId(value) ? value : DEFAULT_PLAN;
    this.dirty = true;
    if (this.errors.plan || this.errors.quota_minutes) this.errors = {...this.errors, plan: undefined, quota_minutes: undefined};
  };

  #onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.busy) return;
    const data = new FormData(this.#form!);
    const text = (name: string) => String(data.get(name) ?? '');
    this.busy = true;
    this.failure = null;
    this.#abort = new AbortController();
    const {signal} = this.#abort;
    try {
      const phone = (await this.#phone?.check()) ?? {kind: 'empty' as const};
      const draft = {name: text('name'), email: text('email'), plan: this.plan, quota: text('quota')};
      const result = await validateDraft(draft, phone, (k, p) => this.#i18n.t(k, p));
      if (result.errors) return this.#showErrors(result.errors);
      const customer = await this.#api.client.createCustomer(result.body, {idempotencyKey: this.#keys.keyFor(result.body), signal});
      this.#created(customer);
    } catch (error) {
      if (isAbortError(error) || signal.aborted) return;
      this.#failed(error);
    } finally {
      this.busy = false;
    }
  };

  async #showErrors(errors: FieldErrors): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    this.#focusFirst();
  }

  #created(customer: Customer): void {
    this.reset();
    this.close();
    this.#toast.show(this.#i18n.t('toast.customerCreated', {name: customer.name}), 'success');
    this.dispatchEvent(new ResellerCustomerCreatedEvent(customer));
  }

  #failed(error: unknown): void {
    const {errors, alert} = describeFailure(error, this.#i18n);
    this.failure = alert;
    if (errors) void this.#showErrors(errors);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reseller-customer-form': ResellerCustomerForm;
  }
}
