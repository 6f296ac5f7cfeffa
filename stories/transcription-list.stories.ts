import type {Loader, Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {PAGE_SIZES, STATUS_FILTERS} from '../src/elements/transcription-list/transcript-query.js';
import {createStoryTenant, setFaults, type SandboxParameters} from './helpers/sandbox.js';

/**
 * `<reseller-transcription-list [customer-id]>`: transcription sessions of all customers, or of one
 * (`customer-id`), with status, date range and title filters, server paging and each session's
 * documents with download. Every story has its own seeded sandbox tenant, inside `<reseller-provider>`.
 */
interface ListArgs {
  status?: string;
  from?: string;
  to?: string;
  q?: string;
  page?: number;
  perPage?: number;
}

const render = (args: ListArgs, customerId?: number) => html`<reseller-transcription-list
  customer-id=${ifDefined(customerId)}
  status=${ifDefined(args.status)}
  from=${ifDefined(args.from || undefined)}
  to=${ifDefined(args.to || undefined)}
  q=${ifDefined(args.q || undefined)}
  page=${ifDefined(args.page)}
  per-page=${ifDefined(args.perPage)}
></reseller-transcription-list>`;

const meta: Meta<ListArgs> = {
  title: 'Transcription list',
  component: 'reseller-transcription-list',
  render: (args) => render(args),
  args: {status: 'all', from: '', to: '', q: '', page: 1, perPage: 25},
  argTypes: {
    status: {control: 'select', options: [...STATUS_FILTERS]},
    from: {control: 'text'},
    to: {control: 'text'},
    q: {control: 'text'},
    page: {control: {type: 'number', min: 1}},
    perPage: {name: 'per-page', control: 'select', options: [...PAGE_SIZES]},
  },
  parameters: {sandbox: {customers: 30, seed: 7} satisfies SandboxParameters},
};
export default meta;

type Story = StoryObj<ListArgs>;
const sandbox = (options: SandboxParameters) => ({sandbox: options});

/** Every customer's sessions, with a Customer column; open a session's documents to download one. */
export const AllCustomers: Story = {};

/** The customer with the most sessions (no Customer column), as the customer detail's tab shows it. */
export const OneCustomer: Story = {
  loaders: [
    (async ({parameters}: Parameters<Loader<ListArgs>>[0]) => {
      const options = {...(parameters.sandbox as SandboxParameters), faults: undefined};
      const tenant = await createStoryTenant(options);
      const page = (await (await fetch('/api/v3/reseller/transcripts?per_page=100', {headers: {authorization: `Bearer ${tenant.tokens.reseller}`}})).json()) as {
        data: {customer_id: number}[];
      };
      const counts = new Map<number, number>();
      for (const t of page.data) counts.set(t.customer_id, (counts.get(t.customer_id) ?? 0) + 1);
      const customerId = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
      if ((parameters.sandbox as SandboxParameters).faults?.length) await setFaults(tenant.tokens.reseller, (parameters.sandbox as SandboxParameters).faults!);
      return {tenant, customerId};
    }) satisfies Loader<ListArgs>,
  ],
  render: (args, {loaded}) => render(args, loaded.customerId as number | undefined),
};

/** Finished sessions only. */
export const Done: Story = {args: {status: 'done'}};

/** A date range: the last seven days. */
export const LastSevenDays: Story = {
  args: {from: new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10), to: new Date().toISOString().slice(0, 10)},
};

/** No transcriptions at all. */
export const Empty: Story = {parameters: sandbox({customers: 0})};

/** Filters that match nothing: Clear filters. */
export const NoMatch: Story = {args: {q: 'no session is called this'}};

/** Every request takes two seconds. */
export const Slow: Story = {parameters: sandbox({customers: 10, faults: [{method: 'GET', delay_ms: 2000}]})};

/** The list answers 500. */
export const LoadError: Story = {tags: ['http-errors'], parameters: sandbox({customers: 5, faults: [{method: 'GET', path: '/transcripts', status: 500}]})};

/** A RESELLEE token: "reseller access required". */
export const ResellerAccessRequired: Story = {tags: ['http-errors'], parameters: sandbox({customers: 5, role: 'resellee'})};

/** Downloads fail with a 500: a toast says so. */
export const DownloadFails: Story = {
  tags: ['http-errors'],
  parameters: sandbox({customers: 10, faults: [{method: 'GET', path: '/transcripts/documents/*/download', status: 500}]}),
};
