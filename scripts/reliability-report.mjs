/**
 * Merges every `reports/reliability/*.json` (written by the reliability suites during the test run)
 * into `docs/reliability.md`: per area the cells passed out of the total, a row × column grid
 * (✓ passed, ✗ failed, blank: not a cell of the matrix) and every failure with its detail.
 *
 *   node scripts/reliability-report.mjs          merge and write; exit 1 on a failed cell
 *
 * Environment (set by scripts/test.mjs, the last step of `npm test`):
 *   RELIABILITY_FULL=1        a full run: every area in AREAS must have a report written during this
 *                             run (RELIABILITY_SINCE), else the step fails and names the missing areas
 *   RELIABILITY_SINCE=<ISO>   when the run started; older reports are "stale"
 * Without RELIABILITY_FULL (a partial run, `--only`/`--skip`, or by hand) missing areas are listed as
 * warnings, and an area without a report from this run falls back to older ones (marked stale).
 *
 * Report format: `{suite, area, generated_at, cells: [{row, column, passed, detail?}]}`.
 * This script never prints an "N passed, N failed" line: the suites count as tests already.
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'reports', 'reliability');
const out = join(root, 'docs', 'reliability.md');

export const AREAS = ['Faults', 'Hostile content', 'CSP', 'Tenant isolation', 'Uploads', 'Fuzzing', 'Life cycle and races', 'Accessibility', 'Sandbox abuse'];

const full = process.env.RELIABILITY_FULL === '1';
const since = process.env.RELIABILITY_SINCE ? Date.parse(process.env.RELIABILITY_SINCE) : null;

/** @typedef {{row: string, column: string, passed: boolean, detail?: string}} Cell */
/** @typedef {{suite: string, area: string, generated_at: string, cells: Cell[], file: string, stale: boolean}} Report */

const problems = [];
/** @type {Report[]} */
const reports = [];
for (const name of existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : []) {
  let data;
  try {
    data = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  } catch (error) {
    problems.push(`${name}: not valid JSON (${error.message})`);
    continue;
  }
  const valid = data && typeof data.suite === 'string' && AREAS.includes(data.area) && typeof data.generated_at === 'string' &&
    Array.isArray(data.cells) && data.cells.every((c) => c && typeof c.row === 'string' && typeof c.column === 'string' && typeof c.passed === 'boolean');
  if (!valid) {
    problems.push(`${name}: not a reliability report (suite, area one of ${AREAS.join(' | ')}, generated_at, cells[{row, column, passed}])`);
    continue;
  }
  if (!data.cells.length) problems.push(`${name}: no cells`);
  const stale = since !== null && !(Date.parse(data.generated_at) >= since);
  reports.push({...data, file: name, stale});
}

const fresh = reports.filter((r) => !r.stale);
// A partial run falls back to older reports only for areas it did not measure itself.
const usable = full ? fresh : reports.filter((r) => !r.stale || !fresh.some((f) => f.area === r.area));
const missing = AREAS.filter((area) => !usable.some((r) => r.area === area));
const staleAreas = AREAS.filter((area) => reports.some((r) => r.area === area && r.stale) && !fresh.some((r) => r.area === area));

const esc = (s) => String(s).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const ordered = (values) => [...new Set(values)];

