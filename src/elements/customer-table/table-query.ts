/**
 * The customer table's list state (sort, order, status filter, search, page, page size): the
 * allowed values, and how attribute values become a valid `GET /customers` query. A bad value
 * warns once per attribute and falls back to its default; it never throws.
 */
import {CUSTOMER_SORT_KEYS, PER_PAGE_OPTIONS} from '../../contract/constants.js';
import type {CustomerListQuery, CustomerSort, Order, PerPage} from '../../contract/schemas.js';

/** Sortable columns (the `sort` attribute), in column order. */
export const SORT_KEYS = CUSTOMER_SORT_KEYS;
/** Sort directions (the `order` attribute). */
export const ORDERS = ['asc', 'desc'] as const;
/** Status filter values (the `status` attribute); `all` sends no filter. */
export const STATUS_FILTERS = ['all', 'active', 'inactive'] as const;
/** Page sizes (the `per-page` attribute). */
export const PAGE_SIZES = PER_PAGE_OPTIONS;
/** Debounce of the search box, in milliseconds. */
export const SEARCH_DEBOUNCE_MS = 300;

export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** What `ResellerStateChangeEvent` carries from the table; also its reflected attributes. */
export interface CustomerTableState {
  sort: CustomerSort;
  order: Order;
  status: StatusFilter;
  q: string;
  page: number;
  perPage: PerPage;
}

export const DEFAULT_STATE: Readonly<CustomerTableState> = {sort: 'id', order: 'asc', status: 'all', q: '', page: 1, perPage: 25};

const warned = new Set<string>();
function warnOnce(name: string, value: unknown, used: unknown): void {
  const key = `${name}=${String(value)}`;
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`<reseller-customer-table>: ${name}="${String(value)}" is not valid; using "${String(used)}".`);
}

function oneOf<T extends string | number>(name: string, allowed: readonly T[], value: unknown, fallback: T): T {
  if (allowed.includes(value as T)) return value as T;
  warnOnce(name, value, fallback);
  return fallback;
}

/** The valid state for whatever the properties hold now. */
export function normalizeState(raw: {[K in keyof CustomerTableState]: unknown}): CustomerTableState {
  const page = Number(raw.page);
  const validPage = Number.isInteger(page) && page >= 1;
  if (!validPage) warnOnce('page', raw.page, 1);
  return {
    sort: oneOf('sort', SORT_KEYS, raw.sort, DEFAULT_STATE.sort),
    order: oneOf('order', ORDERS, raw.order, DEFAULT_STATE.order),
    status: oneOf('status', STATUS_FILTERS, raw.status || 'all', DEFAULT_STATE.status),
    q: typeof raw.q === 'string' ? raw.q.trim().slice(0, 200) : '',
    page: validPage ? page : 1,
    perPage: oneOf('per-page', PAGE_SIZES, Number(raw.perPage), DEFAULT_STATE.perPage),
  };
}

/** The `GET /customers` query of a state. */
export function toQuery(state: CustomerTableState): CustomerListQuery {
  return {
    page: state.page,
    per_page: state.perPage,
    sort: state.sort,
    order: state.order,
    status: state.status === 'all' ? undefined : state.status,
    q: state.q || undefined,
  };
}


