import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import type {ResellerCustomerForm} from '../src/elements/customer-form/customer-form.js';
import type {SandboxParameters, StoryTenant} from './helpers/sandbox.js';

/**
 * `<reseller-customer-form>`: the New Customer dialog (or, with `inline`, the form in place).
 * Every story runs against its own fresh sandbox tenant, inside `<reseller-provider>`. Created
 * customers land in that tenant; the toast appears at the bottom of the page.
 */
interface FormArgs {
  open: boolean;
  inline: boolean;
  defaultCountry: string;
}

/** The form alone; tests may render it too. */
export const renderForm = (args: FormArgs) => html`<reseller-customer-form
  ?open=${args.open}
  ?inline=${args.inline}
  default-country=${args.defaultCountry}
></reseller-customer-form>`;

/** A host's "New Customer" button that opens the form (what `<reseller-customer-table>` does). */
export const renderWithTrigger = (args: FormArgs) => html`<button
    type="button"
    class="story-trigger"
    @click=${(e: Event) => (e.currentTarget as HTMLElement).parentElement!.querySelector('reseller-customer-form')!.open()}
  >
    New Customer
  </button>
  ${renderForm(args)}`;

const meta: Meta<FormArgs> = {
  title: 'Customer form',
  component: 'reseller-customer-form',
  excludeStories: /^render[A-Z]/,
  render: renderWithTrigger,
  args: {open: false, inline: false, defaultCountry: 'NL'},
  argTypes: {
    open: {control: 'boolean'},
    inline: {control: 'boolean'},
    defaultCountry: {name: 'default-country', control: 'text'},
  },
  parameters: {sandbox: {customers: 5} satisfies SandboxParameters},
};
export default meta;

type Story = StoryObj<FormArgs>;
const sandbox = (options: SandboxParameters) => ({sandbox: options});

// ---- play helpers: fill the form as typing would, then press Create ------------------------------

async function formIn(canvasElement: HTMLElement): Promise<ResellerCustomerForm> {
  const form = canvasElement.querySelector('reseller-customer-form')!;
  await form.updateComplete;
  return form;
}

function type(target: HTMLInputElement, value: string): void {
  target.value = value;
  target.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true, inputType: 'insertText', data: value}));
}

async function fillAndCreate(form: ResellerCustomerForm, values: {name: string; email: string; phone?: string}): Promise<void> {
  const root = form.shadowRoot!;
  type(root.querySelector<HTMLInputElement>('#name')!, values.name);
  type(root.querySelector<HTMLInputElement>('#email')!, values.email);
  if (values.phone) {
    const phone = root.querySelector('reseller-phone-field')!;
    await phone.updateComplete;
    type(phone.shadowRoot!.querySelector('input')!, values.phone);
  }
  root.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
}

// ---- stories ------------------------------------------------------------------------------------

/** Closed, with the host's "New Customer" button: click it (or press Enter on it) to open. */
export const ClosedWithTrigger: Story = {};

/** Open (the `open` attribute): a modal dialog in the top layer. */
export const Open: Story = {args: {open: true}};

/**
 * The server refuses the email (422 `fields.email`: already in use by a customer of this tenant):
 * the message sits next to the field, the dialog stays open, nothing typed is lost.
 */
export const ServerValidationErrors: Story = {
  tags: ['http-errors'],
  args: {open: true},
  play: async ({canvasElement, loaded}) => {
    const tenant = loaded.tenant as StoryTenant;
    const response = await fetch('/api/v3/reseller/customers?per_page=25', {headers: {authorization: `Bearer ${tenant.token}`}});
    const taken = ((await response.json()) as {data: {email: string}[]}).data[0]!.email;
    await fillAndCreate(await formIn(canvasElement), {name: 'Copycat BV', email: taken, phone: '06 12345678'});
  },
};

/** The create fails (fault: 500): the server's message inside the dialog, every value kept. */
export const CreateFails: Story = {
  tags: ['http-errors'],
  args: {open: true},
  parameters: sandbox({customers: 0, faults: [{method: 'POST', path: '/customers', status: 500}]}),
  play: async ({canvasElement}) => {
    await fillAndCreate(await formIn(canvasElement), {name: 'Grote Klant NV', email: 'it@grote.example', phone: '+32 470 12 34 56'});
  },
};

/** The create takes four seconds (fault: delay): the Create button is busy and ignores more clicks. */
export const SlowCreate: Story = {
  args: {open: true},
  parameters: sandbox({customers: 0, faults: [{method: 'POST', path: '/customers', delay_ms: 4000}]}),
  play: async ({canvasElement}) => {
    await fillAndCreate(await formIn(canvasElement), {name: 'Patient BV', email: 'wait@patient.example'});
  },
};

/** `inline`: the form in place, for a host's own "add customer" page. */
export const Inline: Story = {args: {inline: true}, render: renderForm};

/** Numbers without a country code are read as Belgian (`default-country="BE"`). */
export const BelgianDefaultCountry: Story = {args: {open: true, defaultCountry: 'BE'}};
