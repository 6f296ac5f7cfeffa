/**
 * The usage CSV: the API's `GET /usage/export` columns
 * (`period_start,customer_id,customer_name,audio_minutes,audio_hours,transcriptions`), one row per
 * bucket and customer with usage (empty buckets are left out, as the API does), sorted by period
 * then customer. The API buckets weeks by ISO week (Monday); for a locale whose week starts on
 * another day the kit asks for days and groups them here the same way the chart does. Pure.
 */
import {bucketStart, minutesToHours, round1} from './buckets.js';
import type {ChartGranularity, DateRange} from './dates.js';

export const CSV_COLUMNS = ['period_start', 'customer_id', 'customer_name', 'audio_minutes', 'audio_hours', 'transcriptions'] as const;

/** `usage_<from>_<to>.csv` */
export const csvFileName = ({from, to}: DateRange): string => `usage_${from}_${to}.csv`;

/** RFC 4180 quoting, with the API's CSV-injection guard (a text cell starting with = + - @ tab CR gets a leading '). */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Parses RFC 4180 CSV into rows of cells (quoted cells, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** One CSV row, typed. */
export interface CsvUsageRow {
  periodStart: string;
  customerId: number;
  customerName: string;
  audioMinutes: number;
  transcriptions: number;
}

/** The data rows of a usage CSV (header skipped). `customerName` keeps the API's guard quote. */
export function readUsageCsv(text: string): CsvUsageRow[] {
  return parseCsv(text)
    .slice(1)
    .filter((r) => r.length >= 6)
    .map((r) => ({
      periodStart: r[0]!,
      customerId: Number(r[1]),
      customerName: r[2]!,
      audioMinutes: Number(r[3]),
      transcriptions: Number(r[5]),
    }));
}

/** Writes rows in the API's format (CRLF line ends, trailing CRLF). */
export function writeUsageCsv(rows: readonly CsvUsageRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    // A name read from the API already carries its guard quote, so csvCell adds none again.
    lines.push([r.periodStart, r.customerId, csvCell(r.customerName), round1(r.audioMinutes), minutesToHours(r.audioMinutes), r.transcriptions].join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/**
 * Regroups a day-granularity CSV into `granularity` buckets (weeks starting on `weekStart`):
 * the same columns and conventions as the API's own week/month export.
 */
export function rebucketCsv(dayCsv: string, granularity: ChartGranularity, weekStart: number): string {
  const groups = new Map<string, CsvUsageRow>();
  for (const row of readUsageCsv(dayCsv)) {
    const periodStart = bucketStart(row.periodStart, granularity, weekStart);
    const key = `${periodStart}|${row.customerId}`;
    const g = groups.get(key);
    if (g) {
      g.audioMinutes += row.audioMinutes;
      g.transcriptions += row.transcriptions;
    } else groups.set(key, {...row, periodStart});
  }
  const rows = [...groups.values()].sort((a, b) => (a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : a.customerId - b.customerId));
  for (const r of rows) r.audioMinutes = round1(r.audioMinutes);
  return writeUsageCsv(rows);
}

/** Per period: the sums over customers of a usage CSV (what the chart's table shows per bucket). */
export function csvTotalsByPeriod(text: string): Map<string, {audioMinutes: number; transcriptions: number}> {
  const sums = new Map<string, {audioMinutes: number; transcriptions: number}>();
  for (const r of readUsageCsv(text)) {
    const s = sums.get(r.periodStart) ?? {audioMinutes: 0, transcriptions: 0};
    s.audioMinutes = round1(s.audioMinutes + r.audioMinutes);
    s.transcriptions += r.transcriptions;
    sums.set(r.periodStart, s);
  }
  return sums;
}
