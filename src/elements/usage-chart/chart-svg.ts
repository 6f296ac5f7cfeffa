/**
 * The bar chart as a Lit `svg` template: nice value ticks with grid lines (one path), thinned period labels,
 * and the marks as ONE `<path>` (every bar a segment of its `d` attribute: a year of days is one
 * element to create, lay out and paint, not 365; `d` is an attribute, so strict CSP is fine).
 *
 * Keyboard and screen readers get a cursor over the data, the WAI-ARIA APG Slider pattern: one
 * focusable `<rect role="slider">` (the "thumb") spans the current period's band and shows the focus
 * ring; arrows, Home, End, PageUp / PageDown move it; `aria-valuetext` says the period and its
 * values, so the screen reader announces each move. Pointer, key and focus events sit on the HTML
 * wrapper (chart-area.ts), which finds the period under the pointer by position.
 */
import {svg, nothing, type SVGTemplateResult} from 'lit';
import type {ChartGranularity} from '../../usage/dates.js';
import {labelEvery, niceTicks, type ValueTicks} from '../../usage/ticks.js';

export const CHART_HEIGHT = 240;
const MARGIN = {top: 12, right: 8, bottom: 28};
const CHAR_WIDTH = 7;

export interface ChartInput {
  values: readonly number[];
  integer: boolean;
  granularity: ChartGranularity;
  width: number;
  /** The period under the keyboard cursor (the slider's value). */
  active: number;
  /** The period whose tooltip shows (hovered or focused), or -1. */
  shown: number;
  /** The chart's accessible name (metric and range). */
  label: string;
  /** The slider's accessible name. */
  cursorLabel: string;
  /** What the slider's value says: the active period and its values. */
  valueText: string;
  /** Short axis label of period `i`. */
  axisLabel: (i: number) => string;
  tickLabel: (value: number) => string;
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

/** Two decimals are enough for a pixel and keep `d` short. */
const px = (n: number) => Math.round(n * 100) / 100;

/** Bar `i`'s box: centred in its band; a zero still gets a hairline, so "no usage" reads as zero, not as a gap. */
function barBox(layout: ChartLayout, values: readonly number[], i: number) {
  const {band, left, top, plotHeight} = layout;
  const width = Math.max(1, band * (band > 6 ? 0.72 : 0.85));
  const bottom = top + plotHeight;
  const v = values[i]!;
  const height = Math.max(v > 0 ? 1 : 0.75, bottom - layout.y(v));
  return {x: px(left + i * band + (band - width) / 2), y: px(bottom - height), width: px(width), height: px(height)};
}

/** Every bar as one path: `M x y h w v h h -w z` per period, left to right. */
export function barsPath(layout: ChartLayout, values: readonly number[]): string {
  let d = '';
  for (let i = 0; i < values.length; i++) {
    const b = barBox(layout, values, i);
    d += `M${b.x} ${b.y}h${b.width}v${b.height}h${-b.width}z`;
  }
  return d;
}

/** The value ticks' grid lines as one path (`M left y h width` each): one element, not one `<line>` a tick. */
function gridPath({left, plotWidth, ticks, y}: ChartLayout): string {
  let d = '';
  for (const t of ticks.ticks) d += `M${left} ${px(y(t))}h${px(plotWidth)}`;
  return d;
}

export function renderChartSvg(input: ChartInput, layout: ChartLayout): SVGTemplateResult {
  const {left, top, plotWidth, plotHeight, band, ticks, y} = layout;
  const n = input.values.length;
  const every = labelEvery(band, 68, input.granularity);
  const bottom = top + plotHeight;
  const labels: SVGTemplateResult[] = [];
  for (let i = 0; i < n; i += every) {
    const x = left + band * (i + 0.5);
    if (x + 24 > left + plotWidth + 8 && i !== 0) break;
    labels.push(svg`<text class="x-label" x=${x} y=${bottom + 18} text-anchor="middle">${input.axisLabel(i)}</text>`);
  }
  const s = input.shown;
  const shown = s >= 0 ? barBox(layout, input.values, s) : null;
  // The hovered period: its band, then its bar again in the hover colour (the band covers only that bar).
  // Templates keep their whitespace in the build (only CSS is minified): written tight on purpose.
  return svg`<svg class="chart" part="chart" width=${input.width} height=${CHART_HEIGHT} viewBox="0 0 ${input.width} ${CHART_HEIGHT}" role="group" aria-label=${input.label}>
<g class="grid" aria-hidden="true"><path class="grid-lines" d=${gridPath(layout)}></path>${ticks.ticks.map((t) => svg`<text class="y-label" x=${left - 6} y=${y(t)} dy="0.32em" text-anchor="end">${input.tickLabel(t)}</text>`)}</g>
<path class="bars" aria-hidden="true" d=${barsPath(layout, input.values)}></path>
${shown ? svg`<g aria-hidden="true"><rect class="band" x=${px(left + s * band)} y=${top} width=${px(band)} height=${plotHeight}></rect><rect class="bar-shown" x=${shown.x} y=${shown.y} width=${shown.width} height=${shown.height}></rect></g>` : nothing}
<g class="x-axis" aria-hidden="true"><line class="baseline" x1=${left} x2=${left + plotWidth} y1=${bottom} y2=${bottom}></line>${labels}</g>
<rect class="thumb" part="cursor" tabindex="0" role="slider" aria-label=${input.cursorLabel} aria-valuemin="1" aria-valuemax=${n} aria-valuenow=${input.active + 1} aria-valuetext=${input.valueText} x=${px(left + input.active * band)} y=${top} width=${px(Math.max(band, 2))} height=${plotHeight}></rect>
</svg>`;
}

/**
 * The period a key moves the cursor to from `i`, as the APG Slider does (Right / Up: next, Left /
 * Down: previous, PageUp / PageDown: a tenth forward / back, Home / End), or null for other keys.
 * The plot reads left to right in every direction (rtl too), so Right is always later.
 */
export function keyTarget(key: string, i: number, count: number, pageStep: number): number | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return Math.min(count - 1, i + 1);
    case 'ArrowLeft':
    case 'ArrowDown':
      return Math.max(0, i - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageUp':
      return Math.min(count - 1, i + pageStep);
    case 'PageDown':
      return Math.max(0, i - pageStep);
    default:
      return null;
  }
}
