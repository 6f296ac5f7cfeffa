/**
 * Shared machinery of the reliability matrix (test/reliability/*.test.ts): recording cells to
 * reports/reliability/<suite>.json through the `reliability-record` server command, a page guard
 * (uncaught errors, unhandled rejections, console errors, CSP / Trusted Types violations), and
 * reading what an element announces (live regions in its shadow tree and the toast stack).
 *
 * A cell is recorded with the outcome of the very assertions that fail its test: `cell()` runs
 * them, records passed/failed, then rethrows a failure. `note()` adds to the cell's detail.
 */
import {executeServerCommand} from '@web/test-runner-commands';

export type Area = 'Faults' | 'Hostile content';

export interface Cell {
  row: string;
  column: string;
  passed: boolean;
  detail: string;
}

/** Records cells of `suite` (the run's file for the suite starts afresh on the first call). */
export async function record(suite: string, area: Area, cells: Cell[]): Promise<void> {
  await executeServerCommand('reliability-record', {suite, area, cells});
}

/**
 * Runs one cell's assertions, records the outcome, and rethrows a failure (so the test fails
 * exactly when the recorded cell does). `detail` describes what was checked; on failure the error
 * message is appended.
 */
export async function cell(suite: string, area: Area, row: string, column: string, detail: string, body: (note: (text: string) => void) => Promise<void>): Promise<void> {
  const notes: string[] = [];
  try {
    await body((text) => notes.push(text));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await record(suite, area, [{row, column, passed: false, detail: `${[detail, ...notes].join('; ')} FAILED: ${message}`.slice(0, 2000)}]);
    throw error;
  }
  await record(suite, area, [{row, column, passed: true, detail: [detail, ...notes].join('; ')}]);
}

// ---- the page guard -------------------------------------------------------------------------------

/** What went wrong on the page while a guard watched. */
export interface Problems {
  uncaught: string[];
  rejections: string[];
  consoleErrors: string[];
  violations: string[];
}

/**
 * Watches the page: `error` and `unhandledrejection` events, `console.error` calls, and
 * `securitypolicyviolation` events (CSP and Trusted Types). `stop()` returns what it saw.
 */
export function guardPage(): {stop: () => Problems} {
  const problems: Problems = {uncaught: [], rejections: [], consoleErrors: [], violations: []};
  const onError = (e: ErrorEvent) => problems.uncaught.push(String(e.message || e.error));
  const onRejection = (e: PromiseRejectionEvent) => problems.rejections.push(String((e.reason as Error)?.message ?? e.reason));
  const onViolation = (e: SecurityPolicyViolationEvent) => problems.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`.trim());
  const original = console.error;
  console.error = (...args: unknown[]) => {
    problems.consoleErrors.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
    original.apply(console, args);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  document.addEventListener('securitypolicyviolation', onViolation);
  return {
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      document.removeEventListener('securitypolicyviolation', onViolation);
      console.error = original;
      return problems;
    },
  };
}

/** A one-line summary of problems, '' when none. */
export function describeProblems(p: Problems): string {
  const parts: string[] = [];
  if (p.uncaught.length) parts.push(`uncaught: ${p.uncaught.join(' | ')}`);
  if (p.rejections.length) parts.push(`unhandled rejections: ${p.rejections.join(' | ')}`);
  if (p.consoleErrors.length) parts.push(`console.error: ${p.consoleErrors.join(' | ')}`);
  if (p.violations.length) parts.push(`CSP/TT violations: ${p.violations.join(' | ')}`);
  return parts.join('; ');
}

// ---- reading the DOM across shadow roots -----------------------------------------------------------

/** Every element under `root`, descending into open shadow roots. */
export function deepElements(root: Element | ShadowRoot | Document): Element[] {
  const out: Element[] = [];
  const walk = (node: Element | ShadowRoot | Document) => {
    for (const child of node.querySelectorAll('*')) {
      out.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
    }
  };
  if (root instanceof Element) {
    out.push(root);
    if (root.shadowRoot) walk(root.shadowRoot);
  }
  walk(root instanceof Element ? root : root);
  return out;
}

const LIVE = (el: Element) => {
  const role = el.getAttribute('role');
  const live = el.getAttribute('aria-live');
  return role === 'alert' || role === 'status' || (live !== null && live !== 'off');
};

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Texts of the live regions (role alert/status, aria-live) inside `el` and in the toast stacks. */
export function liveTexts(el: Element): string[] {
  const texts: string[] = [];
  for (const node of deepElements(el)) if (LIVE(node)) texts.push(clean(node.textContent));
  for (const region of document.querySelectorAll('reseller-toast-region')) {
    for (const node of deepElements(region)) if (LIVE(node)) texts.push(clean(node.textContent));
  }
  // Toast stacks the kit put inside an open dialog of the element.
  return texts.filter((t) => t !== '');
}

/** The toast messages shown now, all stacks. */
export function toastTexts(): string[] {
  const out: string[] = [];
  for (const region of deepElements(document)) {
    if (region.localName === 'reseller-toast-region') out.push(...(region as HTMLElement & {toasts?: {message: string}[]}).toasts?.map((t) => t.message) ?? []);
  }
  return out;
}

/** Words that never belong in a message meant for an operator. */
const UNCLEAR = [/\bundefined\b/, /\[object /, /\bNaN\b/, /TypeError|SyntaxError|ReferenceError/, /\n\s+at /, /Bearer/];

/** Whether `text` reads as a message for a person: long enough, no leaked internals. */
export function unclearReason(text: string): string | null {
  if (text.length < 8) return `too short: "${text}"`;
  for (const re of UNCLEAR) if (re.test(text)) return `contains ${re}: "${text.slice(0, 200)}"`;
  return null;
}
