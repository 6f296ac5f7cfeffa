import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html, type TemplateResult} from 'lit';
import {until} from 'lit/directives/until.js';
import {TABS} from '../src/elements/customer-detail/tab-loaders.js';
import type {ResellerCustomerDetail} from '../src/elements/customer-detail/customer-detail.js';
import type {SandboxParameters, StoryTenant} from './helpers/sandbox.js';

/**
 * `<reseller-customer-detail>`: one customer's details form and its five tabs (Subscription,
 * Usage, Tokens, Users, Transcriptions; each tab's element loads when the tab first opens).
 * Every story runs against its own fresh sandbox tenant, inside `<reseller-provider>`; the story
 * shows the tenant's first customer unless it says otherwise.
 */
interface DetailArgs {
  tab: string;
  defaultCountry: string;
  /** A fixed id instead of the tenant's first customer (e.g. one that does not exist). */
  customerId?: number;
}

/** The element for one id; tests may render it too. */
export const renderDetail = (args: DetailArgs, id: number): TemplateResult => html`<reseller-customer-detail
  customer-id=${id} tab=${args.tab} default-country=${args.defaultCountry}></reseller-customer-detail>`;

/** The id of the tenant's first customer (asked with the tenant's reseller token). */
export async function firstCustomerId(tenant: StoryTenant | null | undefined): Promise<number> {
  if (!tenant) return 1;
  const response = await fetch('/api/v3/reseller/customers?per_page=25&sort=id', {headers: {authorization: `Bearer ${tenant.tokens.reseller}`}});
  const page = (await response.json()) as {data: {id: number}[]};
  return page.data[0]?.id ?? 1;
}

const meta: Meta<DetailArgs> = {
  title: 'Customer detail',
  component: 'reseller-customer-detail',
  excludeStories: /^(render[A-Z]|firstCustomerId)/,
  render: (args, {loaded}) =>
    args.customerId ? renderDetail(args, args.customerId) : html`${until(firstCustomerId(loaded.tenant as StoryTenant).then((id) => renderDetail(args, id)), '')}`,
  args: {tab: 'subscription', defaultCountry: 'NL'},
  argTypes: {
    tab: {control: 'inline-radio', options: [...TABS]},
    defaultCountry: {name: 'default-country', control: 'text'},
    customerId: {name: 'customer-id', control: 'number'},
  },
  parameters: {sandbox: {customers: 5} satisfies SandboxParameters},
};
export default meta;

type Story = StoryObj<DetailArgs>;
const sandbox = (options: SandboxParameters) => ({sandbox: options});

/** The element in the story, once it has its form. */
async function detailIn(canvasElement: HTMLElement): Promise<ResellerCustomerDetail> {
  for (let i = 0; i < 100; i++) {
    const el = canvasElement.querySelector('reseller-customer-detail');
    if (el?.shadowRoot?.querySelector('form')) return el;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the customer detail did not load');
}

function type(target: HTMLInputElement, value: string): void {
  target.value = value;
  target.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true, inputType: 'insertText', data: value}));
}

/** Loaded: the form, the Subscription tab open. */
export const Loaded: Story = {};

/** In a 320 px side panel (the Width toolbar at 320): one field a line, the facts and tabs wrap. */
export const Narrow: Story = {globals: {width: '320'}};

/** The Usage tab, restored from `tab="usage"`: `<reseller-usage-chart customer-id>`, loaded when the tab opens. */
export const UsageTab: Story = {args: {tab: 'usage'}};

/** A tab whose element is not installed in this build (Transcriptions, for now): "not available". */
export const TabNotAvailable: Story = {args: {tab: 'transcriptions'}};

/** Edited but not saved: Update is enabled, Reset appears. */
export const Edited: Story = {
  play: async ({canvasElement}) => {
    const el = await detailIn(canvasElement);
    type(el.shadowRoot!.querySelector<HTMLInputElement>('#name')!, 'Renamed Customer BV');
    type(el.shadowRoot!.querySelector<HTMLInputElement>('#segment')!, 'enterprise');
  },
};

