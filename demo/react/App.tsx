/**
 * The React host's shell: the provider (with the dev token as a property), the header, the
 * navigation and the page of the current route. Every kit element is a `reseller-elements/react`
 * wrapper; the host reacts to the kit's typed events through `on…` props.
 */
import {useCallback, useState} from 'react';
import {ResellerBrandLogo, ResellerProvider} from '../../src/react/index.js';
import {Branding, CustomerDetailPage, Customers, Usage} from './pages.js';
import {useHashRoute, type Route} from './router.js';

import type {DemoConfig} from '../shared/config.js';

const LINKS: Array<{href: string; label: string; page: Route['page']}> = [
  {href: '#/customers', label: 'Customers', page: 'customers'},
  {href: '#/usage', label: 'Usage dashboard', page: 'usage'},
  {href: '#/branding', label: 'Branding', page: 'branding'},
];

export function App({config}: {config: DemoConfig | null}) {
  const route = useHashRoute();
  // What the host last heard from the kit (shown in the page: the host got the typed event).
  const [lastEvent, setLastEvent] = useState('');
  const report = useCallback((message: string) => setLastEvent(message), []);

  if (!config) return <p role="alert">The demo configuration could not be loaded: serve this page with npm start.</p>;

  return (
    <ResellerProvider apiBase={config.apiBase} token={config.token} locale="en">
      <div className="portal" data-host="react">
        <header className="portal-header">
          <a className="brand" href="#/customers">
            <span className="brand-logo">
              <ResellerBrandLogo applyTo=":root">
                <img className="brand-fallback" src="/favicon.svg" alt="" width="32" height="32" />
              </ResellerBrandLogo>
            </span>
            <span className="brand-name">Northwind Voice</span>
            <span className="brand-tagline host-kind">React host</span>
          </a>
        </header>
        <nav className="portal-nav" aria-label="Main">
          <ul>
            {LINKS.map((link) => (
              <li key={link.page}>
                <a href={link.href} aria-current={route.page === link.page || (link.page === 'customers' && route.page === 'customer') ? 'page' : undefined}>
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="portal-main">
          <p className="host-events" role="status" data-testid="host-events">
            {lastEvent}
          </p>
          <Page route={route} report={report} />
        </main>
      </div>
    </ResellerProvider>
  );
}

function Page({route, report}: {route: Route; report: (message: string) => void}) {
  switch (route.page) {
    case 'customers':
      return <Customers report={report} />;
    case 'customer':
      return <CustomerDetailPage customerId={route.customerId} report={report} />;
    case 'usage':
      return <Usage report={report} />;
    case 'branding':
      return <Branding report={report} />;
    default:
      return (
        <section className="page">
          <h1>Page not found</h1>
          <p>
            There is no page at this address. <a href="#/customers">Go to Customers</a>.
          </p>
        </section>
      );
  }
}
