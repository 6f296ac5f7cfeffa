/**
 * Calendar-date arithmetic for usage ranges. Dates are `YYYY-MM-DD` strings (the API's UTC calendar
 * dates); the maths runs on whole UTC days, so no local time zone or DST can shift a day. Only
 * "today" depends on a time zone: the viewer's, or one passed in.
 */
import {dateTimeFormat} from '../format.js';

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** An inclusive date range. */
export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Days since 1970-01-01 of a calendar date. */
export const dayNumber = (date: IsoDate): number => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
/** The calendar date of a day number. */
export const fromDayNumber = (n: number): IsoDate => new Date(n * DAY_MS).toISOString().slice(0, 10);
export const addDays = (date: IsoDate, days: number): IsoDate => fromDayNumber(dayNumber(date) + days);
/** Number of days in [from, to] (1 for a single day). */
export const rangeDays = ({from, to}: DateRange): number => dayNumber(to) - dayNumber(from) + 1;

/** Whether `value` is a real calendar date `YYYY-MM-DD` (not 2025-02-30). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(value);
}

/** ISO day of the week: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}

/** The first day of the week containing `date`, weeks starting on `firstDay` (1 = Monday … 7 = Sunday). */
export function startOfWeek(date: IsoDate, firstDay: number): IsoDate {
  return addDays(date, -((isoWeekday(date) - firstDay + 7) % 7));
}

export const startOfMonth = (date: IsoDate): IsoDate => `${date.slice(0, 7)}-01`;

/** The first day of the month `months` after (or before) the month of `date`. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

export const endOfMonth = (date: IsoDate): IsoDate => addDays(addMonths(date, 1), -1);

/**
 * The `en-US` year-month-day formatter of a time zone, from the shared formatter cache: building an
 * `Intl.DateTimeFormat` costs far more than using one, and every render asks for today (the preset
 * menu matches each preset). An unknown zone falls back to the viewer's.
 */
function todayFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = {year: 'numeric', month: '2-digit', day: '2-digit'};
  try {
    return dateTimeFormat('en-US', {...options, timeZone});
  } catch {
    return dateTimeFormat('en-US', options);
  }
}

/** Today's calendar date in `timeZone` (the viewer's when absent) at `now`. */
export function todayIn(timeZone?: string, now: Date | number = Date.now()): IsoDate {
  const parts = todayFormat(timeZone).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}

// ---- presets ---------------------------------------------------------------------------------

