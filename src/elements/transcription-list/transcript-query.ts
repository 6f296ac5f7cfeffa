/**
 * The transcription list's state (status filter, date range, search, page, page size): allowed
 * values and how attribute values become a valid `GET /transcripts` query. A bad value warns once
 * and falls back to its default; it never throws.
 */
import {PER_PAGE_OPTIONS, TRANSCRIPT_STATUSES} from '../../contract/constants.js';
import type {PerPage, TranscriptListQuery} from '../../contract/schemas.js';
import {invalidValueWarning} from '../shared/warn.js';

/** Status filter values (the `status` attribute); `all` sends no filter. */
export const STATUS_FILTERS = ['all', ...TRANSCRIPT_STATUSES] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export const PAGE_SIZES = PER_PAGE_OPTIONS;
export const SEARCH_DEBOUNCE_MS = 300;

/** What `ResellerStateChangeEvent` carries; also the reflected attributes. */
export interface TranscriptListState {
  status: StatusFilter;
  /** `YYYY-MM-DD` or empty. */
  from: string;
  /** `YYYY-MM-DD` or empty. */
  to: string;
  q: string;
  page: number;
  perPage: PerPage;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const warnOnce = invalidValueWarning('reseller-transcription-list');

/** A calendar day `YYYY-MM-DD` that exists, else ''. */
export function validDay(value: unknown): string {
  if (typeof value !== 'string' || !DAY.test(value)) return '';
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value ? value : '';
}

export function normalizeState(raw: {[K in keyof TranscriptListState]: unknown}): TranscriptListState {
  const page = Number(raw.page);
  const validPage = Number.isInteger(page) && page >= 1;
  if (!validPage) warnOnce('page', raw.page, 1);
  const status = STATUS_FILTERS.includes(raw.status as StatusFilter) ? (raw.status as StatusFilter) : 'all';
  if (raw.status && status !== raw.status) warnOnce('status', raw.status, 'all');
  const perPage = PAGE_SIZES.includes(Number(raw.perPage) as PerPage) ? (Number(raw.perPage) as PerPage) : 25;
  if (perPage !== Number(raw.perPage)) warnOnce('per-page', raw.perPage, 25);
  const day = (name: string, value: unknown) => {
    const v = validDay(value);
    if (value && !v) warnOnce(name, value, '');
    return v;
  };
  return {
    status,
    from: day('from', raw.from),
    to: day('to', raw.to),
    q: typeof raw.q === 'string' ? raw.q.trim().slice(0, 200) : '',
    page: validPage ? page : 1,
    perPage,
  };
}

/** The `GET /transcripts` query of a state (an inverted range sends neither end). */
export function toQuery(state: TranscriptListState, customerId: number | null): TranscriptListQuery {
  const range = !(state.from && state.to && state.from > state.to);
  return {
    page: state.page,
    per_page: state.perPage,
    customer_id: customerId ?? undefined,
    status: state.status === 'all' ? undefined : state.status,
    q: state.q || undefined,
    from: range ? state.from || undefined : undefined,
    to: range ? state.to || undefined : undefined,
  };
}

/** Whether any filter is set (then "no results" offers Clear filters). */
export function filtered(state: TranscriptListState): boolean {
  return state.status !== 'all' || !!state.from || !!state.to || !!state.q;
}

