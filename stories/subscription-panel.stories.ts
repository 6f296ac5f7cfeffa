import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {until} from 'lit/directives/until.js';
import type {ResellerSubscriptionPanel} from '../src/elements/subscription-panel/subscription-panel.js';
import {firstCustomerId} from './customer-detail.stories.js';
import type {SandboxParameters, StoryTenant} from './helpers/sandbox.js';

/**
 * `<reseller-subscription-panel>`: a customer's plan, price, monthly minutes, features, billing
 * period, quota use (warning above 80 %, alert at 100 %), billing (the current period's amount so
 * far with its overage, the history of past periods and its CSV) and plan change with a
 * confirmation. Standalone
 * here; it is also the Subscription tab of `<reseller-customer-detail>`. Each story runs on its own
 * sandbox tenant and shows its first customer, whose plan the story sets first when it says so.
 */
interface PanelArgs {
  /** A fixed id instead of the tenant's first customer (`0`: the first customer). */
  customerId?: number;
  /** Empty: the provider's client. Else the element's own client on this base URL (with the story tenant's token). */
  apiBase?: string;
}

/**
 * The element for one id; tests may render it too. With `apiBase` it configures itself (its own
 * client: `api-base` and the `token` property) instead of using the provider's.
 */
export const renderPanel = (id: number, own?: {apiBase?: string; token?: string | null}): TemplateResult =>
  html`<reseller-subscription-panel customer-id=${id} api-base=${ifDefined(own?.apiBase || undefined)} .token=${own?.apiBase ? (own.token ?? null) : null}></reseller-subscription-panel>`;

/** A plan to set first (Enterprise: a quota `usedFraction` of its use), or a customer registered today (no past periods). */
type PlanPreparation = {plan: string; usedFraction?: number} | {newCustomer: true};

/** Each story tenant's customer, prepared once: a change of a control re-renders the element, not the preparation. */
const preparedIds = new WeakMap<StoryTenant, number>();
const preparing = new WeakMap<StoryTenant, Promise<number>>();
function preparedOnce(tenant: StoryTenant, plan?: PlanPreparation): Promise<number> {
  let promise = preparing.get(tenant);
  if (!promise) {
    promise = prepared(tenant, plan).then((id) => (preparedIds.set(tenant, id), id));
    preparing.set(tenant, promise);
  }
  return promise;
}

/** The tenant's first customer, on `plan` (Enterprise: a quota `fraction` of its use, for the meter's levels). */
async function prepared(tenant: StoryTenant, plan?: PlanPreparation): Promise<number> {
  const headers = {authorization: `Bearer ${tenant.tokens.reseller}`, 'content-type': 'application/json'};
  if (plan && 'newCustomer' in plan) {
    const body = JSON.stringify({name: 'Nieuwe Klant BV', email: 'billing@nieuwe-klant.example', plan: 'silver'});
    return ((await (await fetch('/api/v3/reseller/customers', {method: 'POST', headers, body})).json()) as {id: number}).id;
  }
  const id = await firstCustomerId(tenant);
  if (!plan) return id;
  let body: Record<string, unknown> = {plan: plan.plan};
  if (plan.usedFraction) {
    const customer = (await (await fetch(`/api/v3/reseller/customers/${id}`, {headers})).json()) as {usage: {transcription_minutes: number}};
    body = {plan: 'enterprise', quota_minutes: Math.max(1, Math.round(customer.usage.transcription_minutes / plan.usedFraction))};
  }
  await (await fetch(`/api/v3/reseller/customers/${id}/subscription`, {method: 'PUT', headers, body: JSON.stringify(body)})).arrayBuffer(); // read: an unread no-store answer stays "in flight" in Chromium
  return id;
}

const meta: Meta<PanelArgs> = {
  title: 'Subscription panel',
  component: 'reseller-subscription-panel',
  excludeStories: /^render[A-Z]/,
  render: (args, {loaded, parameters}) => {
    const tenant = loaded.tenant as StoryTenant;
    const own = {apiBase: args.apiBase, token: tenant?.token};
    const id = args.customerId || preparedIds.get(tenant);
    // The same outer template either way, so the element stays when the id becomes known.
    return html`${id
      ? renderPanel(id, own)
      : until(preparedOnce(tenant, parameters.plan as PlanPreparation | undefined).then((prepared) => renderPanel(prepared, own)), '')}`;
  },
  args: {customerId: 0, apiBase: ''},
  argTypes: {
    customerId: {name: 'customer-id', control: {type: 'number', min: 0}},
    apiBase: {name: 'api-base', control: 'text'},
  },
  parameters: {sandbox: {customers: 3, seed: 7} satisfies SandboxParameters},
};
export default meta;