/** The range presets, in menu order. */
export const RANGE_PRESETS = ['thisMonth', 'lastMonth', 'last7Days', 'last30Days', 'last90Days', 'last12Months'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
/** The preset a chart starts with when the host sets no range. */
export const DEFAULT_PRESET: RangePreset = 'last30Days';

export interface ClockOptions {
  /** The current time (injected by tests). */
  now?: Date | number;
  /** IANA time zone the presets are computed in (the viewer's when absent). */
  timeZone?: string;
}

/**
 * The range of a preset, computed from today in the viewer's time zone. Ranges end today, except
 * "last month" (the whole previous calendar month). "Last 12 months" covers the current month and
 * the eleven before it, from the 1st, so month buckets are whole months.
 */
export function presetRange(preset: RangePreset, {now, timeZone}: ClockOptions = {}): DateRange {
  return rangeEndingOn(preset, todayIn(timeZone, now));
}

/** A preset's range when today is `today`. */
function rangeEndingOn(preset: RangePreset, today: IsoDate): DateRange {
  switch (preset) {
    case 'thisMonth':
      return {from: startOfMonth(today), to: today};
    case 'lastMonth': {
      const from = addMonths(today, -1);
      return {from, to: endOfMonth(from)};
    }
    case 'last7Days':
      return {from: addDays(today, -6), to: today};
    case 'last30Days':
      return {from: addDays(today, -29), to: today};
    case 'last90Days':
      return {from: addDays(today, -89), to: today};
    case 'last12Months':
      return {from: addMonths(today, -11), to: today};
  }
}

/** The preset whose range is exactly `range` today, or `'custom'`. */
export function matchPreset(range: DateRange, clock: ClockOptions = {}): RangePreset | 'custom' {
  // One today for every preset (a match across midnight compares like with like).
  const today = todayIn(clock.timeZone, clock.now);
  return RANGE_PRESETS.find((p) => {
    const r = rangeEndingOn(p, today);
    return r.from === range.from && r.to === range.to;
  }) ?? 'custom';
}

/** The previous period of equal length, ending the day before `from`. */
export function previousRange(range: DateRange): DateRange {
  const days = rangeDays(range);
  return {from: addDays(range.from, -days), to: addDays(range.from, -1)};
}

export const GRANULARITY_VALUES = ['day', 'week', 'month'] as const;
export type ChartGranularity = (typeof GRANULARITY_VALUES)[number];

/** A sensible granularity for a range: days up to 45 days, weeks up to 26 weeks, months beyond. */
export function defaultGranularity(range: DateRange): ChartGranularity {
  const days = rangeDays(range);
  if (days <= 45) return 'day';
  if (days <= 182) return 'week';
  return 'month';
}

/** Longest range the API answers (days). */
export const MAX_RANGE_DAYS = 1100;

/** Why a custom range is not valid, or null when it is. */
export function rangeProblem(from: string, to: string): 'invalid' | 'order' | 'tooLong' | null {
  if (!isIsoDate(from) || !isIsoDate(to)) return 'invalid';
  if (from > to) return 'order';
  if (rangeDays({from, to}) - 1 > MAX_RANGE_DAYS) return 'tooLong';
  return null;
}

// ---- the locale's first day of the week --------------------------------------------------------

/** CLDR regions whose week starts on Sunday (7), Saturday (6) or Friday (5); the rest start on Monday. */
const SUNDAY = 'AG AS BD BR BS BT BW BZ CA CN CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM MO MT MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW';
const SATURDAY = 'AE AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY';
const FALLBACK = new Map<string, number>([
  ...SUNDAY.split(' ').map((r) => [r, 7] as [string, number]),
  ...SATURDAY.split(' ').map((r) => [r, 6] as [string, number]),
  ['MV', 5],
]);
/** Likely region of a language without one, where `Intl.Locale#maximize` is missing. */
const LIKELY_REGION: Record<string, string> = {en: 'US', nl: 'NL', de: 'DE', fr: 'FR', es: 'ES', pt: 'BR', ja: 'JP', zh: 'CN', ar: 'EG', he: 'IL', ko: 'KR'};

type WeekInfoLocale = Intl.Locale & {getWeekInfo?: () => {firstDay: number}; weekInfo?: {firstDay: number}};

/**
 * The first day of the week in `locale` (1 = Monday … 7 = Sunday): `Intl.Locale` week info where
 * the engine has it, else the CLDR table above by the locale's (likely) region. `en` → 7 (US),
 * `en-GB` and `nl` → 1.
 */
export function firstDayOfWeek(locale: string, {useIntl = true}: {useIntl?: boolean} = {}): number {
  let loc: WeekInfoLocale;
  try {
    loc = new Intl.Locale(locale) as WeekInfoLocale;
  } catch {
    return 1;
  }
  if (useIntl) {
    try {
      const info = typeof loc.getWeekInfo === 'function' ? loc.getWeekInfo() : loc.weekInfo;
      if (info && info.firstDay >= 1 && info.firstDay <= 7) return info.firstDay;
    } catch {
      // fall through to the table
    }
  }
  let region = loc.region;
  if (!region) {
    try {
      region = loc.maximize().region;
    } catch {
      region = undefined;
    }
  }
  region ??= LIKELY_REGION[loc.language];
  return (region && FALLBACK.get(region.toUpperCase())) || 1;
}
