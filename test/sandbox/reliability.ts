/**
 * Cells of the reliability matrix (issue 9) from Node tests: each suite records one cell per check
 * and writes `reports/reliability/<suite>.json` after its tests (also when a test failed), for
 * scripts/reliability-report.mjs to merge into docs/reliability.md.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {after, test} from 'node:test';
import {fileURLToPath} from 'node:url';

export type Area = 'Faults' | 'Hostile content' | 'CSP' | 'Tenant isolation' | 'Uploads' | 'Fuzzing' | 'Life cycle and races' | 'Accessibility' | 'Sandbox abuse';

export interface Cell {
  row: string;
  column: string;
  passed: boolean;
  detail?: string;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export class Matrix {
  readonly cells: Cell[] = [];

  constructor(readonly suite: string, readonly area: Area) {
    after(() => this.write());
  }

  /** Records one cell; `problem` is null when it passed, else what went wrong. */
  cell(row: string, column: string, problem: string | null, detail?: string): void {
    const existing = this.cells.find((c) => c.row === row && c.column === column);
    if (existing) {
      // The same cell checked twice (several ids on one route): it passes only if every check did.
      if (problem !== null && existing.passed) Object.assign(existing, {passed: false, detail: problem});
      return;
    }
    this.cells.push({row, column, passed: problem === null, ...(problem !== null ? {detail: problem} : detail ? {detail} : {})});
  }

  /** The failed cells (from index `from` on: one test's own), as `row × column: detail`, for an assertion that lists them all. */
  failures(from = 0): string[] {
    return this.cells.slice(from).filter((c) => !c.passed).map((c) => `${c.row} × ${c.column}: ${c.detail ?? ''}`);
  }

  write(): void {
    const file = join(root, 'reports', 'reliability', `${this.suite}.json`);
    mkdirSync(dirname(file), {recursive: true});
    writeFileSync(file, JSON.stringify({suite: this.suite, area: this.area, generated_at: new Date().toISOString(), cells: this.cells}, null, 1));
  }
}

const abuseMatrices = new Map<string, Matrix>();

/**
 * A "Sandbox abuse" regression test (issue 16) that is also a cell of the reliability matrix: the
 * row is the attack, the column its kind (Control API, Faults, Network, Sessions, Validation,
 * Idempotency); the cell fails with the test's first error. One report per column
 * (`sandbox-abuse-<column>`; each abuse test file has its own column).
 */
export function abuseTest(column: string, row: string, fn: () => Promise<void> | void): void {
  let matrix = abuseMatrices.get(column);
  if (!matrix) abuseMatrices.set(column, (matrix = new Matrix(`sandbox-abuse-${column.toLowerCase().replace(/\W+/g, '-')}`, 'Sandbox abuse')));
  const m = matrix;
  void test(row, async () => {
    try {
      await fn();
      m.cell(row, column, null);
    } catch (err) {
      m.cell(row, column, (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 200));
      throw err;
    }
  });
}
