/**
 * Leak instrumentation for the SPA life-cycle tests: import this module FIRST (before the kit), so
 * every listener, timer, observer and fetch the kit makes goes through the counters below.
 *
 * Nothing is stubbed: every wrapper calls the real function with the same arguments and returns its
 * result (the wrapped `fetch` still reaches the sandbox). The wrappers only count:
 *
 * - **listeners** on global targets (window, document, `<html>`, `<body>`, MediaQueryLists):
 *   added minus removed, honouring the `capture` flag, `once` (removed after its first event) and
 *   `signal` (removed on abort), the way the browser keys them;
 * - **timers**: `setTimeout`/`setInterval` handles not yet fired (timeouts) or cleared, each with the
 *   stack that made it, so a pending one can be blamed on the kit (`/src/`) or its Lit packages;
 * - **observers**: Mutation/Resize/IntersectionObservers observing something and not disconnected;
 * - **fetch**: calls started and not settled (in flight), and every URL asked.
 */

import {waitFor} from '../helpers/wait.js';

type Key = string;
interface ListenerEntry {
  target: string;
  type: string;
  stack: string;
}
interface TimerEntry {
  kind: 'timeout' | 'interval';
  stack: string;
  at: number;
}

const realAdd = EventTarget.prototype.addEventListener;
const realRemove = EventTarget.prototype.removeEventListener;
const realSetTimeout = window.setTimeout.bind(window);
const realClearTimeout = window.clearTimeout.bind(window);
const realSetInterval = window.setInterval.bind(window);
const realClearInterval = window.clearInterval.bind(window);
const realFetch = window.fetch.bind(window);
const realMatchMedia = window.matchMedia.bind(window);

const mediaLists = new WeakSet<EventTarget>();
const listenerIds = new WeakMap<object, number>();
let nextListenerId = 1;
const listeners = new Map<Key, ListenerEntry>();
const timers = new Map<number, TimerEntry>();
const observers = new Map<object, {kind: string; stack: string}>();
let inFlight = 0;
const fetched: string[] = [];
/** How started fetches ended. */
export const outcomes = {ok: 0, aborted: 0, failed: 0};

function globalName(target: EventTarget): string | null {
  if (target === window) return 'window';
  if (target === document) return 'document';
  if (target === document.documentElement) return 'html';
  if (target === document.body) return 'body';
  if (mediaLists.has(target)) return 'MediaQueryList';
  return null;
}

function listenerId(listener: EventListenerOrEventListenerObject): number {
  let id = listenerIds.get(listener);
  if (!id) listenerIds.set(listener, (id = nextListenerId++));
  return id;
}

function capture(options: boolean | AddEventListenerOptions | EventListenerOptions | undefined): boolean {
  return typeof options === 'boolean' ? options : !!options?.capture;
}

function stack(): string {
  return (new Error().stack ?? '').split('\n').slice(2, 12).join('\n');
}

EventTarget.prototype.addEventListener = function (
  this: EventTarget,
  type: string,
  listener: EventListenerOrEventListenerObject | null,
  options?: boolean | AddEventListenerOptions,
): void {
  realAdd.call(this, type, listener, options);
  const name = globalName(this);
  if (!name || !listener) return;
  const opts = typeof options === 'object' ? options : {};
  if (opts.signal?.aborted) return;
  const key = `${name}|${type}|${capture(options)}|${listenerId(listener)}`;
  if (listeners.has(key)) return; // the browser ignores a duplicate registration too
  listeners.set(key, {target: name, type, stack: stack()});
  if (opts.once) realAdd.call(this, type, () => listeners.delete(key), {once: true, capture: capture(options)});
  if (opts.signal) realAdd.call(opts.signal, 'abort', () => listeners.delete(key), {once: true});
};

EventTarget.prototype.removeEventListener = function (
  this: EventTarget,
  type: string,
  listener: EventListenerOrEventListenerObject | null,
  options?: boolean | EventListenerOptions,
): void {
  realRemove.call(this, type, listener, options);
  const name = globalName(this);
  if (name && listener) listeners.delete(`${name}|${type}|${capture(options)}|${listenerId(listener)}`);
};

window.matchMedia = (query: string) => {
  const list = realMatchMedia(query);
  mediaLists.add(list);
  return list;
};

