import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {type SandboxParameters, type StoryTenant, simulateStory} from './helpers/sandbox.js';

/**
 * `<reseller-usage-dashboard>`: reseller-wide totals with the change against the previous period,
 * the all-customers chart with its range, granularity and export, top customers (open event) and
 * customers above 80 % of their quota. Each story runs on its own sandbox tenant.
 */
interface DashboardArgs {
  from?: string;
  to?: string;
  detailHref?: string;
  top?: number;
}

/** The story template; tests may render it too. */
export const renderDashboard = (args: DashboardArgs): TemplateResult => html`<reseller-usage-dashboard
  from=${ifDefined(args.from || undefined)}
  to=${ifDefined(args.to || undefined)}
  detail-href=${ifDefined(args.detailHref || undefined)}
  .top=${args.top ?? 10}
></reseller-usage-dashboard>`;

const meta: Meta<DashboardArgs> = {
  title: 'Usage dashboard',
  component: 'reseller-usage-dashboard',
  excludeStories: /^render[A-Z]/,
  render: renderDashboard,
  args: {from: '', to: '', detailHref: '#/customers/{id}', top: 10},
  argTypes: {from: {control: 'text'}, to: {control: 'text'}, detailHref: {name: 'detail-href', control: 'text'}, top: {control: {type: 'number', min: 1}}},
  parameters: {sandbox: {customers: 60, seed: 5} satisfies SandboxParameters},
};
export default meta;

type Story = StoryObj<DashboardArgs>;
const sandbox = (options: SandboxParameters) => ({sandbox: options});

/** Sixty customers, the last 30 days. */
export const Overview: Story = {};

/**
 * The usage takes four seconds: the loading state (totals with their labels, the chart area and its
 * sentence's place, both lists with their rows) is as tall as the loaded dashboard, so nothing
 * below it moves when the data arrives.
 */
export const Loading: Story = {parameters: sandbox({customers: 60, seed: 5, faults: [{method: 'GET', path: '/usage', delay_ms: 4000}]})};

/** A range before any usage: zero totals, no top customers, empty chart. */
export const EmptyRange: Story = {args: {from: '2020-01-01', to: '2020-03-31'}};

/** The overview answers 500: the message and a retry. */
export const LoadError: Story = {tags: ['http-errors'], parameters: sandbox({customers: 5, faults: [{method: 'GET', path: '/usage', status: 500}]})};

/** A RESELLEE token: "reseller access required". */
export const ResellerAccessRequired: Story = {tags: ['http-errors'], parameters: sandbox({customers: 5, role: 'resellee'})};

/**
 * Live usage: the provider has `live`, and a simulation (the sandbox's control API) creates a
 * transcription every three seconds for the first customer. The totals, the chart and the
 * transcription list below follow in place over one shared connection (docs/live.md); a customer
 * crossing 80 % or 100 % of its quota is announced politely.
 */
export const Live: Story = {
  parameters: {live: true, sandbox: {customers: 8, seed: 5}},
  render: (args) => html`${renderDashboard(args)}<reseller-transcription-list></reseller-transcription-list>`,
  play: async ({loaded}) => {
    const token = (loaded.tenant as StoryTenant | null)?.token;
    if (!token) return;
    const customers = (await (await fetch('/api/v3/reseller/customers?sort=id', {headers: {authorization: `Bearer ${token}`}})).json()) as {data: Array<{id: number}>};
    const first = customers.data[0];
    if (first) await simulateStory(token, {customer_id: first.id, count: 20, interval_ms: 3000, duration_seconds: 900});
  },
};
