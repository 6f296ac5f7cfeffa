'use client';

// One entry per element: this page carries the provider, the table and (on demand) the detail.
import {useState} from 'react';
import {ResellerProvider} from 'reseller-elements/react/provider';
import {ResellerCustomerTable} from 'reseller-elements/react/customer-table';
import {CustomerDetail} from './customer-detail';

/** The host's token endpoint (app/portal/reseller-token/route.ts): the token stays out of the HTML. */
async function getToken(): Promise<string> {
  const response = await fetch('/portal/reseller-token', {cache: 'no-store'});
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  return response.text();
}

/**
 * The server renders the tags; the kit's define modules run when this client chunk loads, so the
 * elements upgrade before React hydrates and hands them `getToken` and `perPage`: they wait for
 * the credentials and start with the host's page size.
 */
export function Customers() {
  const [openId, setOpenId] = useState<number | null>(null);
  return (
    <ResellerProvider apiBase="/api/v3/reseller" locale="en" getToken={getToken}>
      <p data-testid="host-events" role="status">{openId === null ? '' : `Opened customer ${openId}`}</p>
      <ResellerCustomerTable
        perPage={50}
        onCustomerOpen={(event) => {
          event.preventDefault(); // the host shows the detail itself
          setOpenId(event.detail.id);
        }}
      />
      {openId !== null && <CustomerDetail id={openId} />}
    </ResellerProvider>
  );
}
