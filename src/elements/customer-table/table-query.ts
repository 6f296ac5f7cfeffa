/**
 * The customer table's list state (sort, order, status filter, search, page, page size, metadata
 * filter, metadata search and columns): the allowed values, and how attribute values become a
 * valid `GET /customers` query. A bad value
 * warns once per attribute and falls back to its default; it never throws.
 */
import {CUSTOMER_SORT_KEYS, METADATA_FILTER_PATTERN, METADATA_KEY_PATTERN, METADATA_SORT_PATTERN, PER_PAGE_OPTIONS} from '../../contract/constants.js';
import type {CustomerListQuery, CustomerSort, Order, PerPage} from '../../contract/schemas.js';
import {invalidValueWarning} from '../shared/warn.js';

/** Sortable columns (the `sort` attribute), in column order; `metadata.<key>` sorts by a metadata key. */
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
  /** Metadata filter `key:value` (exact value), or `''`. */
  metadataFilter: string;
  /** Search within metadata values, or `''`. */
  metadataQ: string;
  /** Metadata keys shown as columns, comma-separated (`region,tier`), or `''`. */
  metadataColumns: string;
}

export const DEFAULT_STATE: Readonly<CustomerTableState> = {
  sort: 'id', order: 'asc', status: 'all', q: '', page: 1, perPage: 25, metadataFilter: '', metadataQ: '', metadataColumns: '',
};
/** At most this many metadata columns. */
export const METADATA_COLUMNS_MAX = 6;

/** The metadata keys of a `metadata-columns` value: valid keys, each once, at most METADATA_COLUMNS_MAX. */
export function metadataKeys(value: string): string[] {
  return [...new Set(value.split(',').map((k) => k.trim()).filter((k) => METADATA_KEY_PATTERN.test(k)))].slice(0, METADATA_COLUMNS_MAX);
}

const warnOnce = invalidValueWarning('reseller-customer-table');

function oneOf<T extends string | number>(name: string, allowed: readonly T[], value: unknown, fallback: T): T {
  if (allowed.includes(value as T)) return value as T;
  warnOnce(name, value, fallback);
  return fallback;
}

/** The valid state for whatever the properties hold now. */
export function normalizeState(raw: {[K in keyof CustomerTableState]?: unknown}): CustomerTableState {
  const page = Number(raw.page);
  const validPage = Number.isInteger(page) && page >= 1;
  if (!validPage) warnOnce('page', raw.page, 1);
  return {
    sort: typeof raw.sort === 'string' && METADATA_SORT_PATTERN.test(raw.sort) ? (raw.sort as CustomerSort) : oneOf('sort', SORT_KEYS, raw.sort, DEFAULT_STATE.sort),
    order: oneOf('order', ORDERS, raw.order, DEFAULT_STATE.order),
    status: oneOf('status', STATUS_FILTERS, raw.status || 'all', DEFAULT_STATE.status),
    q: typeof raw.q === 'string' ? raw.q.trim().slice(0, 200) : '',
    page: validPage ? page : 1,
    perPage: oneOf('per-page', PAGE_SIZES, Number(raw.perPage), DEFAULT_STATE.perPage),
    metadataFilter: metadataFilter(raw.metadataFilter),
    metadataQ: typeof raw.metadataQ === 'string' ? raw.metadataQ.trim().slice(0, 200) : '',
    metadataColumns: typeof raw.metadataColumns === 'string' ? metadataKeys(raw.metadataColumns).join(',') : '',
  };
}

function metadataFilter(value: unknown): string {
  if (typeof value !== 'string' || !value.trim()) return '';
  const filter = value.trim();
  if (METADATA_FILTER_PATTERN.test(filter)) return filter;
  warnOnce('metadata-filter', value, '');
  return '';
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
    metadata: state.metadataFilter ? [state.metadataFilter] : undefined,
    metadata_q: state.metadataQ || undefined,
  };
}


