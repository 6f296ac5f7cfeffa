/** Pure usage helpers: bucketing, presets at month boundaries (injected now and time zone), week starts, ticks, quota levels, CSV. */
import {expect} from '@open-wc/testing';
import {bucketize, totals, type DailyUsage} from '../../src/usage/buckets.js';
import {
  addMonths, defaultGranularity, firstDayOfWeek, matchPreset, presetRange, previousRange, rangeProblem, startOfWeek, todayIn,
} from '../../src/usage/dates.js';
import {csvTotalsByPeriod, parseCsv, rebucketCsv, readUsageCsv} from '../../src/usage/csv.js';
import {isNearQuota, quotaLevel} from '../../src/usage/quota.js';
import {labelEvery, niceStep, niceTicks} from '../../src/usage/ticks.js';

const day = (date: string, audio_minutes: number, transcriptions: number): DailyUsage => ({date, audio_minutes, transcriptions});

describe('usage: bucketing', () => {
  // 2025-02-27 (Thu) … 2025-03-11 (Tue); 03-02 is a Sunday, 03-03 a Monday. Two days are missing (zeros).
  const series = [
    day('2025-02-27', 10.5, 2), day('2025-02-28', 20, 3), day('2025-03-01', 0.1, 1), day('2025-03-02', 5, 1),
    day('2025-03-03', 7.2, 2), day('2025-03-05', 1.1, 1), day('2025-03-08', 30, 4), day('2025-03-09', 0.2, 1),
    day('2025-03-10', 2, 1), day('2025-03-11', 4.4, 2),
  ];
  const range = {from: '2025-02-27', to: '2025-03-11'};

  it('days: one bucket per day of the range, missing days as zero', () => {
    const b = bucketize(series, {...range, granularity: 'day'});
    expect(b).to.have.length(13);
    expect(b.map((x) => x.start)[5]).to.equal('2025-03-04');
    expect(b[5]).to.include({audioMinutes: 0, transcriptions: 0});
    expect(totals(b)).to.deep.equal({audioMinutes: 80.5, transcriptions: 18});
  });

  it('days across month ends, a leap day and a new year: every calendar date once, in order', () => {
    const utc = (d: string) => Date.parse(`${d}T00:00:00Z`);
    for (const [from, to] of [['2023-12-25', '2024-03-05'], ['2100-02-26', '2100-03-02'], ['2000-02-27', '2000-03-01'], ['2026-02-30', '2026-03-04']] as const) {
      const expected: string[] = [];
      for (let t = utc(from); t <= utc(to); t += 86_400_000) expected.push(new Date(t).toISOString().slice(0, 10));
      expect(bucketize([], {from, to, granularity: 'day'}).map((b) => b.first), `${from} … ${to}`).to.deep.equal(expected);
    }
  });

  it('weeks starting Monday (nl) and Sunday (en-US); the first bucket starts before `from`', () => {
    const monday = bucketize(series, {...range, granularity: 'week', weekStart: 1});
    expect(monday.map((b) => [b.start, b.first, b.last, b.audioMinutes, b.transcriptions])).to.deep.equal([
      ['2025-02-24', '2025-02-27', '2025-03-02', 35.6, 7],
      ['2025-03-03', '2025-03-03', '2025-03-09', 38.5, 8],
      ['2025-03-10', '2025-03-10', '2025-03-11', 6.4, 3],
    ]);
    const sunday = bucketize(series, {...range, granularity: 'week', weekStart: 7});
    expect(sunday.map((b) => [b.start, b.audioMinutes, b.transcriptions])).to.deep.equal([
      ['2025-02-23', 30.6, 6],
      ['2025-03-02', 43.3, 8],
      ['2025-03-09', 6.6, 4],
    ]);
  });

  it('months group calendar months; an all-zero range is zero buckets, not an empty list', () => {
    const months = bucketize(series, {...range, granularity: 'month'});
    expect(months.map((b) => [b.start, b.audioMinutes, b.transcriptions])).to.deep.equal([['2025-02-01', 30.5, 5], ['2025-03-01', 50, 13]]);
    const empty = bucketize([], {from: '2020-01-01', to: '2020-03-31', granularity: 'month'});
    expect(empty.map((b) => b.audioMinutes)).to.deep.equal([0, 0, 0]);
  });

  it('sums without floating-point noise (one decimal)', () => {
    const tenths = Array.from({length: 30}, (_, i) => day(`2025-04-${String(i + 1).padStart(2, '0')}`, 0.1, 0));
    expect(bucketize(tenths, {from: '2025-04-01', to: '2025-04-30', granularity: 'month'})[0]!.audioMinutes).to.equal(3);
  });
});

