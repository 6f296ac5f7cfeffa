import type {ResellerCustomerOpenEvent} from '../../src/index.js';
import {navigate} from './router.js';

/** The table and the dashboard leave navigation to the host: cancel the default and route. */
export function openCustomer(event: ResellerCustomerOpenEvent, report: (message: string) => void): void {
  event.preventDefault();
  report(`Opened customer ${event.detail.id}`);
  navigate(`#/customers/${event.detail.id}`);
}
