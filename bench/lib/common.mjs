/** Shared helpers of the bench: paths, statistics, formatting, the sandbox control API. */
import {loadavg} from 'node:os';
import {fileURLToPath} from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

// ---------------------------------------------------------------------------------------------
// Statistics

const sorted = (values) => [...values].sort((a, b) => a - b);

/** Median (mean of the two middle values for an even count). */
export function median(values) {
  const s = sorted(values);
  const n = s.length;
  if (!n) return NaN;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** Percentile by linear interpolation between closest ranks (p in 0..100). */
export function percentile(values, p) {
  const s = sorted(values);
  if (!s.length) return NaN;
  const rank = (p / 100) * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return s[lo] + (s[hi] - s[lo]) * (rank - lo);
}

/** P(X <= k) for X ~ Binomial(n, 1/2). */
function binomialCdfHalf(n, k) {
  let term = Math.pow(0.5, n); // P(X = 0)
  let sum = 0;
  for (let i = 0; i <= k; i++) {
    sum += term;
    term *= (n - i) / (i + 1);
  }
  return sum;
}

/**
 * Distribution-free 95 % confidence interval of the median from order statistics: the sample
 * values at ranks j and n + 1 - j, j the largest rank with P(Binomial(n, 1/2) <= j - 1) <= 2.5 %
 * (coverage >= 95 %). Needs n >= 6; fewer samples give the full range and `exact: false`.
 */
export function medianInterval(values, level = 0.95) {
  const s = sorted(values);
  const n = s.length;
  const alpha = (1 - level) / 2;
  let j = 0;
  while (j + 1 <= n && binomialCdfHalf(n, j) <= alpha) j++;
  // j = number of ranks cut off at each end
  if (j < 1) return {low: s[0], high: s[n - 1], exact: false};
  return {low: s[j - 1], high: s[n - j], exact: true};
}

/** A small deterministic PRNG (mulberry32) for the bootstrap, so reruns on the same data agree. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Ratio of medians (a / b) with a 95 % percentile-bootstrap interval (each sample resampled on its
 * own, 2000 resamples, fixed seed).
 */
export function ratioOfMedians(a, b, resamples = 2000) {
  const random = rng(0x5eed);
  const pick = (values) => Array.from(values, () => values[Math.floor(random() * values.length)]);
  const ratios = [];
  for (let i = 0; i < resamples; i++) ratios.push(median(pick(a)) / median(pick(b)));
  return {ratio: median(a) / median(b), low: percentile(ratios, 2.5), high: percentile(ratios, 97.5)};
}

/** Median, its 95 % interval, min, max and n of a list of samples. */
export function summarize(values) {
  const ci = medianInterval(values);
  return {
    n: values.length,
    median: round(median(values)),
    ci95: [round(ci.low), round(ci.high)],
    ci95Exact: ci.exact,
    min: round(Math.min(...values)),
    max: round(Math.max(...values)),
  };
}

export const round = (x, digits = 2) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null);

// ---------------------------------------------------------------------------------------------
// Formatting

export const ms = (x) => (x == null ? '-' : `${x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)} ms`);
export const kB = (bytes) => (bytes == null ? '-' : `${(bytes / 1000).toFixed(1)} kB`);
export const MB = (bytes) => (bytes == null ? '-' : `${(bytes / 1e6).toFixed(2)} MB`);
export const signedKB = (bytes) => (bytes == null ? '-' : `${bytes >= 0 ? '+' : '−'}${(Math.abs(bytes) / 1000).toFixed(1)} kB`);
export const msCi = (s) => `${ms(s.median)} [${ms(s.ci95[0]).replace(' ms', '')}–${ms(s.ci95[1])}]`;

/** A plain text table: `rows` of arrays of cells; numbers right-aligned, text left-aligned. */
export function table(header, rows) {
  const all = [header, ...rows].map((r) => r.map((c) => (c == null ? '' : String(c))));
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const right = header.map((_, i) => rows.length > 0 && rows.every((r) => r[i] == null || /^[-+−~]?[\d.,]+( ?(ms|kB|MB|%|×|x|req|\/s))?( \[.*\])?$|^-$|^[\d.]+×/.test(String(r[i]))));
  const line = (r) => r.map((c, i) => (right[i] ? (c ?? '').padStart(widths[i]) : (c ?? '').padEnd(widths[i]))).join('  ').trimEnd();
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

export const load = () => loadavg().map((x) => Math.round(x * 100) / 100);

// ---------------------------------------------------------------------------------------------
// The sandbox control API, over HTTP on the bench origin

export async function createTenant(origin, customers, name = 'Bench Reseller') {
  const response = await fetch(`${origin}/__sandbox/tenants`, {
    method: 'POST',
    headers: {'content-type': 'application/json'},
    body: JSON.stringify({customers, name, seed: 4242}),
  });
  if (response.status !== 201) throw new Error(`POST /__sandbox/tenants: ${response.status} ${await response.text()}`);
  const body = await response.json();
  return {id: body.tenant_id, token: body.tokens.reseller};
}

/** The tenant's request log: `[{method, path, query, status, …}]`. */
export async function requests(origin, token) {
  const response = await fetch(`${origin}/__sandbox/requests`, {headers: {authorization: `Bearer ${token}`}});
  if (!response.ok) throw new Error(`GET /__sandbox/requests: ${response.status}`);
  return (await response.json()).data;
}

export async function clearRequests(origin, token) {
  const response = await fetch(`${origin}/__sandbox/requests`, {method: 'DELETE', headers: {authorization: `Bearer ${token}`}});
  if (!response.ok) throw new Error(`DELETE /__sandbox/requests: ${response.status}`);
}

/** `{"GET /customers": 1, …}` from a request log. */
export function countByPath(log) {
  const counts = {};
  for (const r of log) {
    const key = `${r.method} ${r.path.replace(/\/\d+(?=\/|$)/g, '/{id}')}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
