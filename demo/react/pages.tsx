/** The React host's pages: each shows kit elements through the wrappers and handles their events. */
import type {ResellerCustomerOpenEvent} from '../../src/index.js';
import {
  ResellerBrandEditor,
  ResellerCustomerDetail,
  ResellerCustomerTable,
  ResellerUsageDashboard,
} from '../../src/react/index.js';
import {navigate} from './router.js';

interface PageProps {
  report: (message: string) => void;
}

/** The table and the dashboard leave navigation to the host: cancel the default and route. */
function openCustomer(event: ResellerCustomerOpenEvent, report: (message: string) => void) {
  event.preventDefault();
  report(`Opened customer ${event.detail.id}`);
  navigate(`#/customers/${event.detail.id}`);
}

export function Customers({report}: PageProps) {
  return (
    <section className="page" aria-labelledby="h-customers">
      <h1 id="h-customers">Customers</h1>
      <p className="lead">Every organization you resell to: search, sort, open, add or remove.</p>
      <ResellerCustomerTable
        perPage={25}
        onCustomerOpen={(event) => openCustomer(event, report)}
        onCustomerDeleted={(event) => report(`Deleted customer ${event.detail.id} (${event.detail.name})`)}
        onCustomerCreated={(event) => report(`Created customer ${event.detail.customer.id}`)}
      />
    </section>
  );
}

export function CustomerDetailPage({customerId, report}: PageProps & {customerId: number}) {
  return (
    <section className="page" aria-labelledby="h-customer">
      <p className="breadcrumb">
        <a href="#/customers">Customers</a> <span aria-hidden="true">›</span> Customer {customerId}
      </p>
      <h1 id="h-customer">Customer {customerId}</h1>
      <ResellerCustomerDetail
        customerId={customerId}
        onCustomerUpdated={(event) => report(`Saved customer ${event.detail.customer.id}`)}
        onTokenCreated={(event) => report(`Token ${event.detail.token.name} created`)}
        onSubscriptionChange={(event) => report(`Plan changed to ${event.detail.subscription.plan}`)}
      />
    </section>
  );
}

export function Usage({report}: PageProps) {
  return (
    <section className="page" aria-labelledby="h-usage">
      <h1 id="h-usage">Usage dashboard</h1>
      <p className="lead">Audio hours and transcriptions across all your customers.</p>
      <ResellerUsageDashboard onCustomerOpen={(event) => openCustomer(event, report)} />
    </section>
  );
}

export function Branding({report}: PageProps) {
  return (
    <section className="page" aria-labelledby="h-branding">
      <h1 id="h-branding">Branding</h1>
      <p className="lead">Your logo and brand colour, as your customers' operators see them.</p>
      <ResellerBrandEditor
        onBrandChange={(event) => {
          if (event.detail.phase === 'after') report(`Branding saved: ${event.detail.branding.brand_color ?? 'default colour'}`);
        }}
      />
    </section>
  );
}
