/**
 * <reseller-usage-chart> (interaction) against the sandbox: bucketing against the API's daily data, table view
 * and CSV agree, keyboard tooltips, quota levels, reflected state, and the loading / empty / error /
 * access states (axe in each).
 */
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {ResellerStateChangeEvent} from '../../src/events.js';
import {presetRange} from '../../src/usage/dates.js';
import {$, $$, chartFor, createTenant, daysBefore, nextEvent, settled, utcToday} from './usage-chart.helpers.js';

/** The `data-i` of the focused bar (a string compare: chai diffs of DOM nodes are slow). */
const focusedBar = (el: Element) => el.shadowRoot!.activeElement?.getAttribute('data-i') ?? `not a bar: ${el.shadowRoot!.activeElement?.localName}`;

describe('<reseller-usage-chart> interaction', () => {
  it('keyboard: one Tab stop into the bars, arrows move it, the tooltip follows and describes the bar', async () => {
    const tenant = await createTenant({customers: 4});
    const to = utcToday();
    const from = daysBefore(to, 13);
    const el = await chartFor(tenant, {from, to, granularity: 'day'});
    const bars = $$(el, 'rect.bar');
    expect(bars).to.have.length(14);
    expect(bars.filter((b) => b.getAttribute('tabindex') === '0')).to.have.length(1);
    expect(bars[13]!.getAttribute('tabindex')).to.equal('0');

    $(el, '[part~="export-button"]').focus();
    await sendKeys({press: 'Tab'});
    expect(focusedBar(el)).to.equal('13');
    await el.updateComplete;
    const tooltip = $(el, '[part~="tooltip"]');
    expect(tooltip.hidden).to.equal(false);
    const date = (d: string) => new Intl.DateTimeFormat('en', {dateStyle: 'medium', timeZone: 'UTC'}).format(new Date(`${d}T00:00:00Z`));
    expect(tooltip.textContent).to.contain(date(to));
    expect(bars[13]!.getAttribute('aria-describedby')).to.equal(tooltip.id);
    expect(bars[13]!.getAttribute('aria-label')).to.equal(date(to));

    await sendKeys({press: 'ArrowLeft'});
    await sendKeys({press: 'ArrowLeft'});
    await el.updateComplete;
    const now = $$(el, 'rect.bar');
    expect(focusedBar(el)).to.equal('11');
    expect(now.map((b) => b.getAttribute('tabindex')).indexOf('0')).to.equal(11);
    expect(now.filter((b) => b.getAttribute('tabindex') === '0')).to.have.length(1);
    expect(tooltip.textContent).to.contain(date(daysBefore(to, 2)));
    await sendKeys({press: 'Home'});
    await el.updateComplete;
    expect(focusedBar(el)).to.equal('0');
    expect(tooltip.textContent).to.contain(date(from));
    // Positioned from script through a custom property (no inline style attribute in the template).
    expect(tooltip.style.getPropertyValue('--_tip-x')).to.match(/^\d+px$/);

    await sendKeys({press: 'Tab'});
    await el.updateComplete;
    expect(tooltip.hidden).to.equal(true);
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
    expect($$(el, 'rect.bar')).to.have.length(12);

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

  it('a year of days renders 365 bars quickly (one delegated listener set, thinned labels)', async () => {
    const tenant = await createTenant({customers: 5});
    const to = utcToday();
    const el = await chartFor(tenant, {from: daysBefore(to, 364), to, granularity: 'day'});
    expect($$(el, 'rect.bar')).to.have.length(365);
    expect($$(el, '.x-label').length).to.be.within(3, 20);
    const start = performance.now();
    el.metric = 'transcriptions';
    await el.updateComplete;
    el.metric = 'hours';
    await el.updateComplete;
    const perRender = (performance.now() - start) / 2;
    console.info(`usage chart: 365 daily bars re-render in ${perRender.toFixed(1)} ms`);
    expect(perRender).to.be.below(100);
  });
});
