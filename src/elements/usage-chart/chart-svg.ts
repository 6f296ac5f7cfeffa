/**
 * The bar chart as a Lit `svg` template: nice value ticks with grid lines, thinned period labels,
 * one `<rect>` per bucket. No listeners per bar: the chart's wrapper takes pointer, key and focus events
 * and finds the bucket by position or `data-i` (event delegation), so a year of days stays cheap.
 * (The listeners sit on an HTML wrapper: Chromium makes an `<svg>` with focus listeners a Tab stop.)
 * Bars use a roving tabindex (one Tab stop; arrows, Home, End, PageUp/PageDown move).
 */
import {svg, nothing, type SVGTemplateResult} from 'lit';
import type {UsageBucket} from '../../usage/buckets.js';
import type {ChartGranularity} from '../../usage/dates.js';
import {labelEvery, niceTicks, type ValueTicks} from '../../usage/ticks.js';

export const CHART_HEIGHT = 240;
const MARGIN = {top: 12, right: 8, bottom: 28};
const CHAR_WIDTH = 7;

export interface ChartInput {
  buckets: readonly UsageBucket[];
  values: readonly number[];
  integer: boolean;
  granularity: ChartGranularity;
  width: number;
  /** The bar with tabindex 0. */
  active: number;
  /** The bar whose tooltip shows (hovered or focused), or -1. */
  shown: number;
  label: string;
  /** Accessible name of bar `i` (its period). */
  barLabel: (i: number) => string;
  /** Short axis label of bar `i`. */
  axisLabel: (i: number) => string;
  tickLabel: (value: number) => string;
  tooltipId: string;
}

export interface ChartLayout {
  left: number;
  top: number;
  plotWidth: number;
  plotHeight: number;
  band: number;
  ticks: ValueTicks;
  y: (value: number) => number;
}

export function chartLayout(input: Pick<ChartInput, 'values' | 'integer' | 'width' | 'tickLabel'>): ChartLayout {
  const max = input.values.reduce((m, v) => (v > m ? v : m), 0);
  const ticks = niceTicks(max, {integer: input.integer});
  const longest = ticks.ticks.reduce((m, t) => Math.max(m, input.tickLabel(t).length), 1);
  const left = Math.ceil(longest * CHAR_WIDTH + 12);
  const plotWidth = Math.max(40, input.width - left - MARGIN.right);
  const plotHeight = CHART_HEIGHT - MARGIN.top - MARGIN.bottom;
  const band = plotWidth / Math.max(1, input.values.length);
  const y = (value: number) => MARGIN.top + plotHeight - (ticks.max > 0 ? (value / ticks.max) * plotHeight : 0);
  return {left, top: MARGIN.top, plotWidth, plotHeight, band, ticks, y};
}

/** The bucket index under a clientX, or -1. */
export function indexAt(layout: ChartLayout, svgLeft: number, clientX: number, count: number): number {
  const i = Math.floor((clientX - svgLeft - layout.left) / layout.band);
  return i >= 0 && i < count ? i : -1;
}

/** Where the tooltip of bar `i` points (SVG px): the bar's centre, above its top. */
export function tipAnchor(layout: ChartLayout, input: Pick<ChartInput, 'values'>, i: number): {x: number; y: number} {
  return {x: layout.left + layout.band * (i + 0.5), y: layout.y(input.values[i] ?? 0)};
}

export function renderChartSvg(input: ChartInput, layout: ChartLayout): SVGTemplateResult {
  const {left, top, plotWidth, plotHeight, band, ticks, y} = layout;
  const n = input.values.length;
  const barWidth = Math.max(1, band * (band > 6 ? 0.72 : 0.85));
  const inset = (band - barWidth) / 2;
  const every = labelEvery(band, 68, input.granularity);
  const bottom = top + plotHeight;
  const bars: SVGTemplateResult[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const v = input.values[i]!;
    const yTop = y(v);
    // A zero still gets a hairline, so "no usage" reads as zero, not as a gap.
    const h = Math.max(v > 0 ? 1 : 0.75, bottom - yTop);
    bars[i] = svg`<rect class=${i === input.shown ? 'bar shown' : 'bar'} data-i=${i} x=${left + i * band + inset} y=${bottom - h}
      width=${barWidth} height=${h} role="img" aria-label=${input.barLabel(i)} tabindex=${i === input.active ? 0 : -1}
      aria-describedby=${i === input.active ? input.tooltipId : nothing}></rect>`;
  }
  const labels: SVGTemplateResult[] = [];
  for (let i = 0; i < n; i += every) {
    const x = left + band * (i + 0.5);
    if (x + 24 > left + plotWidth + 8 && i !== 0) break;
    labels.push(svg`<text class="x-label" x=${x} y=${bottom + 18} text-anchor="middle">${input.axisLabel(i)}</text>`);
  }
  return svg`<svg class="chart" part="chart" width=${input.width} height=${CHART_HEIGHT} viewBox="0 0 ${input.width} ${CHART_HEIGHT}"
      role="group" aria-label=${input.label}>
    <g class="grid" aria-hidden="true">
      ${ticks.ticks.map((t) => svg`<line x1=${left} x2=${left + plotWidth} y1=${y(t)} y2=${y(t)}></line>
        <text class="y-label" x=${left - 6} y=${y(t)} dy="0.32em" text-anchor="end">${input.tickLabel(t)}</text>`)}
    </g>
    ${input.shown >= 0 ? svg`<rect class="cursor" aria-hidden="true" x=${left + input.shown * band} y=${top} width=${band} height=${plotHeight}></rect>` : nothing}
    <g class="bars">${bars}</g>
    <g class="x-axis" aria-hidden="true">
      <line class="baseline" x1=${left} x2=${left + plotWidth} y1=${bottom} y2=${bottom}></line>
      ${labels}
    </g>
  </svg>`;
}

/** The bar index a key moves to from `i` (or null when the key is not a chart key). */
export function keyTarget(key: string, i: number, count: number, pageStep: number): number | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return Math.min(count - 1, i + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return Math.max(0, i - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return Math.min(count - 1, i + pageStep);
    case 'PageUp':
      return Math.max(0, i - pageStep);
    default:
      return null;
  }
}
