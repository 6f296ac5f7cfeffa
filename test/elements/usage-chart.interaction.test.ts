/**
 * <reseller-usage-chart> (interaction) against the sandbox: bucketing against the API's daily data, table view
 * and CSV agree, keyboard tooltips, quota levels, reflected state, and the loading / empty / error /
 * access states (axe in each).
 */
import {expect} from '@open-wc/testing';
import {sendKeys, sendMouse} from '@web/test-runner-commands';
import type {AggregateUsage, UsagePoint} from '../../src/contract/schemas.js';
import type {ResellerStateChangeEvent} from '../../src/events.js';
import {presetRange} from '../../src/usage/dates.js';
import {waitFor} from '../helpers/wait.js';
import '../../src/define/provider.js';
import {$, $$, api, chartFor, createTenant, daysBefore, fmt, nextEvent, settled, utcToday} from './usage-chart.helpers.js';

/** The keyboard cursor (the APG slider over the periods). */
const cursorOf = (el: Element) => $(el, 'svg.chart [role="slider"]');
/** Whether the cursor has focus (a boolean: chai diffs of DOM nodes are slow). */
const cursorFocused = (el: Element) => el.shadowRoot!.activeElement === cursorOf(el);
const date = (d: string) => new Intl.DateTimeFormat('en', {dateStyle: 'medium', timeZone: 'UTC'}).format(new Date(`${d}T00:00:00Z`));
/** What the cursor and the tooltip say for one of the API's days. */
const said = (p: UsagePoint) => `${date(p.date)}, Audio hours: ${fmt.hours(p.audio_minutes)}, Transcriptions: ${fmt.count(p.transcriptions)}`;
/** The tooltip's lines for the same day, and the tooltip's text as shown. */
const shownIn = (p: UsagePoint) => `${date(p.date)} Audio hours: ${fmt.hours(p.audio_minutes)} Transcriptions: ${fmt.count(p.transcriptions)}`;
const tipText = (tooltip: HTMLElement) => tooltip.textContent!.replace(/\s+/g, ' ').trim();
/** The bars drawn: one `M x y h w v h h -w z` segment of the bar path per period. */
function barsOf(el: Element) {
  const d = $(el, 'svg.chart path.bars').getAttribute('d') ?? '';
  return [...d.matchAll(/M([\d.]+) ([\d.]+)h([\d.]+)v([\d.]+)h-[\d.]+z/g)].map((m) => ({x: Number(m[1]), y: Number(m[2]), width: Number(m[3]), height: Number(m[4])}));
}

