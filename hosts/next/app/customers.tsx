'use client';

// One entry per element: this page carries the provider, the table and (on demand) the detail.
import {useEffect, useState} from 'react';
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
 * The kit's tags render on the client, after hydration: @lit/react hands them `getToken` and
 * `perPage` in the same commit that inserts them, before their first update.
 */
export function Customers() {
  const [openId, setOpenId] = useState<number | null>(null);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!hydrated) return null;
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
