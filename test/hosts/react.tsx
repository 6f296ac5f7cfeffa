/**
 * Type test (test/package/hosts.test.mjs compiles it): the packed package's React entries as a
 * host compiles them. Each @ts-expect-error must be an error: with looser typings the compiler
 * fails on the unused directive.
 */
import {ResellerCustomerTable, type ResellerCustomerTableElement} from 'reseller-elements/react/customer-table';
import {ResellerProvider} from 'reseller-elements/react/provider';
import {ResellerCustomerDetail} from 'reseller-elements/react/customer-detail';
import {ResellerTranscriptionList} from 'reseller-elements/react/transcription-list';
import type {CustomerTableState} from 'reseller-elements';

export function Page({token, save}: {token: string; save: (state: CustomerTableState) => void}) {
  return (
    <ResellerProvider
      token={token}
      onCustomerOpen={(event) => event.detail.id}
      onStateChange={(event) => ('perPage' in event.detail ? event.detail.perPage : event.detail)}
    >
      <ResellerCustomerTable
        perPage={50}
        onStateChange={(event) => save(event.detail)}
        ref={(element: ResellerCustomerTableElement | null) => {
          if (element) element.sort = 'name';
        }}
      />
      <ResellerCustomerDetail customerId={1} onStateChange={(event) => event.detail.tab.toUpperCase()} />
      {/* @ts-expect-error: 30 is not a page size */}
      <ResellerCustomerTable perPage={30} />
      {/* @ts-expect-error: 30 is not a page size */}
      <ResellerTranscriptionList perPage={30} />
      {/* @ts-expect-error: the table's state has no tab */}
      <ResellerCustomerTable onStateChange={(event) => event.detail.tab} />
      {/* @ts-expect-error: the provider's open event has no name */}
      <ResellerProvider onCustomerOpen={(event) => event.detail.name} />
      {/* @ts-expect-error: a state change handler does not get a customer-open event */}
      <ResellerCustomerTable onStateChange={(event: {detail: {id: number; href: string | null}}) => event.detail.href} />
    </ResellerProvider>
  );
}
