/**
 * Waiting in browser tests: `waitFor` polls an observable condition and fails loudly; `settle` is
 * the one named, documented pause for negative checks ("nothing happens").
 *
 * A test waits for what a user or host would notice (a DOM change, an event, `updateComplete`, a
 * request in the sandbox's request log), never for a fixed time: see CONTRIBUTING.md, "Tests".
 */

export interface WaitOptions {
  /** Give up after this many milliseconds (default 10 000). */
  timeout?: number;
  /** Poll every this many milliseconds (default 20). */
  interval?: number;
  /** What to report as "last observed" on a timeout (default: the condition's last value or error). */
  observe?: () => unknown;
  /** The timer to poll with (the embedding tests pass the real one, so their own polling is not counted). */
  setTimeout?: (handler: () => void, ms: number) => unknown;
}

type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>;

/**
 * Polls `condition` until it returns a truthy value, and resolves with that value. On a timeout it
 * throws an error naming `what` it waited for and the last value it observed (or the error the
 * condition last threw, or what `observe()` returns then), so a failure says what was on screen.
 *
 * ```ts
 * await waitFor(() => rowIds(el).length === 3, 'three rows', {observe: () => rowIds(el)});
 * const log = await waitFor(async () => (await requests(token)).find((r) => r.method === 'POST'), 'the POST reaches the sandbox');
 * ```
 */
export async function waitFor<T>(condition: () => T | Promise<T>, what: string, options: WaitOptions = {}): Promise<Truthy<T>> {
  const {timeout = 10_000, interval = 20, observe} = options;
  const wait = options.setTimeout ?? ((handler: () => void, ms: number) => setTimeout(handler, ms));
  const start = performance.now();
  let last: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as Truthy<T>;
      last = value;
    } catch (error) {
      last = error;
    }
    const elapsed = performance.now() - start;
    if (elapsed >= timeout) {
      const seen = observe ? await safely(observe) : last;
      throw new Error(`timed out after ${Math.round(elapsed)} ms waiting for ${what}; last observed: ${describe(seen)}`);
    }
    await new Promise<void>((resolve) => wait(resolve, Math.min(interval, Math.max(0, timeout - elapsed))));
  }
}

/**
 * A short pause for a negative check: gives something that must NOT happen (a request, an event, a
 * dialog) the time to happen before the test asserts it did not. `why` says what is given time; it
 * is not used at run time, it documents the one place a test still waits for a fixed time.
 * Never use it to wait for something that should happen: that is `waitFor`.
 */
export async function settle(ms: number, why: string): Promise<void> {
  if (!why) throw new Error('settle(ms, why): say what the pause gives time to');
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** What `fn` returns (awaited, so an async `observe` reports its value), or the error it threw. */
async function safely(fn: () => unknown): Promise<unknown> {
  try {
    return await fn();
  } catch (error) {
    return error;
  }
}

/** A short, readable description of an observed value. */
export function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof Element !== 'undefined' && value instanceof Element) return `<${value.localName}${[...value.attributes].map((a) => ` ${a.name}="${a.value}"`).join('')}>`;
  if (value === undefined) return 'undefined';
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
