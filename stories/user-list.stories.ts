import type {Loader, Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {acceptInvitation, createStoryTenant, setFaults, type SandboxParameters, type StoryTenant} from './helpers/sandbox.js';

/**
 * `<reseller-user-list customer-id>`: the users (RESELLEE role) of a customer organization: invite,
 * resend an invitation, edit a name, deactivate / reactivate, remove. Every story makes its own
 * sandbox tenant with one customer (made through the API) and the users below, inside
 * `<reseller-provider>`. An active user is one who accepted the invitation (the control API's
 * accept, as from the email); `inactive` ones accepted first, unless `accepted: false`.
 */
interface UserStoryParameters extends SandboxParameters {
  users?: {name: string; email: string; status?: 'invited' | 'active' | 'inactive'; accepted?: boolean}[];
}

/** The element's attributes as controls. */
interface ElementArgs {
  /** `0`: the customer the loader made. */
  customerId?: number;
  /** Empty: the provider's client. Else the element's own client on this base URL (with the story tenant's token). */
  apiBase?: string;
}

const API = '/api/v3/reseller';

const customerLoader: Loader<ElementArgs> = async ({parameters}) => {
  const options = (parameters.userList ?? {}) as UserStoryParameters;
  const tenant = await createStoryTenant({customers: 0, role: options.role});
  const headers = {authorization: `Bearer ${tenant.tokens.reseller}`, 'content-type': 'application/json'};
  const call = async (method: string, path: string, body: unknown) =>
    (await fetch(`${API}${path}`, {method, headers, body: JSON.stringify(body)})).json() as Promise<{id: number}>;
  const customer = await call('POST', '/customers', {name: 'Acme Transcription BV', email: 'it@acme.example'});
  for (const u of options.users ?? []) {
    const user = await call('POST', `/customers/${customer.id}/users`, {name: u.name, email: u.email});
    if ((u.status === 'active' || u.status === 'inactive') && u.accepted !== false) await acceptInvitation(tenant.tokens.reseller, user.id);
    if (u.status === 'inactive') await call('PATCH', `/customers/${customer.id}/users/${user.id}`, {status: 'inactive'});
  }
  if (options.faults?.length) await setFaults(tenant.tokens.reseller, options.faults);
  return {tenant, customerId: customer.id};
};

const meta: Meta<ElementArgs> = {
  title: 'User list',
  component: 'reseller-user-list',
  loaders: [customerLoader],
  render: (args, {loaded}) => html`<reseller-user-list
    customer-id=${args.customerId || (loaded.customerId as number)}
    api-base=${ifDefined(args.apiBase || undefined)}
    .token=${args.apiBase ? ((loaded.tenant as StoryTenant | undefined)?.token ?? null) : null}
  ></reseller-user-list>`,
  args: {customerId: 0, apiBase: ''},
  argTypes: {
    customerId: {name: 'customer-id', control: {type: 'number', min: 0}},
    apiBase: {name: 'api-base', control: 'text'},
  },
  parameters: {
    // The global loader's tenant is replaced by this file's (same key, loaded after it).
    sandbox: {disabled: true} satisfies SandboxParameters,
    userList: {
      users: [
        {name: 'Anouk de Vries', email: 'anouk@acme.example', status: 'active'},
        {name: 'Jonas Weber', email: 'jonas@acme.example'},
        {name: 'Sofia García', email: 'sofia@acme.example', status: 'inactive'},
      ],
    } satisfies UserStoryParameters,
  },
};
export default meta;

type Story = StoryObj<ElementArgs>;
const userList = (options: UserStoryParameters) => ({userList: options});

/** Active, invited and inactive users. Inviting anouk@acme.example again shows the server's 422 at Email. */
export const Loaded: Story = {};

/** No users yet. */
export const Empty: Story = {parameters: userList({users: []})};

/** The list takes two seconds. */
export const Slow: Story = {parameters: userList({users: [{name: 'Slow Sam', email: 'sam@acme.example'}], faults: [{method: 'GET', delay_ms: 2000}]})};

/** The list answers 500. */
export const LoadError: Story = {tags: ['http-errors'], parameters: userList({faults: [{method: 'GET', path: '/customers/*/users', status: 500}]})};

/** A RESELLEE token: "reseller access required". */
export const ResellerAccessRequired: Story = {tags: ['http-errors'], parameters: userList({role: 'resellee'})};

/** Inviting fails with a 500: the dialog keeps the name and email. */
export const InviteFails: Story = {
  tags: ['http-errors'],
  parameters: userList({users: [{name: 'Anouk de Vries', email: 'anouk@acme.example'}], faults: [{method: 'POST', status: 500}]}),
};

/** Waits until `selector` matches in the user list's shadow root (10 s), then returns it. */
async function shadowPart<T extends Element>(canvas: HTMLElement, selector: string, what: string): Promise<T> {
  const el = canvas.querySelector('reseller-user-list')!;
  const deadline = Date.now() + 10_000;
  let found: T | null = null;
  while (!(found = el.shadowRoot?.querySelector<T>(selector) ?? null)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return found;
}

/** Opens Edit name on the first row, types `name` and saves. */
async function editName(canvas: HTMLElement, name: string): Promise<void> {
  (await shadowPart<HTMLButtonElement>(canvas, 'tbody [part~="edit-name-button"]', 'the first row’s Edit name button')).click();
  const input = await shadowPart<HTMLInputElement>(canvas, 'dialog.edit-name[open] #edit-name', 'the Edit name dialog');
  input.value = name;
  input.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
  (await shadowPart<HTMLButtonElement>(canvas, 'dialog.edit-name [part~="submit-button"]', 'Save')).click();
}

/**
 * The status machine: Jonas is invited (Resend invitation); Sofia was deactivated before she
 * accepted, so Activate gives her back "Invited", not "Active".
 */
export const InvitedAndDeactivated: Story = {
  parameters: userList({
    users: [
      {name: 'Jonas Weber', email: 'jonas@acme.example'},
      {name: 'Sofia García', email: 'sofia@acme.example', status: 'inactive', accepted: false},
      {name: 'Anouk de Vries', email: 'anouk@acme.example', status: 'active'},
    ],
  }),
};

/** Resending fails: within a minute of the invitation the sandbox answers 429 (here a 429 from the fault rules, for every resend). */
export const ResendFails: Story = {
  tags: ['http-errors'],
  parameters: userList({
    users: [{name: 'Jonas Weber', email: 'jonas@acme.example'}],
    faults: [{method: 'POST', path: '/customers/*/users/*/invitation', status: 429, retry_after: 45}],
  }),
  play: async ({canvasElement}) => (await shadowPart<HTMLButtonElement>(canvasElement, 'tbody [part~="resend-button"]', 'Resend invitation')).click(),
};

/** Edit name: saving fails with a 500; the dialog keeps what was typed and says why. */
export const EditNameFails: Story = {
  tags: ['http-errors'],
  parameters: userList({
    users: [{name: 'Anouk de Vries', email: 'anouk@acme.example', status: 'active'}],
    faults: [{method: 'PATCH', status: 500}],
  }),
  play: async ({canvasElement}) => editName(canvasElement, 'Anouk van der Berg'),
};

/** Edit name: a tab pasted into the name (a control character) is refused before sending, naming the field. */
export const EditNameInvalid: Story = {
  parameters: userList({users: [{name: 'Anouk de Vries', email: 'anouk@acme.example', status: 'active'}]}),
  play: async ({canvasElement}) => editName(canvasElement, 'Anouk\tde Vries'),
};

/** Every status change and removal fails with a 500. */
export const ChangesFail: Story = {
  tags: ['http-errors'],
  parameters: userList({
    users: [{name: 'Anouk de Vries', email: 'anouk@acme.example', status: 'active'}],
    faults: [{method: 'PATCH', status: 500}, {method: 'DELETE', status: 500}],
  }),
};
