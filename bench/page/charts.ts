/**
 * The chart contenders: the kit's `<reseller-usage-chart>` and two peers, uPlot and chart.js, fed
 * the same 365 daily points (the tenant's `GET /usage` over a year, fetched once by the harness).
 *
 * The kit's chart shows ONE metric at a time (audio hours or transcriptions, chosen by `metric`)
 * as one bar per day; it has no multi-series mode. So: the kit is measured with what it has (365
 * bars, `metric="hours"`), and the peers with the same single series (like for like) and also
 * with both metrics at once (2 series of bars) and with 10 series (lines, derived from the two
 * metrics), which the kit cannot show. All are 640 × 240 px (the kit's chart height; a 640 px wide
 * box, so the kit's ResizeObserver does not re-render), no animation.
 *
 * "Done" = the kit's `<svg>` bar path holds 365 bars (MutationObserver); uPlot's `draw` hook; chart.js's
 * `afterRender` plugin hook. Paint is timed by the harness like the tables (measure.ts).
 */
import uPlot from 'uplot';
import {BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip} from 'chart.js';
import type {UsagePoint} from '../../src/contract/schemas.js';
import {whenDom} from './measure.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface ChartData {
  from: string;
  to: string;
  daily: readonly UsagePoint[];
}

export interface ChartContender {
  name: string;
  kind: 'kit' | 'peer';
  /** Series drawn: 1 (what the kit shows), 2 (both metrics), 10. */
  series: 1 | 2 | 10;
  description: string;
  /** Mounts into `container` (640 px wide); resolves when the chart is drawn. */
  mount(container: HTMLElement, data: ChartData): Promise<{unmount(): void}>;
}

export const WIDTH = 640;
const HEIGHT = 240;
const COLOURS = ['#2563eb', '#f97316', '#16a34a', '#dc2626', '#9333ea', '#0891b2', '#ca8a04', '#db2777', '#4b5563', '#65a30d'];

/** The series of a variant: hours, transcriptions, then 8 more derived from them (deterministic). */
function seriesOf(daily: readonly UsagePoint[], count: number): {label: string; values: number[]}[] {
  const hours = daily.map((p) => Math.round((p.audio_minutes / 60) * 10) / 10);
  const transcriptions = daily.map((p) => p.transcriptions);
  const all = [
    {label: 'Audio hours', values: hours},
    {label: 'Transcriptions', values: transcriptions},
  ];
  for (let k = 2; k < count; k++) {
    const base = k % 2 ? transcriptions : hours;
    all.push({label: `Series ${k + 1}`, values: base.map((v, i) => Math.round(v * (0.5 + ((i * (k + 3)) % 17) / 17) * 10) / 10)});
  }
  return all.slice(0, count);
}

// ---------------------------------------------------------------------------------------------

export const kitChart: ChartContender = {
  name: 'reseller-usage-chart',
  kind: 'kit',
  series: 1,
  description: '<reseller-usage-chart granularity="day" metric="hours"> over 365 days, in the provider (client cache warm): one series, 365 bars as one SVG path, with its toolbar, keyboard cursor and summary',
  async mount(container, data) {
    const chart = document.createElement('reseller-usage-chart');
    chart.setAttribute('from', data.from);
    chart.setAttribute('to', data.to);
    chart.setAttribute('granularity', 'day');
    chart.setAttribute('metric', 'hours');
    container.append(chart);
    const n = data.daily.length;
    // All n bars are segments of one path (`M…z` each; a zero day is a hairline, never left out).
    const bars = () => chart.shadowRoot!.querySelector('svg.chart path.bars')?.getAttribute('d')?.split('M').length ?? 0;
    await whenDom(chart.shadowRoot!, () => bars() - 1 === n, 30_000, 'the kit chart bars');
    return {unmount: () => chart.remove()};
  },
};

function uplotContender(series: 1 | 2 | 10): ChartContender {
  return {
    name: `uPlot, ${series} series`,
    kind: 'peer',
    series,
    description: `uPlot ${series === 10 ? '10 line series' : `${series} bar series`} over the same 365 days (time x axis, default axes, legend and cursor)`,
    mount(container, data) {
      const xs = data.daily.map((p) => Date.parse(`${p.date}T00:00:00Z`) / 1000);
      const list = seriesOf(data.daily, series);
      const bars = series < 10 ? uPlot.paths.bars!({size: [0.72, 100]}) : undefined;
      return new Promise((resolve) => {
        let done = false;
        const opts: uPlot.Options = {
          width: WIDTH,
          height: HEIGHT,
          scales: {x: {time: true}},
          series: [{}, ...list.map((s, i) => ({label: s.label, stroke: COLOURS[i], ...(bars ? {fill: COLOURS[i], paths: bars, points: {show: false}} : {})}))],
          hooks: {
            draw: [
              () => {
                if (done) return;
                done = true;
                // The hook can run inside the constructor: resolve after it returned.
                queueMicrotask(() => resolve({unmount: () => (plot.destroy(), holder.remove())}));
              },
            ],
          },
        };
        const holder = document.createElement('div');
        container.append(holder);
        const plot = new uPlot(opts, [xs, ...list.map((s) => s.values)], holder);
      });
    },
  };
}

function chartJsContender(series: 1 | 2 | 10): ChartContender {
  return {
    name: `chart.js, ${series} series`,
    kind: 'peer',
    series,
    description: `chart.js ${series === 10 ? '10 line series' : `${series} bar series`} over the same 365 days (category x axis, legend, tooltip; animation off, not responsive)`,
    mount(container, data) {
      const list = seriesOf(data.daily, series);
      const canvas = document.createElement('canvas');
      canvas.width = WIDTH;
      canvas.height = HEIGHT;
      container.append(canvas);
      return new Promise((resolve) => {
        let done = false;
        const chart = new Chart(canvas, {
          type: series < 10 ? 'bar' : 'line',
          data: {
            labels: data.daily.map((p) => p.date),
            datasets: list.map((s, i) => ({label: s.label, data: s.values, backgroundColor: COLOURS[i], borderColor: COLOURS[i], pointRadius: 0, borderWidth: series < 10 ? 0 : 1})),
          },
          options: {animation: false, responsive: false, devicePixelRatio: 1},
          plugins: [
            {
              id: 'bench-done',
              afterRender: () => {
                if (done) return;
                done = true;
                queueMicrotask(() => resolve({unmount: () => (chart.destroy(), canvas.remove())}));
              },
            },
          ],
        });
      });
    },
  };
}

/** Every chart contender: the kit first, then the peers by series count. */
export const CHART_CONTENDERS: readonly ChartContender[] = [
  kitChart,
  uplotContender(1),
  chartJsContender(1),
  uplotContender(2),
  chartJsContender(2),
  uplotContender(10),
  chartJsContender(10),
];