/** Every request takes two seconds: a skeleton of the form's shape, then the form. */
export const Loading: Story = {parameters: sandbox({customers: 5, faults: [{method: 'GET', path: '/customers/*', delay_ms: 2000}]})};

/** The customer cannot be loaded (500): the message and a retry. */
export const LoadError: Story = {
  tags: ['http-errors'],
  parameters: sandbox({customers: 5, faults: [{method: 'GET', path: '/customers/*', status: 500}]}),
};

/** An id that does not exist (or belongs to another reseller): "Customer not found". */
export const NotFound: Story = {tags: ['http-errors'], args: {customerId: 987654321}};

/** A RESELLEE token: "Reseller access required". */
export const ResellerAccessRequired: Story = {tags: ['http-errors'], parameters: sandbox({customers: 2, role: 'resellee'})};

/** The save fails (fault: 500): the reason under the form, every edit kept, Update still enabled. */
export const SaveFails: Story = {
  tags: ['http-errors'],
  parameters: sandbox({customers: 5, faults: [{method: 'PATCH', path: '/customers/*', status: 500}]}),
  play: async ({canvasElement}) => {
    const el = await detailIn(canvasElement);
    type(el.shadowRoot!.querySelector<HTMLInputElement>('#name')!, 'Will Not Save BV');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="update"]')!.click();
  },
};

/** The server refuses the email (422, already in use): the message at the field, the edit kept. */
export const ValidationErrors: Story = {
  tags: ['http-errors'],
  play: async ({canvasElement, loaded}) => {
    const tenant = loaded.tenant as StoryTenant;
    const response = await fetch('/api/v3/reseller/customers?per_page=25&sort=id', {headers: {authorization: `Bearer ${tenant.tokens.reseller}`}});
    const taken = ((await response.json()) as {data: {email: string}[]}).data[1]!.email;
    const el = await detailIn(canvasElement);
    type(el.shadowRoot!.querySelector<HTMLInputElement>('#email')!, taken);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="update"]')!.click();
  },
};

/** Someone else saved first (412): the explanation, with "Load latest version" and "Save my changes anyway". */
export const Conflict: Story = {
  tags: ['http-errors'],
  play: async ({canvasElement, loaded}) => {
    const tenant = loaded.tenant as StoryTenant;
    const el = await detailIn(canvasElement);
    type(el.shadowRoot!.querySelector<HTMLInputElement>('#name')!, 'My Edit BV');
    await (await fetch(`/api/v3/reseller/customers/${el.customerId}`, {
      method: 'PATCH',
      headers: {authorization: `Bearer ${tenant.tokens.reseller}`, 'content-type': 'application/json'},
      body: JSON.stringify({name: 'Their Edit BV'}),
    })).arrayBuffer(); // read: an unread no-store answer stays "in flight" in Chromium
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="update"]')!.click();
  },
};

/** Leaving with unsaved edits: `canLeave()` (what a host router calls) asks first. */
export const LeaveWithUnsavedEdits: Story = {
  play: async ({canvasElement}) => {
    const el = await detailIn(canvasElement);
    type(el.shadowRoot!.querySelector<HTMLInputElement>('#email')!, 'not-saved@example.com');
    await el.updateComplete;
    void el.canLeave();
  },
};

/** Delete: the same permanent-deletion confirm as the table's menu (then `reseller-customer-deleted`, for the host to navigate away). */
export const DeleteConfirm: Story = {
  play: async ({canvasElement}) => {
    const el = await detailIn(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="delete"]')!.click();
  },
};

/** The delete fails (fault: 500): the reason in the dialog; cancelling keeps the page as it was. */
export const DeleteFails: Story = {
  tags: ['http-errors'],
  parameters: sandbox({customers: 5, faults: [{method: 'DELETE', path: '/customers/*', status: 500}]}),
  play: async ({canvasElement}) => {
    const el = await detailIn(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="delete"]')!.click();
    const dialog = el.shadowRoot!.querySelector('reseller-confirm-dialog')!;
    await customElements.whenDefined('reseller-confirm-dialog');
    await (dialog as HTMLElement & {updateComplete: Promise<boolean>}).updateComplete;
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
  },
};