describe('usage: dates and presets', () => {
  it('today in the viewer’s time zone, at a month boundary', () => {
    const now = Date.parse('2025-03-01T02:30:00Z');
    expect(todayIn('UTC', now)).to.equal('2025-03-01');
    expect(todayIn('America/Los_Angeles', now)).to.equal('2025-02-28');
    expect(todayIn('Asia/Tokyo', Date.parse('2025-02-28T16:00:00Z'))).to.equal('2025-03-01');
  });

  it('presets on 1 March 02:30 UTC: Amsterdam is in March, Los Angeles still in February', () => {
    const now = Date.parse('2025-03-01T02:30:00Z');
    const ams = {now, timeZone: 'Europe/Amsterdam'};
    const la = {now, timeZone: 'America/Los_Angeles'};
    expect(presetRange('thisMonth', ams)).to.deep.equal({from: '2025-03-01', to: '2025-03-01'});
    expect(presetRange('lastMonth', ams)).to.deep.equal({from: '2025-02-01', to: '2025-02-28'});
    expect(presetRange('thisMonth', la)).to.deep.equal({from: '2025-02-01', to: '2025-02-28'});
    expect(presetRange('lastMonth', la)).to.deep.equal({from: '2025-01-01', to: '2025-01-31'});
    expect(presetRange('last7Days', ams)).to.deep.equal({from: '2025-02-23', to: '2025-03-01'});
    expect(presetRange('last30Days', ams)).to.deep.equal({from: '2025-01-31', to: '2025-03-01'});
    expect(presetRange('last90Days', ams)).to.deep.equal({from: '2024-12-02', to: '2025-03-01'});
    expect(presetRange('last12Months', ams)).to.deep.equal({from: '2024-04-01', to: '2025-03-01'});
    expect(matchPreset({from: '2025-02-01', to: '2025-02-28'}, ams)).to.equal('lastMonth');
    expect(matchPreset({from: '2025-02-02', to: '2025-02-28'}, ams)).to.equal('custom');
  });

  it('last month in January and in a leap year; month arithmetic across years', () => {
    expect(presetRange('lastMonth', {now: Date.parse('2025-01-15T12:00:00Z'), timeZone: 'UTC'})).to.deep.equal({from: '2024-12-01', to: '2024-12-31'});
    expect(presetRange('lastMonth', {now: Date.parse('2024-03-31T12:00:00Z'), timeZone: 'UTC'})).to.deep.equal({from: '2024-02-01', to: '2024-02-29'});
    expect(presetRange('thisMonth', {now: Date.parse('2024-12-31T23:59:59Z'), timeZone: 'UTC'})).to.deep.equal({from: '2024-12-01', to: '2024-12-31'});
    expect(addMonths('2025-01-31', -1)).to.equal('2024-12-01');
    expect(addMonths('2024-12-15', 1)).to.equal('2025-01-01');
  });

  it('previous period of equal length; default granularity; custom range validation', () => {
    expect(previousRange({from: '2025-03-01', to: '2025-03-31'})).to.deep.equal({from: '2025-01-29', to: '2025-02-28'});
    expect(defaultGranularity({from: '2025-03-01', to: '2025-03-31'})).to.equal('day');
    expect(defaultGranularity({from: '2024-12-02', to: '2025-03-01'})).to.equal('week');
    expect(defaultGranularity({from: '2024-04-01', to: '2025-03-01'})).to.equal('month');
    expect(rangeProblem('2025-03-01', '2025-03-01')).to.equal(null);
    expect(rangeProblem('2025-03-02', '2025-03-01')).to.equal('order');
    expect(rangeProblem('2025-02-30', '2025-03-01')).to.equal('invalid');
    expect(rangeProblem('', '2025-03-01')).to.equal('invalid');
    expect(rangeProblem('2020-01-01', '2025-03-01')).to.equal('tooLong');
  });

  it('first day of the week: Intl week info where available, else the table (Monday for nl and most of Europe, Sunday for en-US)', () => {
    for (const useIntl of [true, false]) {
      expect(firstDayOfWeek('nl', {useIntl}), `nl ${useIntl}`).to.equal(1);
      expect(firstDayOfWeek('nl-BE', {useIntl})).to.equal(1);
      expect(firstDayOfWeek('de-DE', {useIntl})).to.equal(1);
      expect(firstDayOfWeek('en-GB', {useIntl})).to.equal(1);
      expect(firstDayOfWeek('en-US', {useIntl})).to.equal(7);
      expect(firstDayOfWeek('en', {useIntl})).to.equal(7);
      expect(firstDayOfWeek('ar-EG', {useIntl})).to.equal(6);
    }
    expect(firstDayOfWeek('not a locale!')).to.equal(1);
    expect(startOfWeek('2025-03-05', 1)).to.equal('2025-03-03');
    expect(startOfWeek('2025-03-05', 7)).to.equal('2025-03-02');
    expect(startOfWeek('2025-03-02', 7)).to.equal('2025-03-02');
    expect(startOfWeek('2025-03-07', 6)).to.equal('2025-03-01');
  });
});

