/**
 * The chart area: a fixed-height box (no layout jump) holding the loading skeleton, the empty or
 * error state, the SVG chart with its tooltip, or the table view. Pointer, key and focus events
 * of the chart are handled here, once for all bars (the period under the pointer is found by position).
 */
import {html} from 'lit';
import type {LocaleController} from '../../controllers/locale-controller.js';
import {minutesToHours, type UsageBucket} from '../../usage/buckets.js';
import type {ChartGranularity} from '../../usage/dates.js';
import {chartLayout, indexAt, keyTarget, renderChartSvg, CHART_HEIGHT, type ChartLayout} from './chart-svg.js';
import type {UsageChartState} from '../shared/chart-state.js';
import {renderEmpty, renderLoadError, renderLoading} from '../shared/states.js';
import {renderUsageTable} from './usage-table.js';

const TOOLTIP_ID = 'tooltip';

/** The tooltip's place, kept between renders and set after each (CSSOM, so strict CSP is fine). */
export class AreaState {
  layout: ChartLayout | null = null;
  values: readonly number[] = [];

  placeTooltip(root: ParentNode, shown: number, width: number): void {
    const tip = root.querySelector<HTMLElement>('.tooltip');
    if (!tip || !this.layout || shown < 0) return;
    const x = this.layout.left + this.layout.band * (shown + 0.5);
    const y = this.layout.y(this.values[shown] ?? 0);
    const half = tip.offsetWidth / 2;
    tip.style.setProperty('--_tip-x', `${Math.round(Math.min(Math.max(x, half + 4), width - half - 4))}px`);
    tip.style.setProperty('--_tip-y', `${Math.round(y)}px`);
  }
}

export interface AreaHost {
  i18n: LocaleController;
  area: AreaState;
  state: UsageChartState;
  /** null while loading. */
  buckets: readonly UsageBucket[] | null;
  error: unknown;
  tableView: boolean;
  width: number;
  active: number;
  shown: number;
  onRetry(): void;
  onActive(i: number, focus: boolean): void;
  onShown(i: number): void;
}

/** A bucket's period in words: "Mar 3, 2025", "Week of Mar 2, 2025", "March 2025". */
export function periodLabel(i18n: LocaleController, b: UsageBucket, granularity: ChartGranularity): string {
  if (granularity === 'week') return i18n.t('usage.weekOf', {date: i18n.date(b.start)});
  if (granularity === 'month') return i18n.date(b.start, {month: 'long', year: 'numeric'});
  return i18n.date(b.start);
}

function axisLabel(i18n: LocaleController, b: UsageBucket, granularity: ChartGranularity): string {
  return granularity === 'month' ? i18n.date(b.start, {month: 'short', year: '2-digit'}) : i18n.date(b.start, {month: 'short', day: 'numeric'});
}

export function renderChartArea(host: AreaHost) {
  const {i18n, buckets, error, state} = host;
  let content;
  let busy = false;
  if (error) {
    content = renderLoadError(i18n, i18n.t('usage.loadError'), error, host.onRetry);
  } else if (!buckets) {
    busy = true;
    content = renderLoading(i18n.t('usage.loading'), {lines: 4});
  } else if (!buckets.some((b) => b.audioMinutes > 0 || b.transcriptions > 0)) {
    content = renderEmpty({title: i18n.t('usage.empty'), message: i18n.t('usage.emptyHint')});
  } else if (host.tableView) {
    const range = {from: i18n.date(state.from), to: i18n.date(state.to)};
    const granularity = i18n.t(`usage.granularity.${state.granularity}`).toLocaleLowerCase(i18n.locale);
    return html`<div class="area table-area" part="chart-area">${renderUsageTable({
      i18n, buckets, caption: i18n.t('usage.tableCaption', {granularity, ...range}), periodLabel: (b) => periodLabel(i18n, b, state.granularity),
    })}</div>`;
  } else {
    content = renderChart(host, buckets);
  }
  return html`<div class="area" part="chart-area" aria-busy=${busy ? 'true' : 'false'}>${content}</div>`;
}