describe('<reseller-usage-chart> interaction', () => {
  it('keyboard (APG slider): one Tab stop, arrows / Home / End move a visible cursor, its value is the API’s period and figures', async () => {
    const tenant = await createTenant({customers: 4});
    const to = utcToday();
    const from = daysBefore(to, 13);
    const el = await chartFor(tenant, {from, to, granularity: 'day'});
    const {daily} = await api<AggregateUsage>(tenant, 'GET', `/usage?from=${from}&to=${to}`);
    expect(daily).to.have.length(14);
    expect($$(el, 'svg.chart [tabindex]'), 'one Tab stop in the chart').to.have.length(1);
    const cursor = cursorOf(el);
    expect([cursor.getAttribute('aria-label'), cursor.getAttribute('aria-valuemin'), cursor.getAttribute('aria-valuemax')]).to.deep.equal(['Audio hours', '1', '14']);

    $(el, '[part~="export-button"]').focus();
    await sendKeys({press: 'Tab'});
    expect(cursorFocused(el), 'Tab lands on the cursor').to.equal(true);
    await el.updateComplete;
    const tooltip = $(el, '[part~="tooltip"]');
    expect(tooltip.hidden).to.equal(false);
    expect(cursor.getAttribute('aria-valuenow')).to.equal('14');
    expect(cursor.getAttribute('aria-valuetext')).to.equal(said(daily[13]!));
    expect(tipText(tooltip)).to.equal(shownIn(daily[13]!));
    // The focus indicator: the cursor's band outlined in the focus colour.
    expect(cursor.matches(':focus-visible'), 'focus-visible after Tab').to.equal(true);
    expect(getComputedStyle(cursor).stroke).to.not.equal('none');
    const x13 = cursor.getBoundingClientRect().left;

    await sendKeys({press: 'ArrowLeft'});
    await sendKeys({press: 'ArrowLeft'});
    await el.updateComplete;
    expect(cursorFocused(el), 'focus stays on the cursor').to.equal(true);
    expect(cursor.getAttribute('aria-valuenow')).to.equal('12');
    expect(cursor.getAttribute('aria-valuetext')).to.equal(said(daily[11]!));
    expect(tooltip.textContent).to.contain(date(daily[11]!.date));
    expect(cursor.getBoundingClientRect().left, 'the cursor moved left by two periods').to.be.lessThan(x13);
    await sendKeys({press: 'ArrowUp'});
    await el.updateComplete;
    expect(cursor.getAttribute('aria-valuetext')).to.equal(said(daily[12]!));
    await sendKeys({press: 'Home'});
    await el.updateComplete;
    expect(cursor.getAttribute('aria-valuenow')).to.equal('1');
    expect(cursor.getAttribute('aria-valuetext')).to.equal(said(daily[0]!));
    expect(tooltip.textContent).to.contain(date(from));
    // Positioned from script through a custom property (no inline style attribute in the template).
    expect(tooltip.style.getPropertyValue('--_tip-x')).to.match(/^\d+px$/);
    await sendKeys({press: 'ArrowDown'});
    await el.updateComplete;
    expect(cursor.getAttribute('aria-valuenow'), 'no step before the first period').to.equal('1');
    await sendKeys({press: 'End'});
    await el.updateComplete;
    expect(cursor.getAttribute('aria-valuetext')).to.equal(said(daily[13]!));
    expect(cursor.getBoundingClientRect().left).to.be.closeTo(x13, 0.5);
    await expect(el).to.be.accessible();

    await sendKeys({press: 'Tab'});
    await el.updateComplete;
    expect(tooltip.hidden).to.equal(true);
  });

  it('from a warm client cache, draws its plot once, at the chart area’s width (not at a default width first and again in the same frame)', async () => {
    const tenant = await createTenant({customers: 3});
    const to = utcToday();
    const from = daysBefore(to, 59);
    const provider = document.createElement('reseller-provider');
    provider.token = tenant.token;
    const box = document.createElement('div');
    box.style.inlineSize = '517px';
    provider.append(box);
    document.body.append(provider);
    try {
      await provider.client.getUsage({from, to});
      const el = document.createElement('reseller-usage-chart');
      for (const [k, v] of Object.entries({from, to, granularity: 'day'})) el.setAttribute(k, v);
      box.append(el);
      // Every width the plot is drawn at, from its first drawing on.
      const drawn: string[] = [];
      const record = () => {
        const width = el.shadowRoot!.querySelector('svg.chart')?.getAttribute('width');
        if (width && drawn.at(-1) !== width) drawn.push(width);
      };
      const observer = new MutationObserver(record);
      observer.observe(el.shadowRoot!, {subtree: true, childList: true, attributes: true, attributeFilter: ['width']});
      await settled(el);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      record();
      observer.disconnect();
      expect(drawn).to.deep.equal([String($(el, '[part~="chart-area"]').clientWidth)]);
      expect($(el, 'svg.chart path.bars').getAttribute('d')!.split('M').length - 1).to.equal(60);
    } finally {
      provider.remove();
    }
  });

  it('pointer: hovering a bar shows that day’s values from the API; a click puts the keyboard cursor there', async () => {
    const tenant = await createTenant({customers: 4});
    const to = utcToday();
    const from = daysBefore(to, 9);
    const el = await chartFor(tenant, {from, to, granularity: 'day'});
    const {daily} = await api<AggregateUsage>(tenant, 'GET', `/usage?from=${from}&to=${to}`);
    const tooltip = $(el, '[part~="tooltip"]');
    expect(tooltip.hidden).to.equal(true);
    const plot = $(el, 'svg.chart .grid-lines').getBoundingClientRect();
    const band = plot.width / daily.length;
    const at = (i: number): [number, number] => [Math.round(plot.left + band * (i + 0.5)), Math.round(plot.top + 4)];
    try {
      await sendMouse({type: 'move', position: at(3)});
      await waitFor(() => !tooltip.hidden && tooltip.textContent!.includes(date(daily[3]!.date)), 'the tooltip of the 4th day', {observe: () => tooltip.textContent});
      expect(tipText(tooltip)).to.equal(shownIn(daily[3]!));
      await sendMouse({type: 'move', position: at(7)});
      await waitFor(() => tooltip.textContent!.includes(date(daily[7]!.date)), 'the tooltip of the 8th day', {observe: () => tooltip.textContent});
      expect(tipText(tooltip)).to.equal(shownIn(daily[7]!));
      await sendMouse({type: 'click', position: at(7)});
      await waitFor(() => cursorFocused(el), 'the cursor takes focus on a click', {observe: () => el.shadowRoot!.activeElement?.localName});
      expect(cursorOf(el).getAttribute('aria-valuetext')).to.equal(said(daily[7]!));
      await sendKeys({press: 'ArrowRight'});
      await el.updateComplete;
      expect(cursorOf(el).getAttribute('aria-valuetext')).to.equal(said(daily[8]!));
    } finally {
      await sendMouse({type: 'move', position: [0, 0]});
    }
    await waitFor(() => tooltip.textContent!.includes(date(daily[8]!.date)), 'the focused cursor’s tooltip after the pointer left');
  });

  it('presets and custom range: reflected attributes and a state-change event; from after to is refused', async () => {
    const tenant = await createTenant({customers: 3});
    const el = await chartFor(tenant);
    const last30 = presetRange('last30Days');
    expect(el.state).to.deep.include({...last30, granularity: 'day', metric: 'hours'});
    const select = $<HTMLSelectElement>(el, '[part~="range"]');
    expect(select.value).to.equal('last30Days');

    let changed = nextEvent<ResellerStateChangeEvent>(el, 'reseller-state-change');
    select.value = 'last12Months';
    select.dispatchEvent(new Event('change'));
    const range = presetRange('last12Months');
    expect((await changed).detail).to.deep.equal({...range, granularity: 'month', metric: 'hours'});
    await settled(el);
    expect([el.getAttribute('from'), el.getAttribute('to'), el.getAttribute('granularity')]).to.deep.equal([range.from, range.to, 'month']);
    expect(barsOf(el)).to.have.length(12);

    changed = nextEvent<ResellerStateChangeEvent>(el, 'reseller-state-change');
    const metric = $<HTMLSelectElement>(el, '[part~="metric"]');
    metric.value = 'transcriptions';
    metric.dispatchEvent(new Event('change'));
    expect((await changed).detail.metric).to.equal('transcriptions');
    expect(el.getAttribute('metric')).to.equal('transcriptions');

    select.value = 'custom';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const fromInput = $<HTMLInputElement>(el, 'input[name="from"]');
    const toInput = $<HTMLInputElement>(el, 'input[name="to"]');
    fromInput.value = '2025-03-10';
    toInput.value = '2025-03-01';
    let events = 0;
    el.addEventListener('reseller-state-change', () => events++);
    $(el, '[part~="apply-button"]').click();
    await el.updateComplete;
    expect($(el, '#range-error').textContent).to.equal('The end date must be on or after the start date.');
    expect(toInput.getAttribute('aria-invalid')).to.equal('true');
    expect(events).to.equal(0);
    toInput.value = '2025-03-20';
    changed = nextEvent<ResellerStateChangeEvent>(el, 'reseller-state-change');
    $(el, '[part~="apply-button"]').click();
    expect((await changed).detail).to.deep.include({from: '2025-03-10', to: '2025-03-20', granularity: 'day'});
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#range-error')).to.equal(null);
  });

  it('a year of days: one path holds 365 bars whose heights are the API’s values; PageUp / PageDown step a tenth', async () => {
    const tenant = await createTenant({customers: 5});
    const to = utcToday();
    const from = daysBefore(to, 364);
    const el = await chartFor(tenant, {from, to, granularity: 'day'});
    const {daily} = await api<AggregateUsage>(tenant, 'GET', `/usage?from=${from}&to=${to}`);
    expect($$(el, 'svg.chart path.bars'), 'the marks are one element').to.have.length(1);
    expect($$(el, 'svg.chart rect, svg.chart path').length, 'no element per bar').to.be.below(6);
    const bars = barsOf(el);
    expect(bars).to.have.length(365);
    expect(bars.every((b, i) => i === 0 || b.x > bars[i - 1]!.x), 'left to right, in date order').to.equal(true);
    // Heights proportional to the API's audio hours (the metric shown); a zero day is a hairline.
    const hours = daily.map((d) => d.audio_minutes / 60);
    const top = Math.max(...hours);
    const tallest = Math.max(...bars.map((b) => b.height));
    const off = bars.map((b, i) => ({i, want: hours[i]! / top, got: hours[i] ? b.height / tallest : b.height}))
      .filter(({want, got, i}) => (hours[i] ? Math.abs(want - got) > 0.01 : got !== 0.75));
    expect(off, 'bars whose height is not the API’s value').to.deep.equal([]);
    expect($$(el, '.x-label').length).to.be.within(3, 20);

    $(el, '[part~="export-button"]').focus();
    await sendKeys({press: 'Tab'});
    await sendKeys({press: 'Home'});
    await sendKeys({press: 'PageUp'});
    await el.updateComplete;
    const cursor = cursorOf(el);
    expect(cursor.getAttribute('aria-valuenow')).to.equal('38');
    expect(cursor.getAttribute('aria-valuetext')).to.equal(said(daily[37]!));
    await sendKeys({press: 'PageDown'});
    await el.updateComplete;
    expect(cursor.getAttribute('aria-valuetext')).to.equal(said(daily[0]!));

    el.metric = 'transcriptions';
    await el.updateComplete;
    const counts = daily.map((d) => d.transcriptions);
    const most = Math.max(...counts);
    const now = barsOf(el);
    const highest = Math.max(...now.map((b) => b.height));
    expect(now.findIndex((b) => b.height === highest), 'the tallest bar is the day with the most transcriptions').to.equal(counts.indexOf(most));
    expect(cursorOf(el).getAttribute('aria-label')).to.equal('Transcriptions');
  });
});
