/**
 * The Angular host's typing pattern (docs/frameworks.md, "Typing"): with CUSTOM_ELEMENTS_SCHEMA
 * Angular's template checker types neither a custom element's properties nor its events, so the
 * component class holds the types and tsc checks them. Each @ts-expect-error must be an error:
 * with looser typings (any number as a page size, any string as a sort key, a handler taking the
 * wrong event) this file stops compiling and test/package/hosts.test.mjs fails.
 */
import type {PerPage, ResellerCustomerOpenEvent, ResellerCustomerTableElement, ResellerCustomerUpdatedEvent} from 'reseller-elements';

export class Customers {
  protected readonly perPage: PerPage = 50;
  protected readonly sort: ResellerCustomerTableElement['sort'] = 'name';
  // @ts-expect-error: 30 is not a page size
  protected readonly wrongPerPage: PerPage = 30;
  // @ts-expect-error: the table does not sort by plan
  protected readonly wrongSort: ResellerCustomerTableElement['sort'] = 'plan';

  protected open(event: ResellerCustomerOpenEvent): number {
    event.preventDefault();
    return event.detail.id;
  }

  protected wrongDetail(event: ResellerCustomerOpenEvent): string {
    // @ts-expect-error: an open event's detail has no name
    return event.detail.name;
  }

  protected handlers(updated: ResellerCustomerUpdatedEvent): void {
    // @ts-expect-error: an updated event is not an open event
    this.open(updated);
  }
}