function renderChart(host: AreaHost, buckets: readonly UsageBucket[]) {
  const {i18n, state} = host;
  const hours = state.metric === 'hours';
  const values = buckets.map((b) => (hours ? minutesToHours(b.audioMinutes) : b.transcriptions));
  const tickLabel = (v: number) => i18n.number(v, {maximumFractionDigits: hours ? 1 : 0});
  const layout = chartLayout({values, integer: !hours, width: host.width, tickLabel});
  host.area.layout = layout;
  host.area.values = values;
  const active = host.active >= 0 && host.active < buckets.length ? host.active : buckets.length - 1;
  const shown = host.shown < buckets.length ? host.shown : -1;
  const metric = i18n.t(hours ? 'usage.audioHours' : 'usage.transcriptions');
  const label = i18n.t('usage.chartLabel', {metric, from: i18n.date(state.from), to: i18n.date(state.to)});
  const lines = (b: UsageBucket) => [
    periodLabel(i18n, b, state.granularity),
    `${i18n.t('usage.audioHours')}: ${i18n.number(minutesToHours(b.audioMinutes), {minimumFractionDigits: 2, maximumFractionDigits: 2})}`,
    `${i18n.t('usage.transcriptions')}: ${i18n.number(b.transcriptions)}`,
  ];
  const chart = renderChartSvg(
    {
      values, integer: !hours, granularity: state.granularity, width: host.width, active, shown, label, tickLabel,
      cursorLabel: metric,
      valueText: lines(buckets[active]!).join(', '),
      axisLabel: (i) => axisLabel(i18n, buckets[i]!, state.granularity),
    },
    layout,
  );
  const tip = lines(shown >= 0 ? buckets[shown]! : buckets[active]!);
  const at = (e: MouseEvent) => {
    const svgEl = (e.currentTarget as HTMLElement).querySelector('svg')!;
    return indexAt(layout, svgEl.getBoundingClientRect().left, e.clientX, buckets.length);
  };
  const thumbFocused = (plot: HTMLElement) => (plot.getRootNode() as ShadowRoot).activeElement?.classList.contains('thumb') ?? false;
  const on = {
    keydown: (e: KeyboardEvent) => {
      if (!(e.target as Element).classList?.contains('thumb')) return;
      const to = keyTarget(e.key, active, buckets.length, Math.max(1, Math.round(buckets.length / 10)));
      if (to === null) return;
      e.preventDefault();
      host.onActive(to, true);
    },
    pointermove: (e: PointerEvent) => {
      const i = at(e);
      if (i !== host.shown) host.onShown(i);
    },
    // Back to the cursor's tooltip when the cursor has focus.
    pointerleave: (e: PointerEvent) => host.onShown(thumbFocused(e.currentTarget as HTMLElement) ? active : -1),
    // A click puts the keyboard cursor on that period (as clicking a bar focused it).
    click: (e: MouseEvent) => {
      const i = at(e);
      if (i >= 0) host.onActive(i, true);
    },
    focusin: (e: FocusEvent) => {
      if ((e.target as Element).classList?.contains('thumb') && active !== host.shown) host.onActive(active, false);
    },
    focusout: () => host.onShown(-1),
  };
  return html`<div class="plot" @keydown=${on.keydown} @pointermove=${on.pointermove} @pointerleave=${on.pointerleave}
      @click=${on.click} @focusin=${on.focusin} @focusout=${on.focusout}>
    ${chart}
    <div class="tooltip" part="tooltip" id=${TOOLTIP_ID} role="tooltip" ?hidden=${shown < 0}>
      <strong>${tip[0]}</strong>
      <span>${tip[1]}</span>
      <span>${tip[2]}</span>
    </div>
  </div>`;
}

export {CHART_HEIGHT};
