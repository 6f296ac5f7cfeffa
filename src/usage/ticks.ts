/** Axis helpers: "nice" value ticks and thinned category labels. Pure. */

export interface ValueTicks {
  /** Tick values from 0 to `max`, evenly spaced by `step`. */
  ticks: number[];
  step: number;
  /** The axis maximum (the last tick, ≥ the data maximum). */
  max: number;
}

/** The smallest of 1, 2, 2.5, 5, 10 × 10ⁿ that is ≥ `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const nice = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 2.5 ? 2.5 : residual <= 5 ? 5 : 10;
  return nice * magnitude;
}

/**
 * About `target` nice ticks from 0 covering `dataMax`. `integer` keeps steps whole (counts).
 * An empty series (max 0) gets the axis 0…1 (or 0…target for integers) so the zero line sits at the bottom.
 */
export function niceTicks(dataMax: number, {target = 5, integer = false}: {target?: number; integer?: boolean} = {}): ValueTicks {
  const span = dataMax > 0 ? dataMax : integer ? target : 1;
  let step = niceStep(span / target);
  if (integer) step = Math.max(1, Math.ceil(step));
  const count = Math.max(1, Math.ceil(span / step - 1e-9));
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const ticks = Array.from({length: count + 1}, (_, i) => Number((i * step).toFixed(decimals)));
  return {ticks, step, max: ticks[ticks.length - 1]!};
}

/**
 * Every how many categories a label fits: labels need `minSpacing` px and the categories are
 * `band` px wide. Day axes step by whole weeks once a step passes 3 (labels then share a weekday).
 */
export function labelEvery(band: number, minSpacing = 64, granularity: 'day' | 'week' | 'month' = 'day'): number {
  let every = Math.max(1, Math.ceil(minSpacing / Math.max(band, 0.0001)));
  if (granularity === 'day' && every > 3) every = Math.ceil(every / 7) * 7;
  if (granularity === 'month' && every > 1 && every < 12) every = [2, 3, 4, 6, 12].find((n) => n >= every)!;
  return every;
}