describe('usage: ticks', () => {
  it('nice steps and ticks from zero', () => {
    expect([0.7, 1, 1.3, 2.2, 3, 7, 12].map(niceStep)).to.deep.equal([1, 1, 2, 2.5, 5, 10, 20]);
    expect(niceTicks(87)).to.deep.equal({ticks: [0, 20, 40, 60, 80, 100], step: 20, max: 100});
    expect(niceTicks(4.3).ticks).to.deep.equal([0, 1, 2, 3, 4, 5]);
    expect(niceTicks(0.37).ticks).to.deep.equal([0, 0.1, 0.2, 0.3, 0.4]);
    expect(niceTicks(3, {integer: true}).ticks).to.deep.equal([0, 1, 2, 3]);
    expect(niceTicks(0).ticks).to.deep.equal([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, {integer: true}).ticks).to.deep.equal([0, 1, 2, 3, 4, 5]);
  });

  it('thins labels: one per week on a year of days, every label on a few months', () => {
    expect(labelEvery(600 / 365, 68, 'day')).to.equal(42);
    expect(labelEvery(80, 68, 'day')).to.equal(1);
    expect(labelEvery(20, 68, 'day')).to.equal(7);
    expect(labelEvery(600 / 12, 68, 'month')).to.equal(2);
  });
});

describe('usage: quota levels', () => {
  it('79 % ok, 80 % ok (the spec warns above 80), 80.1 % warning, 99.9 % warning, 100 % alert; no quota → none', () => {
    expect(quotaLevel(79, 500)).to.equal('ok');
    expect(quotaLevel(80, 500)).to.equal('ok');
    expect(quotaLevel(80.1, 500)).to.equal('warning');
    expect(quotaLevel(99.9, 500)).to.equal('warning');
    expect(quotaLevel(100, 500)).to.equal('alert');
    expect(quotaLevel(140, 500)).to.equal('alert');
    expect(quotaLevel(0, 0)).to.equal('none');
    expect([79, 80, 80.1, 100].map((p) => isNearQuota(p, 2000))).to.deep.equal([false, false, true, true]);
  });
});

describe('usage: CSV', () => {
  const header = 'period_start,customer_id,customer_name,audio_minutes,audio_hours,transcriptions';
  const dayCsv = [
    header,
    '2025-03-01,7,"Acme, Inc.",10.1,0.17,2',
    '2025-03-01,9,\'=cmd,0.2,0,1',
    '2025-03-02,7,"Acme, Inc.",20.2,0.34,1',
    '2025-03-03,7,"Acme, Inc.",5,0.08,1',
    '',
  ].join('\r\n');

  it('parses quoted cells', () => {
    expect(parseCsv('a,"b ""c"", d",e\r\n1,2,3\r\n')).to.deep.equal([['a', 'b "c", d', 'e'], ['1', '2', '3']]);
    expect(readUsageCsv(dayCsv)[1]).to.deep.equal({periodStart: '2025-03-01', customerId: 9, customerName: "'=cmd", audioMinutes: 0.2, transcriptions: 1});
  });

  it('regroups days into Sunday weeks with the API’s columns, rounding and guard', () => {
    const text = rebucketCsv(dayCsv, 'week', 7);
    expect(text).to.equal([
      header,
      '2025-02-23,7,"Acme, Inc.",10.1,0.17,2',
      "2025-02-23,9,'=cmd,0.2,0,1",
      '2025-03-02,7,"Acme, Inc.",25.2,0.42,2',
      '',
    ].join('\r\n'));
    expect([...csvTotalsByPeriod(text)]).to.deep.equal([
      ['2025-02-23', {audioMinutes: 10.3, transcriptions: 3}],
      ['2025-03-02', {audioMinutes: 25.2, transcriptions: 2}],
    ]);
  });
});