type Story = StoryObj<PanelArgs>;

async function panelIn(canvasElement: HTMLElement): Promise<ResellerSubscriptionPanel> {
  for (let i = 0; i < 100; i++) {
    const el = canvasElement.querySelector('reseller-subscription-panel');
    if (el?.shadowRoot?.querySelector('form')) return el;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the subscription panel did not load');
}

async function choose(el: ResellerSubscriptionPanel, plan: string, quota?: string): Promise<void> {
  const select = el.shadowRoot!.querySelector<HTMLSelectElement>('[part~="plan-select"]')!;
  select.value = plan;
  select.dispatchEvent(new Event('change', {bubbles: true}));
  await el.updateComplete;
  if (quota) {
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part~="quota-input"]')!;
    input.value = quota;
    input.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
    await el.updateComplete;
  }
}

/** Billing with a year of history (the default customer): price, the amount so far and how it is made up, past periods, CSV. */
export const WithHistory: Story = {parameters: {plan: {plan: 'silver'}}};

/** Enterprise: price and amounts "by contract", a custom quota. */
export const Enterprise: Story = {parameters: {plan: {plan: 'enterprise', usedFraction: 0.5}}};

/** The billing read fails (500): its own error and retry; the plan and the change form stay. */
export const BillingError: Story = {
  tags: ['http-errors'],
  parameters: {sandbox: {customers: 3, seed: 7, faults: [{method: 'GET', path: '/customers/*/billing', status: 500}]} satisfies SandboxParameters},
};

/** A customer registered today: no past billing periods yet (the empty history). */
export const EmptyHistory: Story = {parameters: {plan: {newCustomer: true}}};

/** Gold: 10,000 minutes, custom models and priority support. */
export const Gold: Story = {parameters: {plan: {plan: 'gold'}}};

/** Bronze: 500 minutes, no custom models, no priority support. */
export const Bronze: Story = {parameters: {plan: {plan: 'bronze'}}};

/** Above 80 % of the quota: the meter warns. */
export const QuotaWarning: Story = {parameters: {plan: {plan: 'enterprise', usedFraction: 0.9}}};

/** The quota is used up: the meter alerts. */
export const QuotaExceeded: Story = {parameters: {plan: {plan: 'enterprise', usedFraction: 1.5}}};

/** Changing to Silver: the confirmation shows the new quota. */
export const ChangeConfirmation: Story = {
  parameters: {plan: {plan: 'bronze'}},
  play: async ({canvasElement}) => {
    const el = await panelIn(canvasElement);
    await choose(el, 'silver');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="change-button"]')!.click();
  },
};

/** Enterprise asks for its monthly minutes: left empty, the field says so. */
export const EnterpriseNeedsMinutes: Story = {
  parameters: {plan: {plan: 'gold'}},
  play: async ({canvasElement}) => {
    const el = await panelIn(canvasElement);
    await choose(el, 'enterprise');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="change-button"]')!.click();
  },
};

/** The change fails (fault: 500): the reason, the selection kept. Confirm the dialog to see it. */
export const ChangeFails: Story = {
  tags: ['http-errors'],
  parameters: {sandbox: {customers: 3, seed: 7, faults: [{method: 'PUT', path: '/customers/*/subscription', status: 500}]} satisfies SandboxParameters},
  play: async ({canvasElement}) => {
    const el = await panelIn(canvasElement);
    await choose(el, 'enterprise', '12345');
  },
};

/** The subscription cannot be loaded (500): the message and a retry. */
export const LoadError: Story = {
  tags: ['http-errors'],
  parameters: {sandbox: {customers: 3, faults: [{method: 'GET', path: '/customers/*/subscription', status: 500}]} satisfies SandboxParameters},
};

/** An id that does not exist: "Customer not found". */
export const NotFound: Story = {tags: ['http-errors'], args: {customerId: 987654321}};

/** A RESELLEE token: "Reseller access required". */
export const ResellerAccessRequired: Story = {tags: ['http-errors'], parameters: {sandbox: {customers: 2, role: 'resellee'} satisfies SandboxParameters}};
