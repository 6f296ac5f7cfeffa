'use client';

import dynamic from 'next/dynamic';

/** The detail's code (and its element) loads when a customer is first opened, not with the table. */
const ResellerCustomerDetail = dynamic(() => import('reseller-elements/react/customer-detail').then((m) => m.ResellerCustomerDetail), {ssr: false});

export function CustomerDetail({id}: {id: number}) {
  return (
    <section>
      <h2>Customer {id}</h2>
      <ResellerCustomerDetail customerId={id} />
    </section>
  );
}
