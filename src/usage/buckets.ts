/**
 * Buckets of daily usage. The API's days are UTC calendar dates; a bucket groups those dates:
 * one day, a week starting on the locale's first day of the week, or a calendar month. Every day
 * of [from, to] counts (a day the API did not send counts as zero), so periods without usage are
 * zero buckets, never gaps. A bucket's `start` is the first day of its week or month even when
 * that is before `from` (as in the API's CSV export); it holds only days inside the range.
 */
import {dayNumber, fromDayNumber, startOfMonth, startOfWeek, type ChartGranularity, type DateRange, type IsoDate} from './dates.js';

/** One day of usage as the API sends it. */
export interface DailyUsage {
  date: IsoDate;
  audio_minutes: number;
  transcriptions: number;
}

export interface UsageBucket {
  /** First day of the week or month (may be before the range's `from`). */
  start: IsoDate;
  /** First and last day of the bucket inside the range. */
  first: IsoDate;
  last: IsoDate;
  /** Audio minutes, one decimal (the API's precision). */
  audioMinutes: number;
  transcriptions: number;
}

export interface BucketOptions extends DateRange {
  granularity: ChartGranularity;
  /** First day of the week, 1 = Monday … 7 = Sunday (only for `week`). */
  weekStart?: number;
}

export const round1 = (n: number): number => Math.round(n * 10) / 10;
export const round2 = (n: number): number => Math.round(n * 100) / 100;
/** Audio minutes → hours, two decimals (the CSV's `audio_hours`). */
export const minutesToHours = (minutes: number): number => round2(minutes / 60);

/** The bucket start of a day. */
export function bucketStart(date: IsoDate, granularity: ChartGranularity, weekStart = 1): IsoDate {
  if (granularity === 'week') return startOfWeek(date, weekStart);
  if (granularity === 'month') return startOfMonth(date);
  return date;
}

/** Groups the daily series into buckets covering every day of [from, to], in order. */
export function bucketize(daily: readonly DailyUsage[], options: BucketOptions): UsageBucket[] {
  const {from, to, granularity, weekStart = 1} = options;
  const byDate = new Map<string, DailyUsage>();
  for (const d of daily) byDate.set(d.date, d);
  const buckets: UsageBucket[] = [];
  let current: UsageBucket | null = null;
  const last = dayNumber(to);
  const next = dayCounter(from);
  for (let n = dayNumber(from); n <= last; n++) {
    // Each day's date by counting the calendar (no Date per day: a year of days is drawn in one frame).
    const date = next();
    const start = granularity === 'day' ? date : bucketStart(date, granularity, weekStart);
    if (!current || current.start !== start) {
      if (current) current.audioMinutes = round1(current.audioMinutes);
      current = {start, first: date, last: date, audioMinutes: 0, transcriptions: 0};
      buckets.push(current);
    }
    current.last = date;
    const point = byDate.get(date);
    if (point) {
      current.audioMinutes += point.audio_minutes;
      current.transcriptions += point.transcriptions;
    }
  }
  if (current) current.audioMinutes = round1(current.audioMinutes);
  return buckets;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Successive ISO dates from `from` on (`from` first), counted on the UTC calendar. */
function dayCounter(from: IsoDate): () => IsoDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(from);
  // Anything but a plain, valid four-digit-year date: through Date (which rolls 02-30 over).
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12 || Number(match[3]) < 1 || Number(match[3]) > daysIn(Number(match[1]), Number(match[2]))) {
    let n = dayNumber(from);
    return () => fromDayNumber(n++);
  }
  let y = Number(match[1]);
  let m = Number(match[2]);
  let d = Number(match[3]) - 1;
  let length = daysIn(y, m);
  let prefix = `${match[1]}-${match[2]}-`;
  return () => {
    if (++d > length) {
      d = 1;
      if (++m > 12) {
        m = 1;
        y++;
      }
      length = daysIn(y, m);
      prefix = `${String(y).padStart(4, '0')}-${pad2(m)}-`;
    }
    return `${prefix}${pad2(d)}`;
  };
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Sums of a series of buckets. */
export function totals(buckets: readonly UsageBucket[]): {audioMinutes: number; transcriptions: number} {
  let audioMinutes = 0;
  let transcriptions = 0;
  for (const b of buckets) {
    audioMinutes += b.audioMinutes;
    transcriptions += b.transcriptions;
  }
  return {audioMinutes: round1(audioMinutes), transcriptions};
}
