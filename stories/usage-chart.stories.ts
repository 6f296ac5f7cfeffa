import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {until} from 'lit/directives/until.js';
import {GRANULARITIES, METRICS} from '../src/elements/shared/chart-state.js';
import type {SandboxParameters, StoryTenant} from './helpers/sandbox.js';

/**
 * `<reseller-usage-chart>`: audio hours or transcriptions per day, week or month over a range
 * (presets in the viewer's time zone, or custom), as an SVG bar chart with keyboard and hover
 * tooltips or as a table, the quota of the current billing period for one customer, and a CSV
 * export of what is shown. Each story runs on its own sandbox tenant (a year of daily usage).
 */
interface ChartArgs {
  /** A customer id, `first` (the tenant's busiest customer) or empty for all customers. */
  customer?: string;
  from?: string;
  to?: string;
  granularity?: string;
  metric?: string;
  tableView?: boolean;
}

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** The story template; tests may render it too. */
export const renderChart = (args: ChartArgs, customerId?: number): TemplateResult => html`<reseller-usage-chart
  customer-id=${ifDefined(customerId)}
  from=${ifDefined(args.from || undefined)}
  to=${ifDefined(args.to || undefined)}
  granularity=${ifDefined(args.granularity || undefined)}
  metric=${ifDefined(args.metric || undefined)}
  ?table-view=${args.tableView}
></reseller-usage-chart>`;

/** The tenant's customer with the most usage this billing period (optionally on a plan / quota fraction first). */
async function busiestCustomer(tenant: StoryTenant, usedFraction?: number): Promise<number> {
  const headers = {authorization: `Bearer ${tenant.tokens.reseller}`, 'content-type': 'application/json'};
  const page = (await (await fetch('/api/v3/reseller/customers?per_page=100', {headers})).json()) as {data: {id: number; usage: {transcription_minutes: number}}[]};
  const c = [...page.data].sort((a, b) => b.usage.transcription_minutes - a.usage.transcription_minutes)[0]!;
  if (usedFraction) {
    const body = {plan: 'enterprise', quota_minutes: Math.max(1, Math.round(c.usage.transcription_minutes / usedFraction))};
    await (await fetch(`/api/v3/reseller/customers/${c.id}/subscription`, {method: 'PUT', headers, body: JSON.stringify(body)})).arrayBuffer(); // read: an unread no-store answer stays "in flight" in Chromium
  }
  return c.id;
}

const meta: Meta<ChartArgs> = {
  title: 'Usage chart',
  component: 'reseller-usage-chart',
  excludeStories: /^render[A-Z]/,
  render: (args, {loaded, parameters}) => {
    if (!args.customer) return renderChart(args);
    if (args.customer !== 'first') return renderChart(args, Number(args.customer));
    const tenant = loaded.tenant as StoryTenant;
    return html`${until(busiestCustomer(tenant, parameters.usedFraction as number | undefined).then((id) => renderChart(args, id)), '')}`;
  },
  args: {customer: '', from: '', to: '', granularity: '', metric: 'hours', tableView: false},
  argTypes: {
    customer: {control: 'text', description: 'customer-id (`first`: the busiest customer of the story tenant)'},
    from: {control: 'text'},
    to: {control: 'text'},
    granularity: {control: 'inline-radio', options: ['', ...GRANULARITIES]},
    metric: {control: 'inline-radio', options: [...METRICS]},
    tableView: {name: 'table-view', control: 'boolean'},
  },
  parameters: {sandbox: {customers: 20, seed: 11} satisfies SandboxParameters},
};
export default meta;

type Story = StoryObj<ChartArgs>;
const sandbox = (options: SandboxParameters) => ({sandbox: options});

/** All customers, the last 30 days by day (the default range). */
export const AllCustomers: Story = {};

/** In a 320 px side panel (the Width toolbar at 320): the selects share the lines, View and Export a line of their own. */
export const Narrow: Story = {globals: {width: '320'}};

/** One customer with its quota meter for the current billing period. */
export const OneCustomer: Story = {args: {customer: 'first'}};

/** 365 days × daily bars: one Tab stop, arrows move the tooltip; labels thinned. */
export const YearOfDays: Story = {args: {from: daysAgo(364), to: today(), granularity: 'day'}};

/** The last 12 months by month, transcriptions. */
export const TwelveMonths: Story = {args: {from: `${daysAgo(330).slice(0, 7)}-01`, to: today(), granularity: 'month', metric: 'transcriptions'}};

/** The table view (screen readers, copying): the same buckets as the chart and the CSV. */
export const TableView: Story = {args: {granularity: 'week', from: daysAgo(83), to: today(), tableView: true}};

/** A range before the customers had any usage: "No usage in this period". */
export const EmptyRange: Story = {args: {from: '2020-01-01', to: '2020-03-31'}};

/** Quota above 80 %: warning colour, icon and text. */
export const QuotaWarning: Story = {args: {customer: 'first'}, parameters: {usedFraction: 0.9}};

/** Quota used up (Enterprise custom quota): alert colour, icon and text. */
export const QuotaExceeded: Story = {args: {customer: 'first'}, parameters: {usedFraction: 1.2}};

/** Every request takes two seconds: the fixed-height area keeps its place. */
export const Slow: Story = {parameters: sandbox({customers: 20, faults: [{delay_ms: 2000}]})};

/** The usage request answers 500: the message and a retry. */
export const LoadError: Story = {tags: ['http-errors'], parameters: sandbox({customers: 5, faults: [{method: 'GET', path: '/usage', status: 500}]})};

/** A RESELLEE token: "reseller access required". */
export const ResellerAccessRequired: Story = {tags: ['http-errors'], parameters: sandbox({customers: 5, role: 'resellee'})};