const lines = [];
const summary = [];
let totalCells = 0;
let totalFailed = 0;
for (const area of AREAS) {
  const rs = usable.filter((r) => r.area === area);
  if (!rs.length) {
    summary.push(`| ${area} | — | — | no report${staleAreas.includes(area) ? ' from this run (only a stale one)' : ''} |`);
    continue;
  }
  const cells = rs.flatMap((r) => r.cells.map((c) => ({...c, suite: r.suite})));
  const failed = cells.filter((c) => !c.passed);
  totalCells += cells.length;
  totalFailed += failed.length;
  const suites = rs.map((r) => `${r.suite}${r.stale ? ` (stale: ${r.generated_at})` : ''}`).join(', ');
  summary.push(`| ${area} | ${cells.length - failed.length} / ${cells.length} | ${failed.length ? `**${failed.length} failed**` : 'all passed'} | ${esc(suites)} |`);

  lines.push(`## ${area}`, '');
  lines.push(`${cells.length - failed.length} of ${cells.length} cells passed.`, '');
  for (const r of rs) {
    const rows = ordered(r.cells.map((c) => c.row));
    const columns = ordered(r.cells.map((c) => c.column));
    const at = new Map(r.cells.map((c) => [`${c.row}\u0000${c.column}`, c]));
    const passed = r.cells.filter((c) => c.passed).length;
    lines.push(`### ${esc(r.suite)}`, '');
    lines.push(`${passed} / ${r.cells.length} passed · generated ${r.generated_at}${r.stale ? ' (**stale**: not from this run)' : ''}`, '');
    lines.push(`| | ${columns.map(esc).join(' | ')} |`, `|---|${columns.map(() => ':-:').join('|')}|`);
    for (const row of rows) {
      const marks = columns.map((col) => {
        const c = at.get(`${row}\u0000${col}`);
        return c ? (c.passed ? '✓' : '✗') : '';
      });
      lines.push(`| ${esc(row)} | ${marks.join(' | ')} |`);
    }
    lines.push('');
  }
  if (failed.length) {
    lines.push('**Failures**', '');
    for (const c of failed) lines.push(`- ${esc(c.suite)} · ${esc(c.row)} × ${esc(c.column)}: ${esc(c.detail ?? 'failed')}`);
    lines.push('');
  }
}

const doc = [
  '# Reliability and security matrix',
  '',
  '<!-- Generated by scripts/reliability-report.mjs from reports/reliability/*.json (the last step of `npm test`). Do not edit by hand. -->',
  '',
  `Generated ${new Date().toISOString()} from ${usable.length} suite report${usable.length === 1 ? '' : 's'}` +
    `${full ? ' of a full `npm test` run' : ' (partial run: reports from earlier runs are included and marked stale)'}.`,
  'Each cell is one check of one row (an element, route, schema, payload, …) against one column (a fault, a token, a corruption, …):',
  '✓ passed, ✗ failed, blank: not part of the matrix.',
  '',
  '| Area | Passed / cells | Result | Suites |',
  '|---|--:|---|---|',
  ...summary,
  `| **Total** | **${totalCells - totalFailed} / ${totalCells}** | ${totalFailed ? `**${totalFailed} failed**` : missing.length ? `${missing.length} area(s) missing` : 'all passed'} | |`,
  '',
  ...(problems.length ? ['**Unreadable reports**', '', ...problems.map((p) => `- ${esc(p)}`), ''] : []),
  ...lines,
];
mkdirSync(dirname(out), {recursive: true});
writeFileSync(out, doc.join('\n').replace(/\n{3,}/g, '\n\n'));

console.log(`reliability report: ${usable.length} suite reports, cells ${totalCells - totalFailed} ok / ${totalFailed} not ok → docs/reliability.md`);
for (const area of AREAS) {
  const rs = usable.filter((r) => r.area === area);
  const cells = rs.flatMap((r) => r.cells);
  const bad = cells.filter((c) => !c.passed).length;
  console.log(`  ${area.padEnd(22)} ${rs.length ? `${cells.length - bad}/${cells.length}${bad ? `  ${bad} FAILED` : ''}` : 'MISSING'}`);
}
for (const r of usable.filter((x) => x.stale)) console.log(`  stale: ${r.file} (${r.generated_at})`);
for (const p of problems) console.error(`  ${p}`);
let code = 0;
if (totalFailed) {
  console.error(`${totalFailed} reliability cell(s) failed; see docs/reliability.md`);
  for (const r of usable) for (const c of r.cells.filter((x) => !x.passed)) console.error(`  ✗ ${r.suite}: ${c.row} × ${c.column}: ${c.detail ?? ''}`);
  code = 1;
}
if (missing.length) {
  const msg = `areas without a report${full ? ' from this run' : ''}: ${missing.join(', ')}`;
  if (full) {
    console.error(msg);
    code = 1;
  } else {
    console.log(`warning (partial run): ${msg}`);
  }
}
if (problems.length) code = 1;
process.exitCode = code;
