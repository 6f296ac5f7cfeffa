/**
 * Usage dashboard page: the dashboard loads on the dev tenant, the operator changes the range in
 * the chart, switches granularity and the table view, and exports: the download is
 * `usage_<from>_<to>.csv` whose per-period sums match the table. Axe clean.
 */
import {readFile} from 'node:fs/promises';
import {assert, expectNoAxeViolations, openPortal, waitForDefined} from '../helpers.mjs';

/** @param {{page: import('playwright-core').Page, baseUrl: string}} ctx */
export default async function usage({page, baseUrl}) {
  await openPortal(page, baseUrl, '#/usage');
  await waitForDefined(page, 'reseller-usage-dashboard');
  const dashboard = page.locator('reseller-usage-dashboard');
  const chart = dashboard.locator('reseller-usage-chart');
  await dashboard.locator('[data-total="hours"] .total-value').waitFor();
  await chart.locator('svg.chart').waitFor();

  // Change the range: last 90 days → weekly by default; the dashboard reflects it.
  await chart.getByLabel('Date range').selectOption({label: 'Last 90 days'});
  await page.waitForFunction(() => document.querySelector('reseller-usage-dashboard')?.getAttribute('granularity') === 'week');
  const range = await dashboard.evaluate((el) => ({from: el.getAttribute('from'), to: el.getAttribute('to')}));
  assert.match(range.from ?? '', /^\d{4}-\d{2}-\d{2}$/);

  // Switch granularity to month and show the table.
  await chart.getByLabel('Granularity').selectOption('month');
  await page.waitForFunction(() => document.querySelector('reseller-usage-dashboard')?.getAttribute('granularity') === 'month');
  await chart.getByRole('button', {name: 'Show as table'}).click();
  const rows = chart.locator('tbody tr[data-period]');
  await rows.first().waitFor();
  const table = await rows.evaluateAll((trs) => trs.map((tr) => ({period: tr.getAttribute('data-period'), cells: [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())})));
  assert.ok(table.length >= 3 && table.length <= 4, `3–4 months in 90 days: ${table.length}`);
  assert.ok(table.every((r) => /-01$/.test(r.period ?? '')), 'month buckets start on the 1st');

  // Export: a real download through <a download>.
  const [download] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', {name: 'Export CSV'}).click()]);
  assert.equal(download.suggestedFilename(), `usage_${range.from}_${range.to}.csv`);
  const text = await readFile(await download.path(), 'utf8');
  const lines = text.trim().split('\r\n');
  assert.equal(lines[0], 'period_start,customer_id,customer_name,audio_minutes,audio_hours,transcriptions');
  /** @type {Map<string, {m: number, t: number}>} */
  const sums = new Map();
  for (const line of lines.slice(1)) {
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '')) ?? [];
    const s = sums.get(cells[0]) ?? {m: 0, t: 0};
    s.m = Math.round((s.m + Number(cells[3])) * 10) / 10;
    s.t += Number(cells[5]);
    sums.set(cells[0], s);
  }
  const fmt1 = new Intl.NumberFormat('en', {minimumFractionDigits: 1, maximumFractionDigits: 1});
  for (const row of table) {
    const s = sums.get(row.period) ?? {m: 0, t: 0};
    assert.deepEqual([row.cells[0], row.cells[2]], [fmt1.format(s.m), new Intl.NumberFormat('en').format(s.t)], `period ${row.period}`);
  }

  await expectNoAxeViolations(page);
}

export const timeout = 60_000;
