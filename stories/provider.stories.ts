import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html, nothing} from 'lit';
import {defineMeProbe} from './helpers/me-probe.js';
import {inProvider, STORY_LOCALES} from './helpers/render.js';
import type {SandboxParameters, StoryTenant} from './helpers/sandbox.js';

/**
 * `<reseller-provider>` gives every element inside it the API client (base URL, token), locale and
 * strings. These stories show the provider's states through a small probe that loads `GET /me`
 * with the provider's client, next to the customer table (when it is registered); every story runs
 * against its own fresh sandbox tenant.
 */
interface ProviderArgs {
  /** Empty: the toolbar's locale. */
  locale?: string;
  /** Empty: the default, `/api/v3/reseller` on this origin. */
  apiBase?: string;
}

const meta: Meta<ProviderArgs> = {
  title: 'Provider',
  component: 'reseller-provider',
  // The story renders the provider itself (the one the global decorator would add, same frame),
  // so its attributes follow the controls.
  render: (args, {loaded, globals}) => {
    defineMeProbe();
    const table = customElements.get('reseller-customer-table') ? html`<reseller-customer-table></reseller-customer-table>` : nothing;
    return inProvider(
      {
        token: (loaded.tenant as StoryTenant | null | undefined)?.token ?? null,
        locale: args.locale || (globals.locale as string),
        brand: globals.brand as string,
        theme: globals.theme as 'light' | 'dark',
        apiBase: args.apiBase || undefined,
        // Without a token the elements wait for one; the No token story shows "Not configured" after 1 s.
        credentialsTimeout: 1000,
      },
      html`<div class="provider-story"><story-me-probe></story-me-probe>${table}</div>`,
    );
  },
  args: {locale: '', apiBase: ''},
  argTypes: {
    locale: {control: 'select', options: ['', ...Object.keys(STORY_LOCALES)]},
    apiBase: {name: 'api-base', control: 'text'},
  },
  parameters: {provider: false},
};
export default meta;

type Story = StoryObj<ProviderArgs>;
const sandbox = (options: SandboxParameters) => ({sandbox: options});

/** A reseller token: the probe shows the organization. */
export const Reseller: Story = {parameters: sandbox({customers: 5})};

/** No token at all: the table sends nothing and shows "Not configured" (after the provider's `credentials-timeout`, 1 s here); the probe asks with the provider's client as it is and gets "reseller access required". */
export const NoToken: Story = {
  tags: ['http-errors'],
  parameters: sandbox({customers: 0, role: 'none'}),
};

/** A RESELLEE (customer user) token: "reseller access required". */
export const ReselleeToken: Story = {
  tags: ['http-errors'],
  parameters: sandbox({customers: 0, role: 'resellee'}),
};

/** The API answers 503 to everything: an error with a retry (after the client's own retries). */
export const ApiDown: Story = {
  tags: ['http-errors'],
  parameters: sandbox({customers: 0, faults: [{status: 503}]}),
};

/** Every request takes two seconds: the loading state, then the data. */
export const SlowApi: Story = {parameters: sandbox({customers: 5, faults: [{delay_ms: 2000}]})};
