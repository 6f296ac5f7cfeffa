/**
 * Locale-aware formatting through `Intl`, with the `Intl` objects cached per locale (building a
 * formatter costs far more than using one, and a table formats hundreds of cells).
 *
 * Elements do not call this directly: `LocaleController` exposes the same functions bound to the
 * element's resolved locale (`this.#i18n.date(c.created_at)`). Pure apart from the cache.
 */

/** A timestamp (`Date`, epoch ms, ISO string) or a calendar date (`YYYY-MM-DD`, shown as that day in any time zone). */
export type DateInput = Date | number | string;

/** The unit words of durations and hours, from the message bundle (`{hours} h {minutes} min`, `{hours} u`, …). */
export interface DurationTemplates {
  hoursMinutes: string;
  hours: string;
  minutes: string;
  /** Audio hours with their unit, `{hours} h`. */
  hoursUnit: string;
}

export interface FormatOptions {
  /** IANA time zone for timestamps; the viewer's own by default. Calendar dates ignore it. */
  timeZone?: string;
}

export interface Formatters {
  readonly locale: string;
  /** `2025-01-17` → "Jan 17, 2025" / "17 jan 2025". */
  date(value: DateInput, options?: Intl.DateTimeFormatOptions): string;
  /** A timestamp with its time: "Jan 17, 2025, 10:00 AM" / "17 jan 2025, 10:00". */
  dateTime(value: DateInput): string;
  /** 1234.5 → "1,234.5" / "1.234,5". */
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** A fraction: 0.825 → "82.5%" / "82,5%". (Divide the API's `usage_percent` by 100.) */
  percent(fraction: number, maximumFractionDigits?: number): string;
  /** Minutes as hours and minutes: 80 → "1 h 20 min" / "1 u 20 min"; 45 → "45 min"; 120 → "2 h". */
  duration(minutes: number): string;
  /** Relative to now (or `now`): "3 days ago" / "3 dagen geleden", "yesterday" / "gisteren". */
  relativeTime(value: DateInput, now?: DateInput): string;
  /** 1536 → "1.5 kB"; 2097152 → "2 MB" (binary multiples, one decimal at most). */
  bytes(bytes: number): string;
  /** Audio minutes as hours with one decimal: 75 → "1.3 h" / "1,3 u"; `{unit: false}` → "1.3". */
  hours(minutes: number, options?: {unit?: boolean}): string;
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

const intlCache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.PluralRules>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.PluralRules>(
  kind: string,
  locale: string,
  options: object,
  make: () => T,
): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let value = intlCache.get(key) as T | undefined;
  if (!value) {
    value = make();
    intlCache.set(key, value);
  }
  return value;
}

/** A cached `Intl.NumberFormat`. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached('n', locale, options, () => new Intl.NumberFormat(locale, options));
}
/** A cached `Intl.DateTimeFormat`. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return cached('d', locale, options, () => new Intl.DateTimeFormat(locale, options));
}
/** A cached `Intl.PluralRules`. */
export function pluralRules(locale: string): Intl.PluralRules {
  return cached('p', locale, {}, () => new Intl.PluralRules(locale));
}
function relativeTimeFormat(locale: string): Intl.RelativeTimeFormat {
  return cached('r', locale, {}, () => new Intl.RelativeTimeFormat(locale, {numeric: 'auto'}));
}

/** Whether a string is a calendar date (`YYYY-MM-DD`), which is formatted as that day in UTC. */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && CALENDAR_DATE.test(value);
}

function toDate(value: DateInput): Date {
  if (value instanceof Date) return value;
  if (isCalendarDate(value)) return new Date(`${value}T00:00:00Z`);
  return new Date(value);
}

/** A locale tag `Intl` accepts: the requested one if valid, else `en`. */
export function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}

const DEFAULT_TEMPLATES: DurationTemplates = {
  hoursMinutes: '{hours} h {minutes} min',
  hours: '{hours} h',
  minutes: '{minutes} min',
  hoursUnit: '{hours} h',
};

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.345],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/**
 * The formatters for one locale. `templates` carry the words of durations (from the message
 * bundle, so a host's override reaches them too).
 */
export function createFormatters(
  requestedLocale: string,
  templates: DurationTemplates = DEFAULT_TEMPLATES,
  options: FormatOptions = {},
): Formatters {
  const locale = safeLocale(requestedLocale);
  const {timeZone} = options;
  const integer = () => numberFormat(locale, {maximumFractionDigits: 0});

  return {
    locale,
    date(value, dateOptions = {dateStyle: 'medium'}) {
      const d = toDate(value);
      if (Number.isNaN(d.getTime())) return '';
      const tz = isCalendarDate(value) ? 'UTC' : timeZone;
      return dateTimeFormat(locale, tz ? {...dateOptions, timeZone: tz} : dateOptions).format(d);
    },
    dateTime(value) {
      const d = toDate(value);
      if (Number.isNaN(d.getTime())) return '';
      const tz = isCalendarDate(value) ? 'UTC' : timeZone;
      const o: Intl.DateTimeFormatOptions = {dateStyle: 'medium', timeStyle: 'short'};
      return dateTimeFormat(locale, tz ? {...o, timeZone: tz} : o).format(d);
    },
    number(value, numberOptions = {}) {
      return numberFormat(locale, numberOptions).format(value);
    },
    percent(fraction, maximumFractionDigits = 1) {
      return numberFormat(locale, {style: 'percent', maximumFractionDigits}).format(fraction);
    },
    duration(minutes) {
      const total = Math.max(0, Math.round(minutes));
      const h = Math.floor(total / 60);
      const m = total % 60;
      if (h === 0) return fill(templates.minutes, {minutes: integer().format(m)});
      if (m === 0) return fill(templates.hours, {hours: integer().format(h)});
      return fill(templates.hoursMinutes, {hours: integer().format(h), minutes: integer().format(m)});
    },
    relativeTime(value, now = Date.now()) {
      const then = toDate(value).getTime();
      const from = toDate(now).getTime();
      if (Number.isNaN(then) || Number.isNaN(from)) return '';
      let amount = (then - from) / 1000;
      for (const [unit, step] of RELATIVE_STEPS) {
        if (Math.abs(amount) < step) return relativeTimeFormat(locale).format(Math.round(amount), unit);
        amount /= step;
      }
      return '';
    },
    bytes(bytes) {
      let value = Math.max(0, bytes);
      let i = 0;
      while (value >= 1024 && i < BYTE_UNITS.length - 1) {
        value /= 1024;
        i++;
      }
      return numberFormat(locale, {
        style: 'unit',
        unit: BYTE_UNITS[i],
        unitDisplay: i === 0 ? 'long' : 'short',
        maximumFractionDigits: i === 0 ? 0 : 1,
      }).format(value);
    },
    hours(minutes, {unit = true} = {}) {
      const text = numberFormat(locale, {minimumFractionDigits: 1, maximumFractionDigits: 1}).format(minutes / 60);
      return unit ? fill(templates.hoursUnit, {hours: text}) : text;
    },
  };
}
