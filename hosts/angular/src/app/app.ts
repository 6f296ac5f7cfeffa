import {Component, CUSTOM_ELEMENTS_SCHEMA, signal} from '@angular/core';
import type {PerPage, ResellerCustomerOpenEvent} from 'reseller-elements';

interface HostConfig {
  apiBase: string;
  token: string;
}

/**
 * The kit in an Angular 21 app (standalone, zoneless). `CUSTOM_ELEMENTS_SCHEMA` lets the template
 * use the kit's tags; `[prop]` sets properties (the token, a number), `(reseller-…)` listens to the
 * kit's events. The template checker cannot type a custom element, so the class types what it binds
 * and receives with the kit's own types.
 */
@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <h1>Customers</h1>
    <p data-testid="host-events" role="status">{{ status() }}</p>
    <reseller-provider api-base="/api/v3/reseller" locale="en" [token]="token()">
      <reseller-customer-table [perPage]="perPage" (reseller-customer-open)="open($any($event))"></reseller-customer-table>
      @if (customerId(); as id) {
        <h2>Customer {{ id }}</h2>
        <reseller-customer-detail [customerId]="id"></reseller-customer-detail>
      }
    </reseller-provider>
  `,
  host: {'data-host': 'angular'},
})
export class App {
  /** Null until the host has fetched its token: the kit's elements, already rendered, wait for it. */
  protected readonly token = signal<string | null>(null);
  protected readonly customerId = signal<number | null>(null);
  protected readonly status = signal('');
  protected readonly perPage: PerPage = 50;

  constructor() {
    void this.loadToken();
  }

  /** The host's own way to get a token (here the demo server's config; in a portal, your backend). */
  private async loadToken(): Promise<void> {
    const response = await fetch('/demo-config.json', {cache: 'no-store'});
    const config = (await response.json()) as HostConfig;
    this.token.set(config.token);
  }

  /** The customer detail is loaded on first use, so a table-only page does not carry it. */
  protected async open(event: ResellerCustomerOpenEvent): Promise<void> {
    event.preventDefault();
    const id = event.detail.id;
    await import('reseller-elements/define/customer-detail');
    this.customerId.set(id);
    this.status.set(`Opened customer ${id}`);
  }
}
