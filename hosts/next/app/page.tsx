import {connection} from 'next/server';
import {Customers} from './customers';

/** Rendered per request: the nonce of the Content-Security-Policy (proxy.ts) is per request. */
export default async function Page() {
  await connection();
  return (
    <main data-host="next">
      <h1>Customers</h1>
      <Customers />
    </main>
  );
}
