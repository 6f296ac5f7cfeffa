/**
 * The chart's state (range, granularity, metric) from its attributes: the allowed values, and how
 * whatever a host set becomes a valid state. A bad value warns once and falls back; never throws.
 */
import {
  DEFAULT_PRESET, GRANULARITY_VALUES, defaultGranularity, isIsoDate, presetRange, rangeProblem,
  type ChartGranularity, type ClockOptions, type DateRange,
} from '../../usage/dates.js';
import {invalidValueWarning} from './warn.js';

/** What the chart plots (the `metric` attribute). */
export const METRICS = ['hours', 'transcriptions'] as const;
export type UsageMetric = (typeof METRICS)[number];
export const GRANULARITIES = GRANULARITY_VALUES;

/** What `ResellerStateChangeEvent` carries from the chart; also its reflected attributes. */
export interface UsageChartState extends DateRange {
  granularity: ChartGranularity;
  metric: UsageMetric;
}

const warnOnce = invalidValueWarning('reseller-usage-chart');

export interface RawChartState {
  from: string | null;
  to: string | null;
  granularity: string | null;
  metric: string | null;
}

/**
 * The valid state for the properties now. No range → the default preset (last 30 days, in the
 * viewer's time zone); only one end → the other from a 30-day range; no granularity → the default
 * for the range.
 */
export function normalizeChartState(raw: RawChartState, clock: ClockOptions = {}): UsageChartState {
  let range = presetRange(DEFAULT_PRESET, clock);
  const from = raw.from || null;
  const to = raw.to || null;
  if (from && !isIsoDate(from)) warnOnce('from', from, range.from);
  if (to && !isIsoDate(to)) warnOnce('to', to, range.to);
  const validFrom = from && isIsoDate(from) ? from : null;
  const validTo = to && isIsoDate(to) ? to : null;
  if (validFrom || validTo) {
    const candidate = {
      from: validFrom ?? new Date(Date.parse(`${validTo}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10),
      to: validTo ?? (validFrom! > range.to ? validFrom! : range.to),
    };
    if (rangeProblem(candidate.from, candidate.to)) warnOnce('from/to', `${candidate.from}…${candidate.to}`, `${range.from}…${range.to}`);
    else range = candidate;
  }
  let granularity = defaultGranularity(range);
  if (raw.granularity) {
    if ((GRANULARITIES as readonly string[]).includes(raw.granularity)) granularity = raw.granularity as ChartGranularity;
    else warnOnce('granularity', raw.granularity, granularity);
  }
  let metric: UsageMetric = 'hours';
  if (raw.metric) {
    if ((METRICS as readonly string[]).includes(raw.metric)) metric = raw.metric as UsageMetric;
    else warnOnce('metric', raw.metric, metric);
  }
  return {...range, granularity, metric};
}
