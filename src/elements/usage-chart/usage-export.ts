/**
 * The usage CSV of what a chart shows, through the API's `GET /usage/export` (with `customer_id`
 * for one customer), and its download through a blob URL and `<a download>`. The API groups weeks
 * by ISO week (Monday); when the chart's weeks start on another day the CSV is asked per day and
 * grouped here like the chart (same columns, same rules), so the table and the file agree. The
 * download itself is shared/download.ts.
 */
import type {ResellerClient} from '../../api/client.js';
import {csvFileName, rebucketCsv} from '../../usage/csv.js';
import type {ChartGranularity, DateRange} from '../../usage/dates.js';

export interface UsageCsvQuery extends DateRange {
  granularity: ChartGranularity;
  /** First day of the chart's weeks (1 = Monday … 7 = Sunday). */
  weekStart: number;
  customerId?: number | null;
}

export async function fetchUsageCsv(client: ResellerClient, q: UsageCsvQuery, signal?: AbortSignal): Promise<{filename: string; text: string}> {
  const regroup = q.granularity === 'week' && q.weekStart !== 1;
  const blob = await client.exportUsage(
    {from: q.from, to: q.to, granularity: regroup ? 'day' : q.granularity, ...(q.customerId ? {customer_id: q.customerId} : {})},
    {signal},
  );
  const text = await blob.text();
  return {filename: csvFileName(q), text: regroup ? rebucketCsv(text, 'week', q.weekStart) : text};
}