type TimerHandler = (...args: unknown[]) => void;
(window as {setTimeout: unknown}).setTimeout = (handler: TimerHandler | string, ms?: number, ...args: unknown[]): number => {
  const entry: TimerEntry = {kind: 'timeout', stack: stack(), at: performance.now()};
  const id: number = realSetTimeout(
    (...a: unknown[]) => {
      timers.delete(id);
      if (typeof handler === 'function') handler(...a);
    },
    ms,
    ...args,
  );
  timers.set(id, entry);
  return id;
};
(window as {clearTimeout: unknown}).clearTimeout = (id?: number): void => {
  if (id !== undefined) timers.delete(id);
  realClearTimeout(id);
};
(window as {setInterval: unknown}).setInterval = (handler: TimerHandler | string, ms?: number, ...args: unknown[]): number => {
  const id: number = realSetInterval(handler as TimerHandler, ms, ...args);
  timers.set(id, {kind: 'interval', stack: stack(), at: performance.now()});
  return id;
};
(window as {clearInterval: unknown}).clearInterval = (id?: number): void => {
  if (id !== undefined) timers.delete(id);
  realClearInterval(id);
};

for (const name of ['MutationObserver', 'ResizeObserver', 'IntersectionObserver'] as const) {
  const proto = (window[name] as {prototype: {observe: (...a: unknown[]) => void; disconnect: () => void}} | undefined)?.prototype;
  if (!proto) continue;
  const observe = proto.observe;
  const disconnect = proto.disconnect;
  proto.observe = function (this: object, ...a: unknown[]) {
    observe.apply(this, a);
    if (!observers.has(this)) observers.set(this, {kind: name, stack: stack()});
  };
  proto.disconnect = function (this: object) {
    disconnect.call(this);
    observers.delete(this);
  };
}

window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  fetched.push(`${init?.method ?? (input instanceof Request ? input.method : 'GET')} ${url}`);
  inFlight++;
  const promise = realFetch(input, init);
  promise.then(
    () => {
      inFlight--;
      outcomes.ok++;
    },
    (error: unknown) => {
      inFlight--;
      if ((error as {name?: string} | null)?.name === 'AbortError' || init?.signal?.aborted) outcomes.aborted++;
      else outcomes.failed++;
    },
  );
  return promise;
};

/** Where a stack comes from: the kit's source, its Lit packages, or anything else (test code, runner). */
export function blame(stackText: string): 'kit' | 'lit' | 'other' {
  const frames = stackText.split('\n').filter((line) => !line.includes('/test/embedding/instrument'));
  const first = frames.find((line) => /\/src\/|\/node_modules\/(lit|lit-html|lit-element|@lit)\//.test(line) || /\/test\//.test(line));
  if (!first) return 'other';
  if (first.includes('/src/')) return 'kit';
  if (/\/node_modules\//.test(first)) return 'lit';
  return 'other';
}

/** A snapshot of everything counted. */
export interface Snapshot {
  /** Listeners on global targets, `target type` each. */
  listeners: string[];
  /** Pending timers (not fired, not cleared), with who made them. */
  timers: {id: number; kind: string; blame: string; stack: string}[];
  /** Active observers with who made them. */
  observers: {kind: string; blame: string; stack: string}[];
  inFlight: number;
  fetches: number;
}

export function snapshot(): Snapshot {
  return {
    listeners: [...listeners.values()].map((l) => `${l.target} ${l.type}`).sort(),
    timers: [...timers].map(([id, t]) => ({id, kind: t.kind, blame: blame(t.stack), stack: t.stack})),
    observers: [...observers.values()].map((o) => ({kind: o.kind, blame: blame(o.stack), stack: o.stack})),
    inFlight,
    fetches: fetched.length,
  };
}

/** The listener entries (with stacks) not in `before`: for a failure message. */
export function listenerStacks(): string[] {
  return [...listeners.values()].map((l) => `${l.target} ${l.type}\n${l.stack}`);
}

/** Every URL fetched since `from` (an index from `snapshot().fetches`). */
export function fetchedSince(from: number): string[] {
  return fetched.slice(from);
}

/** Requests in flight now. */
export const inFlightNow = () => inFlight;

/** The real timer functions, for the tests' own polling (so it never counts as the kit's). */
export const real = {setTimeout: realSetTimeout, clearTimeout: realClearTimeout};

/** `waitFor` (test/helpers/wait.ts) polling with the real timers, so the tests' own polling is not counted as the kit's. */
export function until(predicate: () => boolean, what: string, timeout = 10_000): Promise<true> {
  return waitFor(predicate, what, {timeout, setTimeout: realSetTimeout});
}

/** Errors the page saw: uncaught errors, unhandled rejections, console.error calls. */
export const errors: string[] = [];
realAdd.call(window, 'error', (e: Event) => errors.push(`error: ${(e as ErrorEvent).message}`));
realAdd.call(window, 'unhandledrejection', (e: Event) => errors.push(`unhandledrejection: ${String((e as PromiseRejectionEvent).reason)}`));
const realConsoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  errors.push(`console.error: ${args.map(String).join(' ')}`);
  realConsoleError(...args);
};
