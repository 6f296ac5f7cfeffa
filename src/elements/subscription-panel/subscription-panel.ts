import {LitElement, html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {ifDefined} from 'lit/directives/if-defined.js';
import {TaskStatus, initialState} from '@lit/task';
import {PLAN_IDS} from '../../contract/constants.js';
import type {Billing, Customer, Plan, PlanId, Subscription} from '../../contract/schemas.js';
import {NotFoundError, ValidationError, isAbortError} from '../../api/errors.js';
import {abortWhenRemoved, ApiController, isAccessError} from '../../controllers/api-controller.js';
import {LiveController} from '../../controllers/live-controller.js';
import {LocaleController} from '../../controllers/locale-controller.js';
import {ResourceController} from '../../controllers/resource-controller.js';
import {ResellerSubscriptionChangeEvent} from '../../events.js';
import {ToastController} from '../../controllers/toast-controller.js';
import type {PartialMessages} from '../../i18n/registry.js';
import {shared, tokens} from '../../styles/index.js';
import {loadPlans, planOptionLabel} from '../shared/plans.js';
import {quotaStyles, renderQuotaMeter} from '../shared/quota-meter.js';
import {renderAccess, renderLoadError, renderLoading, renderNotFound} from '../shared/states.js';
import {confirmMessage, isChange, planUpdate, type PlanChoice} from './subscription-change.js';
import {styles} from './subscription-panel.styles.js';
import type {ElementDependencies} from '../shared/registration.js';
import {ResellerConfirmDialog} from '../confirm-dialog/confirm-dialog.js';
import {ResellerToastRegion} from '../toast-region/toast-region.js';
import {ConnectionMixin} from '../shared/connection.js';

interface Loaded {
  subscription: Subscription;
  customer: Customer;
  plans: readonly Plan[];
}

/** The billing read and its view module, which loads beside it (billing-view.ts, a lazy chunk). */
interface BillingLoaded {
  billing: Billing;
  view: typeof import('./billing-view.js');
}

/**
 * A customer's subscription: the plan with its monthly minutes (Bronze 500, Silver 2,000, Gold
 * 10,000, Enterprise custom) and price (Enterprise: by contract), custom models and priority
 * support, the billing period and the minutes used against the quota (warning from 80 %, alert at
 * 100 %). Billing (`GET /customers/{id}/billing`, with its own loading, error and empty states, so
 * a failed billing read never hides the plan): the current period's amount so far and how it is
 * made up (included minutes, minutes over, rate per minute over), the past periods as a table
 * (stacked lines below 480 px of the panel's width) and their CSV. Change plan: the plans come
 * from `GET /plans`; Enterprise asks for its monthly minutes; a confirmation shows the new quota;
 * a failed change keeps the selection and says why.
 *
 * @summary Plan, quota use and plan change of one customer.
 * @tag reseller-subscription-panel
 * @csspart heading - The heading.
 * @csspart facts - The plan facts (`<dl>`).
 * @csspart plan - The plan badge.
 * @csspart quota-minutes - The quota fact.
 * @csspart custom-models - The custom models fact.
 * @csspart priority-support - The priority support fact.
 * @csspart billing-period - The billing period fact.
 * @csspart price - The plan's price fact ("by contract" for Enterprise).
 * @csspart billing - The billing section (its own loading / error / empty states).
 * @csspart billing-current - The current period: amount so far and how it is made up.
 * @csspart current-amount - The current period's amount so far.
 * @csspart current-minutes - Minutes used in the current period.
 * @csspart included-minutes - Minutes included in the plan's price.
 * @csspart over-minutes - Minutes above the included ones.
 * @csspart overage-rate - The price of each minute over.
 * @csspart history-scroll - The billing history's scroller.
 * @csspart history - The billing history table.
 * @csspart history-row - One past period.
 * @csspart csv-button - Downloads the billing history as CSV.
 * @csspart quota - The quota meter block (`data-level` ok, warning or alert).
 * @csspart quota-label - The meter's label.
 * @csspart meter - The `<meter>`.
 * @csspart quota-value - Minutes used of the quota.
 * @csspart quota-status - Its warning/alert text.
 * @csspart change-form - The change plan form.
 * @csspart plan-select - The plan select.
 * @csspart quota-input - The Enterprise minutes input.
 * @csspart field-error - A field's message.
 * @csspart change-button - The Change plan button.
 * @csspart alert - Why a change failed.
 * @csspart state - Loading, error, not found and access blocks.
 * @csspart state-title - A state's title.
 * @csspart state-message - A state's message.
 * @csspart retry-button - The error's retry.
 * @cssprop --reseller-color-brand - Brand colour.
 * @cssprop --reseller-color-warning - Quota warning.
 * @cssprop --reseller-color-danger - Quota alert and errors.
 * @fires {ResellerSubscriptionChangeEvent} reseller-subscription-change - The plan was changed; `detail.subscription` is the server's.
 * @fires {ResellerToastEvent} reseller-toast - Cancelable: "… is now on the … plan."
 * @fires {ResellerRequestErrorEvent} reseller-request-error - A request failed (own client only).
 */
export class ResellerSubscriptionPanel extends ConnectionMixin(LitElement) {
  static override styles = [tokens, shared, quotaStyles, styles];
  /** The sub-elements it renders: registering this element registers them (shared/registration.ts). */
  static dependencies: ElementDependencies = {'reseller-confirm-dialog': ResellerConfirmDialog, 'reseller-toast-region': ResellerToastRegion};

  readonly #api = new ApiController(this);
  readonly #i18n = new LocaleController(this, {strings: () => this.strings});
  readonly #toast = new ToastController(this, {i18n: this.#i18n});

  /** The customer's id. */
  @property({type: Number, attribute: 'customer-id'}) customerId = 0;
  /** This element's own string overrides. */
  @property({attribute: false}) strings: PartialMessages | undefined = undefined;

  /** The plan chosen in the select (null: the current one). */
  @state() private selected: PlanId | null = null;
  @state() private quotaText: string | null = null;
  @state() private quotaError = '';
  @state() private busy = false;
  @state() private failure: {message: string; detail: string} | null = null;

  /** The subscription after a change made here (until the next load). */
  #changed: Subscription | null = null;
  #abort: AbortController | null = null;

  readonly #data = new ResourceController(this, {
    api: this.#api,
    args: () => [this.customerId] as const,
    load: async (client, [id], {signal, fresh}) => {
      if (!id) return initialState;
      const [subscription, customer, plans] = await Promise.all([client.getSubscription(id, {signal, fresh}), client.getCustomer(id, {signal, fresh}), loadPlans(client, signal)]);
      return {subscription, customer, plans} satisfies Loaded;
    },
    onComplete: () => (this.#changed = null),
  });

  /** Under `<reseller-provider live>`: the quota meter follows the customer's usage events in place. */
  protected readonly live = new LiveController(this, {
    api: this.#api,
    onEvent: (event) => {
      if (event.type === 'reset' || event.usage?.customer_id === this.customerId) void this.#data.refresh();
    },
  });

  readonly #billing = new ResourceController(this, {
    api: this.#api,
    args: () => [this.customerId] as const,
    load: async (client, [id], {signal, fresh}) => {
      if (!id) return initialState;
      const [billing, view] = await Promise.all([client.getBilling(id, {signal, fresh}), import('./billing-view.js')]);
      return {billing, view} satisfies BillingLoaded;
    },
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    abortWhenRemoved(this, this.#abort);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customerId') && changed.get('customerId') !== undefined) {
      this.selected = null;
      this.quotaText = null;
      this.quotaError = '';
      this.failure = null;
    }
  }

  /** Loads the subscription again. */
  reload(): Promise<unknown> {
    this.#api.client.invalidate(`/customers/${this.customerId}`);
    return Promise.all([this.#data.reload(), this.#billing.reload()]);
  }

  protected override render() {
    const t = this.#i18n.t.bind(this.#i18n);
    const error = this.#data.error;
    if (error) {
      if (isAccessError(error)) return renderAccess(this.#i18n, error);
      if (error instanceof NotFoundError) return renderNotFound(this.#i18n, this.customerId);
      return renderLoadError(this.#i18n, t('subscription.loadError'), error, () => void this.reload());
    }
    if (!this.customerId) return nothing;
    const data = this.#data.latest;
    if (this.#data.status !== TaskStatus.COMPLETE && data?.customer.id !== this.customerId) {
      return renderLoading(t('subscription.loading'), {lines: 6});
    }
    return data ? this.#renderPanel({...data, subscription: this.#changed ?? data.subscription}) : nothing;
  }

  #renderPanel({subscription: s, plans}: Loaded) {
    const t = this.#i18n.t.bind(this.#i18n);
    const plan = plans.find((p) => p.id === s.plan);
    const included = (yes: boolean) => (yes ? t('subscription.included') : t('subscription.notIncluded'));
    const price = plan?.monthly_price == null ? t('billing.byContract')
      : t('subscription.pricePerMonth', {price: this.#i18n.number(plan.monthly_price, {style: 'currency', currency: plan.currency})});
    return html`<section class="panel" aria-labelledby="heading">
      <h2 class="heading" part="heading" id="heading">${t('subscription.heading')}</h2>
      <dl class="facts" part="facts">
        <div><dt>${t('subscription.currentPlan')}</dt><dd><span class="badge brand" part="plan">${t(`plan.${s.plan}`)}</span></dd></div>
        <div><dt>${t('subscription.quota')}</dt><dd part="quota-minutes">${t('subscription.quotaMinutes', {minutes: s.quota_minutes})}${plan?.monthly_minutes === null
          ? html` <span class="badge">${t('subscription.customQuota')}</span>` : nothing}</dd></div>
        <div><dt>${t('subscription.price')}</dt><dd part="price">${price}</dd></div>
        <div><dt>${t('subscription.customModels')}</dt><dd part="custom-models">${included(s.custom_models)}</dd></div>
        <div><dt>${t('subscription.prioritySupport')}</dt><dd part="priority-support">${included(s.priority_support)}</dd></div>
        <div><dt>${t('subscription.billingPeriod')}</dt><dd part="billing-period">${t('subscription.periodRange', {
          start: this.#i18n.date(s.billing_period.start), end: this.#i18n.date(s.billing_period.end)})}</dd></div>
      </dl>
      ${renderQuotaMeter(this.#i18n, {used: s.transcription_minutes, quota: s.quota_minutes, label: t('subscription.used')})}
      ${this.#renderBilling(plans)}
      ${this.#renderChange(s, plans)}
      <reseller-confirm-dialog></reseller-confirm-dialog>
    </section>`;
  }

  /** The billing section: its own states, so a failed billing read leaves the plan in place. */
  #renderBilling(plans: readonly Plan[]) {
    const t = this.#i18n.t.bind(this.#i18n);
    const error = this.#billing.error;
    const loaded = this.#billing.latest;
    let body;
    if (error) body = renderLoadError(this.#i18n, t('billing.loadError'), error, () => void this.#billing.reload());
    else if (loaded?.billing.customer_id !== this.customerId) body = renderLoading(t('billing.loading'), {lines: 4});
    else {
      const {billing, view} = loaded;
      body = view.renderBilling({i18n: this.#i18n, billing, plans, onDownload: () => view.downloadBilling(this.renderRoot as ShadowRoot, billing)});
    }
    return html`<section class="billing" part="billing" aria-labelledby="billing-heading">
      <h3 class="subheading" id="billing-heading">${t('billing.heading')}</h3>
      ${body}
    </section>`;
  }

  #renderChange(s: Subscription, plans: readonly Plan[]) {
    const t = this.#i18n.t.bind(this.#i18n);
    const choice = this.#choice(s);
    const changed = isChange(choice, s);
    const describedBy = ['quota-hint', this.quotaError ? 'quota-error' : ''].filter(Boolean).join(' ');
    return html`<form class="change" part="change-form" novalidate aria-labelledby="change-heading" @submit=${this.#onSubmit}>
      <h3 class="subheading" id="change-heading">${t('subscription.changePlan')}</h3>
      <div class="field">
        <label class="label" for="plan">${t('subscription.choosePlan')}</label>
        <select class="input select" part="plan-select" id="plan" @change=${this.#onPlan}>
          ${plans.map((p) => html`<option value=${p.id} ?selected=${p.id === choice.plan}>${this.#planOption(p, s)}</option>`)}
        </select>
      </div>
      ${choice.plan === 'enterprise'
        ? html`<div class="field">
            <label class="label" for="quota">${t('subscription.quotaLabel')}</label>
            <input class="input" part="quota-input" id="quota" inputmode="numeric" autocomplete="off" .value=${choice.quota}
              aria-invalid=${this.quotaError ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy)} @input=${this.#onQuota} />
            <p class="hint" id="quota-hint">${t('subscription.quotaHint')}</p>
            ${this.quotaError ? html`<p class="field-error" part="field-error" id="quota-error">${this.quotaError}</p>` : nothing}
          </div>`
        : nothing}
      ${this.failure
        ? html`<div class="alert" part="alert" role="alert"><p>${this.failure.message}</p>${this.failure.detail
            ? html`<p class="alert-detail">${this.failure.detail}</p>` : nothing}</div>`
        : nothing}
      <div class="actions">
        ${changed ? nothing : html`<p class="hint" id="unchanged">${t('subscription.unchanged')}</p>`}
        <button type="submit" class="button primary" part="change-button" aria-busy=${this.busy ? 'true' : 'false'}
          aria-disabled=${changed && !this.busy ? 'false' : 'true'} aria-describedby=${ifDefined(changed ? undefined : 'unchanged')}>
          ${this.busy ? t('subscription.saving') : t('subscription.save')}</button>
      </div>
    </form>`;
  }

  #planOption(p: Plan, s: Subscription): string {
    const t = this.#i18n.t.bind(this.#i18n);
    return `${planOptionLabel(p, t)}${p.id === s.plan ? ` (${t('subscription.current')})` : ''}`;
  }

  #choice(s: Subscription): PlanChoice {
    const plan = this.selected ?? s.plan;
    const quota = this.quotaText ?? (plan === 'enterprise' && s.plan === 'enterprise' ? String(s.quota_minutes) : '');
    return {plan, quota};
  }

  #onPlan = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    if ((PLAN_IDS as readonly string[]).includes(value)) this.selected = value as PlanId;
    this.quotaError = '';
    this.failure = null;
  };

  #onQuota = (event: Event): void => {
    this.quotaText = (event.target as HTMLInputElement).value;
    this.quotaError = '';
  };

  #onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const data = this.#data.latest;
    if (this.busy || !data) return;
    const current = this.#changed ?? data.subscription;
    const choice = this.#choice(current);
    if (!isChange(choice, current)) return;
    const t = this.#i18n.t.bind(this.#i18n);
    const update = planUpdate(choice, t);
    if (update.error !== null) {
      this.quotaError = update.error;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#quota')?.focus();
      return;
    }
    const dialog = this.renderRoot.querySelector<ResellerConfirmDialog>('reseller-confirm-dialog')!;
    const confirmed = await dialog.confirm({
      heading: t('subscription.confirm.heading', {name: data.customer.name, plan: t(`plan.${choice.plan}`)}),
      message: confirmMessage(choice, current, data.plans, t, (n) => this.#i18n.number(n)),
      confirmLabel: t('subscription.save'),
    });
    if (confirmed) await this.#change(data.customer, update.body);
  };

  async #change(customer: Customer, body: {plan: PlanId; quota_minutes?: number}): Promise<void> {
    this.busy = true;
    this.failure = null;
    this.#abort = new AbortController();
    const {signal} = this.#abort;
    try {
      const subscription = await this.#api.client.updateSubscription(customer.id, body, {signal});
      this.#changed = subscription;
      // The current period's amount follows the new plan.
      void this.#billing.reload();
      this.selected = null;
      this.quotaText = null;
      const t = this.#i18n.t.bind(this.#i18n);
      this.#toast.show(t('toast.subscriptionChanged', {name: customer.name, plan: t(`plan.${subscription.plan}`)}), 'success');
      this.dispatchEvent(new ResellerSubscriptionChangeEvent(subscription));
    } catch (error) {
      if (isAbortError(error) || signal.aborted) return;
      this.#failed(error);
    } finally {
      this.busy = false;
    }
  }

  #failed(error: unknown): void {
    const t = this.#i18n.t.bind(this.#i18n);
    const fields = this.#i18n.fieldMessages(error);
    if (error instanceof ValidationError && fields.quota_minutes) this.quotaError = fields.quota_minutes;
    const others = error instanceof ValidationError ? Object.entries(fields).filter(([k]) => k !== 'quota_minutes').map(([, v]) => v) : [];
    if (error instanceof ValidationError && !others.length && this.quotaError) return;
    const detail = others.length ? others.join(' ') : this.#i18n.serverDetail(error);
    this.failure = {message: t('subscription.changeFailed', {message: this.#i18n.errorMessage(error)}), detail};
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reseller-subscription-panel': ResellerSubscriptionPanel;
  }
}
