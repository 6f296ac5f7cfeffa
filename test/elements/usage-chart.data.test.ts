/**
 * <reseller-usage-chart> (data) against the sandbox: bucketing against the API's daily data, table view
 * and CSV agree, keyboard tooltips, quota levels, reflected state, and the loading / empty / error /
 * access states (axe in each).
 */
import {expect, waitUntil} from '@open-wc/testing';
import type {AggregateUsage, CustomerUsage} from '../../src/contract/schemas.js';
import {csvTotalsByPeriod} from '../../src/usage/csv.js';
import {addMonths, endOfMonth} from '../../src/usage/dates.js';
import {$, $$, api, chartFor, createTenant, daysBefore, fmt, nextFileDownload, settled, tableRows, utcToday} from './usage-chart.helpers.js';

/** Sunday on or before a date (the test page is `lang="en"`: US weeks), computed independently. */
const sundayOf = (d: string) => daysBefore(d, new Date(`${d}T00:00:00Z`).getUTCDay());

describe('<reseller-usage-chart> data', () => {
  it('all customers, weekly: the table shows the API’s daily data summed per Sunday week, zeros included', async () => {
    const tenant = await createTenant({customers: 12});
    const to = utcToday();
    const from = daysBefore(to, 62);
    const el = await chartFor(tenant, {from, to, granularity: 'week', 'table-view': ''});
    const usage = await api<AggregateUsage>(tenant, 'GET', `/usage?from=${from}&to=${to}`);
    const expected = new Map<string, {m: number; t: number}>();
    for (const d of usage.daily) {
      const key = sundayOf(d.date);
      const s = expected.get(key) ?? {m: 0, t: 0};
      s.m += d.audio_minutes;
      s.t += d.transcriptions;
      expected.set(key, s);
    }
    const rows = tableRows(el);
    expect(rows.map((r) => r.period)).to.deep.equal([...expected.keys()]);
    expect(rows.map((r) => r.cells)).to.deep.equal([...expected.values()].map((s) => [fmt.minutes(s.m), fmt.hours(Math.round(s.m * 10) / 10), fmt.count(s.t)]));
    expect(rows[0]!.label).to.match(/^Week of /);
    expect(rows.some((r) => r.cells[2] !== '0')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('one customer, daily and monthly: buckets equal the customer’s usage endpoint', async () => {
    const tenant = await createTenant({customers: 5});
    const to = utcToday();
    const from = daysBefore(to, 9);
    const id = (await api<AggregateUsage>(tenant, 'GET', `/usage?from=${from}&to=${to}`)).customers[0]!.customer_id;
    const el = await chartFor(tenant, {'customer-id': String(id), from, to, granularity: 'day', 'table-view': ''});
    const usage = await api<CustomerUsage>(tenant, 'GET', `/customers/${id}/usage?from=${from}&to=${to}`);
    expect(tableRows(el).map((r) => [r.period, ...r.cells])).to.deep.equal(
      usage.daily.map((d) => [d.date, fmt.minutes(d.audio_minutes), fmt.hours(d.audio_minutes), fmt.count(d.transcriptions)]),
    );
    el.granularity = 'month';
    await settled(el);
    const months = new Set(usage.daily.map((d) => `${d.date.slice(0, 7)}-01`));
    expect(tableRows(el).map((r) => r.period)).to.deep.equal([...months]);
  });

  it('the CSV download equals the table view (one customer, Sunday weeks; all customers, months)', async () => {
    const tenant = await createTenant({customers: 8});
    const to = utcToday();
    const from = daysBefore(to, 75);
    const busiest = (await api<AggregateUsage>(tenant, 'GET', `/usage?from=${from}&to=${to}`)).customers[1]!.customer_id;
    for (const attrs of [{'customer-id': String(busiest), granularity: 'week'}, {granularity: 'month'}] as Record<string, string>[]) {
      const el = await chartFor(tenant, {from, to, 'table-view': '', ...attrs});
      const download = nextFileDownload();
      $(el, '[part~="export-button"]').click();
      const {name, text} = await download;
      expect(name).to.equal(`usage_${from}_${to}.csv`);
      expect(text.split('\r\n')[0]).to.equal('period_start,customer_id,customer_name,audio_minutes,audio_hours,transcriptions');
      const sums = csvTotalsByPeriod(text);
      const shown = tableRows(el).filter((r) => r.cells[2] !== '0' || r.cells[0] !== '0.0');
      expect(shown.length).to.be.greaterThan(0);
      expect(shown.map((r) => [r.period, ...r.cells])).to.deep.equal(
        [...sums].map(([period, s]) => [period, fmt.minutes(s.audioMinutes), fmt.hours(s.audioMinutes), fmt.count(s.transcriptions)]),
      );
      await waitUntil(() => $(el, '[part~="export-button"]').getAttribute('aria-busy') === 'false');
    }
  });

  it('a host restores from, to, granularity and metric through attributes', async () => {
    const tenant = await createTenant({customers: 3});
    const from = addMonths(utcToday(), -3);
    const to = endOfMonth(addMonths(utcToday(), -1));
    const el = await chartFor(tenant, {from, to, granularity: 'month', metric: 'transcriptions'});
    expect(el.state).to.deep.equal({from, to, granularity: 'month', metric: 'transcriptions'});
    expect($<HTMLSelectElement>(el, '[part~="range"]').value).to.equal('custom');
    expect($<HTMLInputElement>(el, 'input[name="from"]').value).to.equal(from);
    expect($<HTMLSelectElement>(el, '[part~="granularity"]').value).to.equal('month');
    expect($<HTMLSelectElement>(el, '[part~="metric"]').value).to.equal('transcriptions');
    const month = (n: number) => new Intl.DateTimeFormat('en', {month: 'short', year: '2-digit', timeZone: 'UTC'}).format(new Date(`${addMonths(from, n)}T00:00:00Z`));
    expect($$(el, '.x-label').map((t) => t.textContent)).to.deep.equal([month(0), month(1), month(2)]);
  });
});
