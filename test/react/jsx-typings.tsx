/**
 * Compile-time test of `reseller-elements/react`'s typings (checked by `npm run typecheck`; never
 * run). Each `@ts-expect-error` must be an error: if the typings got looser, tsc fails on the unused
 * directive.
 */
import type {ResellerCustomerOpenEvent, ResellerCustomerTableElement as TableElement} from '../../src/index.js';
import {ResellerCustomerDetail, ResellerCustomerTable, ResellerProvider} from '../../src/react/index.js';
import {ResellerCustomerTable as TableOnly} from '../../src/react/customer-table.js';
import {ResellerTranscriptionList} from '../../src/react/transcription-list.js';
import type {CustomerTableState} from '../../src/index.js';

export function PlainTags() {
  return (
    <>
      <reseller-customer-table per-page="50" detail-href="#/customers/{id}" status="active" />
      <reseller-customer-detail customer-id={12} tab="tokens" />
      <reseller-usage-dashboard
        onreseller-customer-open={(event) => {
          const id: number = event.detail.id;
          return id;
        }}
      />
      {/* @ts-expect-error: status is all, active or inactive */}
      <reseller-customer-table status="gone" />
      {/* @ts-expect-error: no such attribute (TypeScript lets any dashed name through, as for data-*) */}
      <reseller-customer-table sorting="name" />
      {/* @ts-expect-error: the event's detail has no name */}
      <reseller-customer-table onreseller-customer-open={(event) => event.detail.name} />
    </>
  );
}

export function Wrappers({token}: {token: string}) {
  const onOpen = (event: ResellerCustomerOpenEvent) => event.preventDefault();
  const keep = (state: CustomerTableState) => state.perPage;
  return (
    <ResellerProvider token={token} apiBase="/api/v3/reseller" onAuthError={(event) => event.detail.error.message}>
      <ResellerCustomerTable
        perPage={50}
        onCustomerOpen={onOpen}
        onCustomerDeleted={(event) => `${event.detail.id} ${event.detail.name}`}
        ref={(element: TableElement | null) => {
          if (element) element.sort = 'name';
        }}
      />
      {/* @ts-expect-error: the detail has no open event */}
      <ResellerCustomerDetail customerId={1} onCustomerOpen={onOpen} />
      {/* @ts-expect-error: perPage is a number */}
      <ResellerCustomerTable perPage="50" />
      {/* @ts-expect-error: perPage is a page size (25, 50, 75, 100) */}
      <ResellerCustomerTable perPage={30} />
      {/* @ts-expect-error: perPage is a page size (25, 50, 75, 100) */}
      <ResellerTranscriptionList perPage={30} />
      <TableOnly perPage={100} onStateChange={(event) => keep(event.detail)} />
      {/* @ts-expect-error: the table's state has no tab */}
      <TableOnly onStateChange={(event) => event.detail.tab} />
      <ResellerCustomerDetail customerId={2} onStateChange={(event) => event.detail.tab.toUpperCase()} />
      {/* @ts-expect-error: the provider's events are typed: the open event's detail has no name */}
      <ResellerProvider onCustomerOpen={(event) => event.detail.name} />
    </ResellerProvider>
  );
}
