import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {ORDERS, PAGE_SIZES, SORT_KEYS, STATUS_FILTERS} from '../src/elements/customer-table/table-query.js';
import type {Loader} from '@storybook/web-components-vite';
import {createStoryTenant, setFaults, type SandboxParameters} from './helpers/sandbox.js';

/**
 * `<reseller-customer-table>`: the reseller's customers, paged on the server, with sort, status
 * filter, search, copy, open, row and context menus, delete and New Customer. Every story runs
 * against its own fresh sandbox tenant (the global loader), inside `<reseller-provider>`.
 */
interface TableArgs {
  sort?: string;
  order?: string;
  status?: string;
  q?: string;
  page?: number;
  perPage?: number;
  detailHref?: string;
  metadataFilter?: string;
  metadataQ?: string;
  metadataColumns?: string;
}

/** The story template; tests may render it too. */
export const renderTable = (args: TableArgs) => html`<reseller-customer-table
  sort=${ifDefined(args.sort)}
  order=${ifDefined(args.order)}
  status=${ifDefined(args.status)}
  q=${ifDefined(args.q || undefined)}
  page=${ifDefined(args.page)}
  per-page=${ifDefined(args.perPage)}
  detail-href=${ifDefined(args.detailHref || undefined)}
  metadata-filter=${ifDefined(args.metadataFilter || undefined)}
  metadata-q=${ifDefined(args.metadataQ || undefined)}
  metadata-columns=${ifDefined(args.metadataColumns || undefined)}
></reseller-customer-table>`;

const meta: Meta<TableArgs> = {
  title: 'Customer table',
  component: 'reseller-customer-table',
  render: renderTable,
  args: {sort: 'id', order: 'asc', status: 'all', q: '', page: 1, perPage: 25, detailHref: ''},
  argTypes: {
    sort: {control: 'select', options: [...SORT_KEYS]},
    order: {control: 'inline-radio', options: [...ORDERS]},
    status: {control: 'inline-radio', options: [...STATUS_FILTERS]},
    perPage: {name: 'per-page', control: 'select', options: [...PAGE_SIZES]},
    page: {control: {type: 'number', min: 1}},
    q: {control: 'text'},
    detailHref: {name: 'detail-href', control: 'text'},
    metadataFilter: {name: 'metadata-filter', control: 'text'},
    metadataQ: {name: 'metadata-q', control: 'text'},
    metadataColumns: {name: 'metadata-columns', control: 'text'},
  },
  parameters: {sandbox: {customers: 60} satisfies SandboxParameters},
};
export default meta;

type Story = StoryObj<TableArgs>;
const sandbox = (options: SandboxParameters) => ({sandbox: options});

/** Sixty seeded customers: page 1 of 3. */
export const Loaded: Story = {};

/** In a 320 px side panel (the Width toolbar at 320): rows become cards with the same link, copy and menu actions. */
export const Narrow: Story = {globals: {width: '320'}};

/** The host shows two metadata columns (`metadata-columns="region,tier"`); below 1280 px they give way first. */
export const MetadataColumns: Story = {args: {metadataColumns: 'region,tier'}};

/** Filtered by a metadata value (`metadata-filter="region:benelux"`), with its column; the Metadata button counts the filter. */
export const MetadataFilter: Story = {args: {metadataFilter: 'region:benelux', metadataColumns: 'region,segment'}};

/** Sorted by a metadata column (`sort="metadata.region"`, descending): its header holds the sort state; customers without a region come last. */
export const SortedByMetadata: Story = {args: {sort: 'metadata.region', order: 'desc', metadataColumns: 'region,tier'}};

/** A metadata search that matches nobody: the no-match state, with Clear filters. */
export const MetadataNoMatch: Story = {args: {metadataQ: 'no value is this'}};

/** Metadata columns while the first page loads (skeleton rows with the extra columns). */
export const MetadataLoading: Story = {args: {metadataColumns: 'region,tier'}, parameters: sandbox({customers: 60, faults: [{delay_ms: 2000}]})};

/** Name and Email are real links (`detail-href="/customers/{id}"`): middle click opens a tab. */
export const WithDetailHref: Story = {args: {detailHref: '#/customers/{id}'}};

/** Sorted by registration date, newest first, active customers only, 50 a page. */
export const SortedAndFiltered: Story = {args: {sort: 'created_at', order: 'desc', status: 'active', perPage: 50}};

/** No customers yet: a call to create the first one. */
export const Empty: Story = {parameters: sandbox({customers: 0})};

/** A search that matches nothing. */
export const NoMatch: Story = {args: {q: 'no customer is called this'}};

/**
 * Every request takes two seconds: skeleton rows of the final height, then the data. Then sort or
 * page: the rows stay (the table `aria-busy`, dimmed after 150 ms) until the new page arrives.
 */
export const Slow: Story = {parameters: sandbox({customers: 60, faults: [{delay_ms: 2000}]})};

/** The list answers 500: the server's message and a retry. */
export const LoadError: Story = {
  tags: ['http-errors'],
  parameters: sandbox({customers: 10, faults: [{method: 'GET', path: '/customers', status: 500}]}),
};

/** A RESELLEE (customer user) token: "reseller access required". */
export const ResellerAccessRequired: Story = {tags: ['http-errors'], parameters: sandbox({customers: 5, role: 'resellee'})};

/** No token at all: "reseller access required" (signed out). */
export const SignedOut: Story = {tags: ['http-errors'], parameters: sandbox({customers: 5, role: 'none'})};

/** Deleting fails with a 500: the dialog says so and the row stays. */
export const DeleteFails: Story = {
  tags: ['http-errors'],
  parameters: sandbox({customers: 10, faults: [{method: 'DELETE', path: '/customers/*', status: 500}]}),
};

/**
 * A search that matched more than the server counts (`total_capped`): "1–25 of 1,000+", the page
 * without a count, Next while the server has more, no Last. The sandbox caps at 1,000 matches and its
 * control API seeds at most 500 customers, so the tenant's real first page is served once with the
 * capped total; Next then goes on by its real `next_cursor`.
 */
const cappedLoader: Loader<TableArgs> = async () => {
  const tenant = await createStoryTenant({customers: 60});
  const response = await fetch('/api/v3/reseller/customers?page=1&per_page=25&sort=id&order=asc', {headers: {authorization: `Bearer ${tenant.tokens.reseller}`}});
  const page = (await response.json()) as Record<string, unknown>;
  await setFaults(tenant.tokens.reseller, [{method: 'GET', path: '/customers', times: 1, body_raw: JSON.stringify({...page, total: 1000, total_capped: true, last_cursor: null})}]);
  return {tenant};
};
export const CappedTotal: Story = {
  loaders: [cappedLoader],
  // The global loader's tenant is replaced by this story's (same key, loaded after it).
  parameters: {sandbox: {disabled: true} satisfies SandboxParameters},
};
