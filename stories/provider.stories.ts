import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html, nothing} from 'lit';
import {defineMeProbe} from './helpers/me-probe.js';
import type {SandboxParameters} from './helpers/sandbox.js';

/**
 * `<reseller-provider>` gives every element inside it the API client (base URL, token), locale and
 * strings. These stories show the provider's states through a small probe that loads `GET /me`
 * with the provider's client, next to the customer table (when it is registered); every story runs
 * against its own fresh sandbox tenant.
 */
const meta: Meta = {
  title: 'Provider',
  component: 'reseller-provider',
  render: () => {
    defineMeProbe();
    const table = customElements.get('reseller-customer-table') ? html`<reseller-customer-table></reseller-customer-table>` : nothing;
    return html`<div class="provider-story"><story-me-probe></story-me-probe>${table}</div>`;
  },
};
export default meta;

type Story = StoryObj;
const sandbox = (options: SandboxParameters) => ({sandbox: options});

/** A reseller token: the probe shows the organization. */
export const Reseller: Story = {parameters: sandbox({customers: 5})};

/** No token at all: "reseller access required". */
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
