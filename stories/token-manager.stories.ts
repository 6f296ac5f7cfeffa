import type {Meta, StoryObj} from '@storybook/web-components-vite';
import type {Loader} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {createStoryTenant, setFaults, type SandboxParameters, type StoryTenant} from './helpers/sandbox.js';

/**
 * `<reseller-token-manager customer-id>`: a customer's API tokens. Generate one to see the secret
 * shown once; revoke one through the confirmation. Every story makes its own sandbox tenant with
 * one customer (made through the API, so the tokens below are the only ones), inside
 * `<reseller-provider>`.
 */
interface TokenStoryParameters extends SandboxParameters {
  /** Tokens to create for the customer before the story renders. */
  tokens?: {name: string; permissions: string[]; expires_in_days?: number}[];
}

/** The element's attributes as controls. */
interface ElementArgs {
  /** `0`: the customer the loader made. */
  customerId?: number;
  /** Empty: the provider's client. Else the element's own client on this base URL (with the story tenant's token). */
  apiBase?: string;
}

const API = '/api/v3/reseller';

/** A tenant, one customer with the story's tokens, then the story's faults. Overrides the global tenant. */
const customerLoader: Loader<ElementArgs> = async ({parameters}) => {
  const options = (parameters.tokenManager ?? {}) as TokenStoryParameters;
  const tenant = await createStoryTenant({customers: 0, role: options.role});
  const auth = {authorization: `Bearer ${tenant.tokens.reseller}`, 'content-type': 'application/json'};
  const post = async (path: string, body: unknown) => (await fetch(`${API}${path}`, {method: 'POST', headers: auth, body: JSON.stringify(body)})).json();
  const customer = (await post('/customers', {name: 'Acme Transcription BV', email: 'it@acme.example', plan: 'gold'})) as {id: number};
  for (const t of options.tokens ?? []) {
    const expires_at = t.expires_in_days ? new Date(Date.now() + t.expires_in_days * 86_400_000).toISOString() : null;
    await post('/tokens', {customer_id: customer.id, name: t.name, permissions: t.permissions, expires_at});
  }
  if (options.faults?.length) await setFaults(tenant.tokens.reseller, options.faults);
  return {tenant, customerId: customer.id};
};

const meta: Meta<ElementArgs> = {
  title: 'Token manager',
  component: 'reseller-token-manager',
  loaders: [customerLoader],
  render: (args, {loaded}) => html`<reseller-token-manager
    customer-id=${args.customerId || (loaded.customerId as number)}
    api-base=${ifDefined(args.apiBase || undefined)}
    .token=${args.apiBase ? ((loaded.tenant as StoryTenant | undefined)?.token ?? null) : null}
  ></reseller-token-manager>`,
  args: {customerId: 0, apiBase: ''},
  argTypes: {
    customerId: {name: 'customer-id', control: {type: 'number', min: 0}},
    apiBase: {name: 'api-base', control: 'text'},
  },
  parameters: {
    // The global loader's tenant is replaced by this file's (same key, loaded after it).
    sandbox: {disabled: true} satisfies SandboxParameters,
    tokenManager: {
      tokens: [
        {name: 'CI pipeline', permissions: ['transcripts:read', 'transcripts:write'], expires_in_days: 90},
        {name: 'Usage dashboard', permissions: ['usage:read']},
        {name: 'HR system', permissions: ['users:manage', 'transcripts:read'], expires_in_days: 365},
      ],
    } satisfies TokenStoryParameters,
  },
};
export default meta;

type Story = StoryObj<ElementArgs>;
const tokenManager = (options: TokenStoryParameters) => ({tokenManager: options});

/** Three tokens; Generate token shows the secret once. */
export const Loaded: Story = {};

/** No tokens yet. */
export const Empty: Story = {parameters: tokenManager({tokens: []})};

/** The list takes two seconds: placeholder rows of the final height. */
export const Slow: Story = {parameters: tokenManager({tokens: [{name: 'Slow', permissions: ['usage:read']}], faults: [{method: 'GET', delay_ms: 2000}]})};

/** The list answers 500: the message and a retry. */
export const LoadError: Story = {
  tags: ['http-errors'],
  parameters: tokenManager({faults: [{method: 'GET', path: '/customers/*/tokens', status: 500}]}),
};

/** A RESELLEE token: "reseller access required". */
export const ResellerAccessRequired: Story = {tags: ['http-errors'], parameters: tokenManager({role: 'resellee'})};

/** Generating fails with a 500: the form keeps what was typed and says why. */
export const GenerateFails: Story = {
  tags: ['http-errors'],
  parameters: tokenManager({tokens: [{name: 'Existing', permissions: ['usage:read']}], faults: [{method: 'POST', path: '/tokens', status: 500}]}),
};

/** Revoking fails with a 500: the confirmation says so, the token stays. */
export const RevokeFails: Story = {
  tags: ['http-errors'],
  parameters: tokenManager({tokens: [{name: 'Sticky', permissions: ['usage:read']}], faults: [{method: 'DELETE', path: '/tokens/*', status: 500}]}),
};

/** Waits for the token manager's first row, then opens Edit permissions on it. */
async function openEdit(canvas: HTMLElement) {
  const el = canvas.querySelector('reseller-token-manager')!;
  const deadline = Date.now() + 10_000;
  let button: HTMLButtonElement | null = null;
  while (!(button = el.shadowRoot?.querySelector<HTMLButtonElement>('tbody [part~="edit-button"]') ?? null)) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the first row’s Edit permissions button');
    await new Promise((r) => setTimeout(r, 50));
  }
  button.click();
  while (!el.shadowRoot!.querySelector('dialog.edit[open] input[name="permissions"]')) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the Edit permissions dialog');
    await new Promise((r) => setTimeout(r, 50));
  }
  return el;
}
const check = (el: Element, permission: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`dialog.edit input[value="${permission}"]`)!.click();
const save = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('dialog.edit [part~="submit-button"]')!.click();
const editOne = tokenManager({tokens: [{name: 'CI pipeline', permissions: ['transcripts:read', 'transcripts:write']}]});

/** Edit permissions: the token's permissions pre-set, Manage users added. */
export const EditPermissions: Story = {
  parameters: editOne,
  play: async ({canvasElement}) => check(await openEdit(canvasElement), 'users:manage'),
};

/** Removing a permission asks first, naming what systems using the token lose. */
export const EditConfirmNarrowing: Story = {
  parameters: editOne,
  play: async ({canvasElement}) => {
    const el = await openEdit(canvasElement);
    check(el, 'transcripts:write');
    save(el);
  },
};

/** Saving fails with a 500: the dialog keeps the choice and says why. */
export const EditFails: Story = {
  tags: ['http-errors'],
  parameters: tokenManager({tokens: [{name: 'Sync', permissions: ['usage:read']}], faults: [{method: 'PATCH', path: '/tokens/*', status: 500}]}),
  play: async ({canvasElement}) => {
    const el = await openEdit(canvasElement);
    check(el, 'transcripts:read');
    save(el);
  },
};
