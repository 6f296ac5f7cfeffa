import {expect} from '@open-wc/testing';
import {createFormatters} from '../../src/format.js';
import {en} from '../../src/i18n/en.js';
import {nl} from '../../src/i18n/nl.js';

/** Intl uses narrow/no-break spaces in places; compare on plain spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const templates = (m: typeof en | typeof nl) => ({
  hoursMinutes: m['format.duration.hoursMinutes'],
  hours: m['format.duration.hours'],
  minutes: m['format.duration.minutes'],
  hoursUnit: m['format.hours'],
});
const fEn = createFormatters('en', templates(en), {timeZone: 'UTC'});
const fNl = createFormatters('nl', templates(nl), {timeZone: 'UTC'});

describe('formatters', () => {
  it('format calendar dates as that day, whatever the time zone', () => {
    expect(plain(fEn.date('2025-01-17'))).to.equal('Jan 17, 2025');
    expect(plain(fNl.date('2025-01-17'))).to.equal('17 jan 2025');
    const tokyo = createFormatters('en', undefined, {timeZone: 'Pacific/Honolulu'});
    expect(plain(tokyo.date('2025-01-17'))).to.equal('Jan 17, 2025');
  });

  it('format timestamps with their time in the chosen time zone', () => {
    expect(plain(fEn.dateTime('2025-01-17T14:05:00Z'))).to.equal('Jan 17, 2025, 2:05 PM');
    expect(plain(fNl.dateTime('2025-01-17T14:05:00Z'))).to.match(/^17 jan 2025,? 14:05$/);
    expect(fEn.date('not a date')).to.equal('');
  });

  it('format numbers and percentages with the locale separators', () => {
    expect(fEn.number(1234567.5)).to.equal('1,234,567.5');
    expect(fNl.number(1234567.5)).to.equal('1.234.567,5');
    expect(plain(fEn.percent(0.825))).to.equal('82.5%');
    expect(plain(fNl.percent(0.825))).to.equal('82,5%');
    expect(plain(fEn.percent(1))).to.equal('100%');
  });

  it('format minutes as hours and minutes', () => {
    expect(fEn.duration(80)).to.equal('1 h 20 min');
    expect(fNl.duration(80)).to.equal('1 u 20 min');
    expect(fEn.duration(45)).to.equal('45 min');
    expect(fNl.duration(120)).to.equal('2 u');
    expect(fEn.duration(0)).to.equal('0 min');
    expect(fEn.duration(61_000)).to.equal('1,016 h 40 min');
    expect(fNl.duration(61_000)).to.equal('1.016 u 40 min');
  });

  it('format audio hours with one decimal', () => {
    expect(fEn.hours(75)).to.equal('1.3 h');
    expect(fNl.hours(75)).to.equal('1,3 u');
    expect(fEn.hours(60)).to.equal('1.0 h');
    expect(fNl.hours(90_000, {unit: false})).to.equal('1.500,0');
  });

  it('format relative times', () => {
    const now = '2025-01-17T12:00:00Z';
    expect(fEn.relativeTime('2025-01-16T12:00:00Z', now)).to.equal('yesterday');
    expect(fNl.relativeTime('2025-01-16T12:00:00Z', now)).to.equal('gisteren');
    expect(fEn.relativeTime('2025-01-14T12:00:00Z', now)).to.equal('3 days ago');
    expect(fNl.relativeTime('2025-01-14T12:00:00Z', now)).to.equal('3 dagen geleden');
    expect(fEn.relativeTime('2025-01-17T12:05:00Z', now)).to.equal('in 5 minutes');
    expect(fNl.relativeTime('2024-01-17T12:00:00Z', now)).to.equal('vorig jaar');
  });

  it('format byte sizes in binary multiples', () => {
    expect(plain(fEn.bytes(512))).to.equal('512 bytes');
    expect(plain(fEn.bytes(1536))).to.equal('1.5 kB');
    expect(plain(fEn.bytes(2 * 1024 * 1024))).to.equal('2 MB');
    expect(plain(fNl.bytes(1536))).to.equal('1,5 kB');
  });

  it('fall back to English for a tag Intl rejects', () => {
    expect(createFormatters('not a locale!').locale).to.equal('en');
  });
});
