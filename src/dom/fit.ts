/**
 * `fit()`: a wide table that fits its container whatever the language, the host's font and the
 * data. The elements' container queries choose which columns give way, and where rows become
 * cards, from the container's width alone: breakpoints measured in English. In German, French or
 * Spanish, with a wider font or longer data, the same columns need more room, and a table between
 * two breakpoints ran past its container (up to 300 px in Firefox) — its last columns (status, row
 * actions) out of sight. This directive, on the table's scroll container, takes the next step of
 * the element's own give-way order (the `levels`, in order) for as long as the table is wider than
 * its container, and starts again from none when the container or the table changes size:
 *
 * ```ts
 * html`<div class="table-scroll" ${fit(['no-phone', 'stacked'])}><table>…</table></div>`
 * css`@container list (width < 840px) { ${noPhone} } .table-scroll[data-fit~='no-phone'] { ${noPhone} }`
 * ```
 *
 * The steps are tokens of the container's `data-fit` attribute, which the element's styles
 * answer to (the same rules as its container queries, so a step the query already took changes
 * nothing). One ResizeObserver serves every table of the page. When the table fits (the common
 * case), a check costs two reads of a layout the frame needs anyway; a step costs a layout.
 */
import {noChange, type ReactiveControllerHost} from 'lit';
import {Directive, directive, PartType, type ElementPart, type PartInfo} from 'lit/directive.js';

interface Watched {
  levels: readonly string[];
  /** The observed table (the container's first element child). */
  content: Element | null;
}

const watched = new Map<HTMLElement, Watched>();
/** Observed table → its container. */
const containerOf = new WeakMap<Element, HTMLElement>();
let observer: ResizeObserver | null = null;

const overflows = (el: HTMLElement) => el.scrollWidth > el.clientWidth + 1;

/** Takes the steps the container needs now, from none. */
function fitNow(container: HTMLElement): void {
  const state = watched.get(container);
  if (!state) return;
  const content = container.firstElementChild;
  if (content !== state.content) {
    if (state.content) observer?.unobserve(state.content);
    if (content) {
      observer?.observe(content);
      containerOf.set(content, container);
    }
    state.content = content;
  }
  if (!container.clientWidth) return; // not displayed: nothing to measure
  const taken = container.dataset.fit;
  if (!taken && !overflows(container)) return;
  const steps: string[] = [];
  container.dataset.fit = '';
  for (const level of state.levels) {
    if (!overflows(container)) break;
    steps.push(level);
    container.dataset.fit = steps.join(' ');
  }
  if (!steps.length) delete container.dataset.fit;
}

/**
 * Containers to fit: after the element's render (a microtask: the layout it forces is the one the
 * frame would do anyway), or in the next frame after a size change. Never inside the
 * ResizeObserver's callback: a step changes the observed sizes there, and the browser reports
 * "ResizeObserver loop completed with undelivered notifications" as a page error.
 */
const pending = new Set<HTMLElement>();
let scheduled: 'microtask' | 'frame' | null = null;

function schedule(container: HTMLElement, when: 'microtask' | 'frame'): void {
  pending.add(container);
  if (scheduled === 'microtask' || scheduled === when) return;
  scheduled = when;
  const run = () => {
    if (scheduled !== when) return; // taken over by a microtask
    scheduled = null;
    const containers = [...pending];
    pending.clear();
    for (const c of containers) fitNow(c);
  };
  if (when === 'microtask') queueMicrotask(run);
  else requestAnimationFrame(run);
}

function onResize(entries: ResizeObserverEntry[]): void {
  for (const {target} of entries) {
    const container = watched.has(target as HTMLElement) ? (target as HTMLElement) : containerOf.get(target);
    // Removed from the page (its size became 0): forgotten; its element's next render watches it again.
    if (container && !container.isConnected) {
      unwatch(container);
      if (!(container.getRootNode() instanceof ShadowRoot)) hostOf.get(container)?.delete(container); // out of its element
    }
    else if (container) schedule(container, 'frame');
  }
}

/** After a render of the container's element: its data, language or steps may have changed. */
function watch(container: HTMLElement, levels: readonly string[]): void {
  const known = watched.get(container);
  if (known) known.levels = levels;
  else {
    watched.set(container, {levels, content: null});
    (observer ??= new ResizeObserver(onResize)).observe(container);
  }
  schedule(container, 'microtask');
}

function unwatch(container: HTMLElement): void {
  const state = watched.get(container);
  if (!state) return;
  observer?.unobserve(container);
  if (state.content) observer?.unobserve(state.content);
  watched.delete(container);
  pending.delete(container);
  // No table left on the page: no observer left either (a host's leak checks count it).
  if (!watched.size) {
    observer?.disconnect();
    observer = null;
  }
}

/**
 * The containers of each element, with their steps: unwatched when the element leaves the page
 * (a container removed before it was ever laid out gets no ResizeObserver report), watched again
 * when it comes back without rendering.
 */
const byHost = new WeakMap<ReactiveControllerHost, Map<HTMLElement, readonly string[]>>();
/** Container → its element's map above (to forget a container its element no longer shows). */
const hostOf = new WeakMap<HTMLElement, Map<HTMLElement, readonly string[]>>();

function track(host: ReactiveControllerHost, container: HTMLElement, levels: readonly string[]): void {
  let containers = byHost.get(host);
  if (!containers) {
    const mine = new Map<HTMLElement, readonly string[]>();
    byHost.set(host, (containers = mine));
    host.addController({
      hostConnected: () => mine.forEach((steps, c) => c.isConnected && watch(c, steps)),
      hostDisconnected: () =>
        mine.forEach((_, c) => {
          unwatch(c);
          if (!(host as unknown as Element).shadowRoot?.contains(c)) mine.delete(c); // replaced by a later render
        }),
    });
  }
  containers.set(container, levels);
  hostOf.set(container, containers);
}

class FitDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('fit() belongs on an element: <div ${fit([…])}>');
  }

  render(_levels: readonly string[]): unknown {
    return noChange;
  }

  override update(part: ElementPart, [levels]: [readonly string[]]): unknown {
    const container = part.element as HTMLElement;
    const host = part.options?.host as Partial<ReactiveControllerHost> | undefined;
    if (host?.addController) track(host as ReactiveControllerHost, container, levels);
    // An update can still run after the element left the page: its connect watches the table again.
    if ((host as Element | undefined)?.isConnected !== false) watch(container, levels);
    return noChange;
  }
}

/** The one step of a table whose rows become cards and whose columns never give way. */
export const STACKED = ['stacked'] as const;

/** On a table's scroll container: the element's give-way steps, taken while the table overflows. */
export const fit = directive(FitDirective);
